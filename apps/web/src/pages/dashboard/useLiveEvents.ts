import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';

export interface LiveNotice {
  type: string;
  at: Date;
}

/** Listens to the server's events (new and overdue leads, fevers) and refreshes the dashboard on each. */
export function useLiveEvents(): LiveNotice[] {
  const queryClient = useQueryClient();
  const [notices, setNotices] = useState<LiveNotice[]>([]);
  useEffect(() => {
    const source = new EventSource('/api/v1/events');
    const onEvent = (e: MessageEvent) => {
      setNotices((n) => [{ type: e.type, at: new Date() }, ...n].slice(0, 20));
      void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
    };
    for (const type of ['lead.raised', 'lead.overdue', 'fever']) source.addEventListener(type, onEvent);
    return () => source.close();
  }, [queryClient]);
  return notices;
}
