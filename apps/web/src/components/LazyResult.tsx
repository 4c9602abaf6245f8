import type { ResultProps } from 'antd';
import { lazy, Suspense } from 'react';

// antd's Result carries its large 403/404/500 illustrations: fetched only when one is shown, not
// with every page's first download.
const Result = lazy(() => import('antd/es/result'));

/** antd's Result, loaded on first use. */
export function LazyResult(props: ResultProps) {
  return (
    <Suspense fallback={null}>
      <Result {...props} />
    </Suspense>
  );
}
