import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { PublicChallenge, PublicReceipt, PublicReportOptions } from './types';

/** The public pages (主动报备, 举报): no session; the county's places and risk areas to pick from. */
export const usePublicReportOptions = () =>
  useQuery({
    queryKey: ['publicReportOptions'],
    queryFn: ({ signal }) => api.get<PublicReportOptions>('/api/public/report-options', undefined, signal),
    staleTime: 10 * 60_000,
  });

export const fetchChallenge = () => api.get<PublicChallenge>('/api/public/challenge');
export const sendSelfReport = (body: Record<string, unknown>) =>
  api.post<PublicReceipt>('/api/public/self-reports', body);
export const sendTip = (body: Record<string, unknown>) => api.post<PublicReceipt>('/api/public/tips', body);

/** A random id kept on this phone, for the per-device limit (getRandomValues also works over plain HTTP). */
export function deviceId(): string {
  const key = 'fangkong.device';
  try {
    const known = localStorage.getItem(key);
    if (known) return known;
    const made = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join(
      '',
    );
    localStorage.setItem(key, made);
    return made;
  } catch {
    return 'no-storage';
  }
}
