import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { CheckInState } from './types';

const checkInPath = (token: string) => `/api/public/check-in/${encodeURIComponent(token)}`;

/** The public self check-in behind a link: no session, the token is the key. */
export const useCheckIn = (token: string) =>
  useQuery({
    queryKey: ['checkIn', token],
    queryFn: ({ signal }) => api.get<CheckInState>(checkInPath(token), undefined, signal),
    retry: false,
  });

export const sendCheckIn = (token: string, body: { temperature: string; symptoms: string[] }) =>
  api.post<{ triage: boolean }>(checkInPath(token), body);
