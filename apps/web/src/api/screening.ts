import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { Coverage, Page, RiskArea, RoundHousehold, RoundHouseholdsQuery, ScreeningRound } from './types';

export const screeningKeys = {
  all: ['screening'] as const,
  rounds: ['screening', 'rounds'] as const,
  coverage: (roundId: string, regionId?: string) => ['screening', 'coverage', roundId, regionId ?? ''] as const,
  households: (roundId: string, q: RoundHouseholdsQuery) => ['screening', 'households', roundId, q] as const,
};

export function useRounds() {
  return useQuery({
    queryKey: screeningKeys.rounds,
    queryFn: ({ signal }) => api.get<Page<ScreeningRound>>('/api/v1/screening/rounds', { pageSize: 100 }, signal),
  });
}

export function useCoverage(roundId: string | undefined, regionId?: string) {
  return useQuery({
    queryKey: screeningKeys.coverage(roundId ?? '', regionId),
    enabled: !!roundId,
    queryFn: ({ signal }) => api.get<Coverage>(`/api/v1/screening/rounds/${roundId}/coverage`, { regionId }, signal),
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });
}

export function useRoundHouseholds(roundId: string | undefined, q: RoundHouseholdsQuery) {
  return useQuery({
    queryKey: screeningKeys.households(roundId ?? '', q),
    enabled: !!roundId,
    queryFn: ({ signal }) =>
      api.get<Page<RoundHousehold>>(`/api/v1/screening/rounds/${roundId}/households`, { ...q }, signal),
    placeholderData: keepPreviousData,
  });
}

export const createRound = (body: {
  regionId: string;
  name: string;
  purpose?: string;
  startsOn: string;
  deadline: string;
  travelSince: string;
}) => api.post<ScreeningRound>('/api/v1/screening/rounds', body);

export const updateRound = (
  id: string,
  body: { name?: string; purpose?: string | null; deadline?: string; status?: 'open' | 'closed' },
) => api.patch<ScreeningRound>(`/api/v1/screening/rounds/${id}`, body);

export const createRiskArea = (body: { name: string; level: RiskArea['level']; startsOn: string; endsOn?: string }) =>
  api.post('/api/v1/risk-areas', body);

/** Ends a risk area on `endsOn` (a Shanghai date). */
export const endRiskArea = (id: string, endsOn: string) => api.patch(`/api/v1/risk-areas/${id}`, { endsOn });
