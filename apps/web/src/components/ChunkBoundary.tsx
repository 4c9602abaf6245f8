import { Alert, Button } from 'antd';
import type { ReactNode } from 'react';
import { ErrorBoundary } from 'react-error-boundary';
import { useTranslation } from 'react-i18next';

const Nothing = () => null;

// React keeps a lazy part's failed download for good: trying again means loading the app anew.
function NotDownloaded() {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      style={{ margin: 16 }}
      message={t('offlineNotice.notDownloaded')}
      action={<Button onClick={() => window.location.reload()}>{t('common.retry')}</Button>}
    />
  );
}

/**
 * Keeps a part whose code could not be fetched (offline before the service worker kept it) from
 * taking the whole app down: a page says so and offers to try again; a header piece (`quiet`) is
 * left out.
 */
export function ChunkBoundary({ children, quiet = false }: { children: ReactNode; quiet?: boolean }) {
  return <ErrorBoundary FallbackComponent={quiet ? Nothing : NotDownloaded}>{children}</ErrorBoundary>;
}
