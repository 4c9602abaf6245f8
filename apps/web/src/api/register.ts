import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { HouseholdDetail, Household, ListHouseholdsQuery, ListPersonsQuery, Page, Person, PersonDetail, PersonFull, RiskArea } from './types';

export const registerKeys = {
  households: (q: ListHouseholdsQuery) => ['households', 'list', q] as const,
  household: (id: string) => ['households', id] as const,
  persons: (q: ListPersonsQuery) => ['persons', 'list', q] as const,
  person: (id: string) => ['persons', id] as const,
  riskAreas: ['risk-areas'] as const,
};

export function useHouseholds(q: ListHouseholdsQuery) {
  return useQuery({ queryKey: registerKeys.households(q), queryFn: ({ signal }) => api.get<Page<Household>>('/api/v1/households', { ...q }, signal), placeholderData: keepPreviousData });
}

export function useHousehold(id: string | undefined) {
  return useQuery({ queryKey: registerKeys.household(id ?? ''), enabled: !!id, queryFn: ({ signal }) => api.get<HouseholdDetail>(`/api/v1/households/${id}`, {}, signal) });
}

export function usePersons(q: ListPersonsQuery, enabled = true) {
  return useQuery({ queryKey: registerKeys.persons(q), enabled, queryFn: ({ signal }) => api.get<Page<Person>>('/api/v1/persons', { ...q }, signal), placeholderData: keepPreviousData });
}

export function usePerson(id: string | undefined) {
  return useQuery({ queryKey: registerKeys.person(id ?? ''), enabled: !!id, queryFn: ({ signal }) => api.get<PersonDetail>(`/api/v1/persons/${id}`, {}, signal) });
}

/** The unmasked data; the server writes each call to the audit log, so it is fetched on demand only. */
export const fetchPersonFull = (id: string) => api.get<PersonFull>(`/api/v1/persons/${id}/full`);

export function useRiskAreas() {
  return useQuery({ queryKey: registerKeys.riskAreas, queryFn: ({ signal }) => api.get<Page<RiskArea>>('/api/v1/risk-areas', { pageSize: 200 }, signal), staleTime: 5 * 60_000 });
}
