import { lazy, Suspense } from 'react';
import type { Chart as ChartComponent } from './Chart';

// ECharts is the largest part of the dashboard (about 120 KB compressed): its figures show first,
// the charts follow when their code has arrived.
const Chart = lazy(() => import('./Chart').then((m) => ({ default: m.Chart })));

/** The Chart, its code loaded on first use; an empty box of its height meanwhile. */
export function LazyChart(props: Parameters<typeof ChartComponent>[0]) {
  return (
    <Suspense fallback={<div style={{ height: props.height ?? 280 }} />}>
      <Chart {...props} />
    </Suspense>
  );
}
