import { useQueryClient } from '@tanstack/react-query';
import { Alert } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOutboxItems } from './index';
import { useKeptAt } from './service-worker';

function useOnline() {
  const [online, setOnline] = useState(navigator.onLine);
  const queryClient = useQueryClient();
  useEffect(() => {
    // Back online: what is on screen is fetched again, and the notice goes with the kept data.
    const on = () => {
      setOnline(true);
      void queryClient.invalidateQueries();
    };
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, [queryClient]);
  return online;
}

/** Without network: how old the data on screen is, and which writes wait to be sent. */
export function OfflineNotice() {
  const { t } = useTranslation();
  const keptAt = useKeptAt();
  const online = useOnline();
  const waiting = useOutboxItems().filter((i) => !i.error);
  if (online && !keptAt) return null;
  const minutes = keptAt ? Math.max(0, Math.round((Date.now() - Date.parse(keptAt)) / 60_000)) : null;
  const age =
    minutes === null || minutes < 1
      ? null
      : minutes < 60
        ? t('offlineNotice.minutes', { count: minutes })
        : t('offlineNotice.hours', { count: Math.floor(minutes / 60) });
  const parts = [
    age
      ? t('offlineNotice.kept', { age })
      : minutes !== null
        ? t('offlineNotice.keptJustNow')
        : t('offlineNotice.offline'),
    waiting.length
      ? t('offlineNotice.waiting', {
          count: waiting.length,
          items: waiting
            .slice(0, 3)
            .map((i) => i.label)
            .join('、'),
        })
      : t('offlineNotice.nothingWaiting'),
  ];
  return <Alert type="warning" showIcon banner role="status" message={parts.join('；')} style={{ marginBottom: 12 }} />;
}
