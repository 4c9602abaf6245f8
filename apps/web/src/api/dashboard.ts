import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { Dashboard } from './types';

/** 指挥调度's picture of a region (the user's own when none), refreshed every minute. */
export function useDashboard(regionId: string | undefined) {
  return useQuery({
    queryKey: ['dashboard', regionId],
    queryFn: ({ signal }) => api.get<Dashboard>('/api/v1/dashboard', { regionId }, signal),
    refetchInterval: 60_000,
  });
}
