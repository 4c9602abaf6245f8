import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { Coverage, Page, RoundHousehold, RoundHouseholdsQuery, ScreeningRound, Visit } from './types';

export const screeningKeys = {
  all: ['screening'] as const,
  rounds: ['screening', 'rounds'] as const,
  coverage: (roundId: string, regionId?: string) => ['screening', 'coverage', roundId, regionId ?? ''] as const,
  households: (roundId: string, q: RoundHouseholdsQuery) => ['screening', 'households', roundId, q] as const,
  visits: (roundId: string, householdId: string) => ['screening', 'visits', roundId, householdId] as const,
};

export function useRounds() {
  return useQuery({ queryKey: screeningKeys.rounds, queryFn: ({ signal }) => api.get<Page<ScreeningRound>>('/api/v1/screening/rounds', { pageSize: 100 }, signal) });
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
    queryFn: ({ signal }) => api.get<Page<RoundHousehold>>(`/api/v1/screening/rounds/${roundId}/households`, { ...q }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useHouseholdVisits(roundId: string | undefined, householdId: string | undefined) {
  return useQuery({
    queryKey: screeningKeys.visits(roundId ?? '', householdId ?? ''),
    enabled: !!roundId && !!householdId,
    queryFn: ({ signal }) => api.get<Page<Visit>>(`/api/v1/screening/rounds/${roundId}/visits`, { householdId }, signal),
  });
}
