import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, apiRequest } from './client';
import type { components } from './schema.gen';
import type {
  HouseholdDetail,
  Household,
  ListHouseholdsQuery,
  ListPersonsQuery,
  Page,
  Person,
  PersonDetail,
  PersonFull,
  RiskArea,
} from './types';

export const registerKeys = {
  households: (q: ListHouseholdsQuery) => ['households', 'list', q] as const,
  household: (id: string) => ['households', id] as const,
  persons: (q: ListPersonsQuery) => ['persons', 'list', q] as const,
  person: (id: string) => ['persons', id] as const,
  riskAreas: ['risk-areas'] as const,
};

export function useHouseholds(q: ListHouseholdsQuery) {
  return useQuery({
    queryKey: registerKeys.households(q),
    queryFn: ({ signal }) => api.get<Page<Household>>('/api/v1/households', { ...q }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useHousehold(id: string | undefined) {
  return useQuery({
    queryKey: registerKeys.household(id ?? ''),
    enabled: !!id,
    queryFn: ({ signal }) => api.get<HouseholdDetail>(`/api/v1/households/${id}`, {}, signal),
  });
}

export function usePersons(q: ListPersonsQuery, enabled = true) {
  return useQuery({
    queryKey: registerKeys.persons(q),
    enabled,
    queryFn: ({ signal }) => api.get<Page<Person>>('/api/v1/persons', { ...q }, signal),
    placeholderData: keepPreviousData,
  });
}

export function usePerson(id: string | undefined) {
  return useQuery({
    queryKey: registerKeys.person(id ?? ''),
    enabled: !!id,
    queryFn: ({ signal }) => api.get<PersonDetail>(`/api/v1/persons/${id}`, {}, signal),
  });
}

/** The unmasked data; the server writes each call to the audit log, so it is fetched on demand only. */
export const fetchPersonFull = (id: string) => api.get<PersonFull>(`/api/v1/persons/${id}/full`);

export function useRiskAreas() {
  return useQuery({
    queryKey: registerKeys.riskAreas,
    queryFn: ({ signal }) => api.get<Page<RiskArea>>('/api/v1/risk-areas', { pageSize: 200 }, signal),
    staleTime: 5 * 60_000,
  });
}

export function useDuplicates(page: { page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['persons', 'duplicates', page],
    queryFn: ({ signal }) =>
      api.get<components['schemas']['DuplicatePage']>('/api/v1/persons/duplicates', { ...page }, signal),
  });
}

/** Merges `drop` into `keep`; `drop` is gone afterwards. */
export const mergePersons = (keep: string, drop: string) =>
  api.post(`/api/v1/persons/${keep}/merge`, { duplicateId: drop });

/** A new household; the id is the browser's, so sending it again never creates it twice. */
export const createHousehold = (body: object) => api.post('/api/v1/households', body);

/** A new person, in a household or only in a region; the id is the browser's. */
export const createPerson = (body: object) => api.post('/api/v1/persons', body);

export const movePerson = (id: string, body: { householdId: string; effectiveOn?: string; reason?: string }) =>
  api.post<PersonDetail>(`/api/v1/persons/${id}/move`, body);

/** The header names of a 基础台账表 and the ledger column each is matched to. */
export const detectLedgerColumns = <T>(file: File, contentType: string) =>
  apiRequest<T>('/api/v1/persons/import/columns', { method: 'POST', body: file, contentType });

/** Starts a 基础台账表 import as a job; `query` carries the chosen column mapping. */
export const startLedgerImport = (file: File, contentType: string, query: string) =>
  apiRequest<{ id: string }>(`/api/v1/persons/import${query}`, { method: 'POST', body: file, contentType });

/** Starts a 基础台账表 export as a job; full=true unmasked (needs persons.readFull). */
export const startLedgerExport = (full: boolean) =>
  apiRequest<{ id: string }>(`/api/v1/persons/export-jobs${full ? '?full=true' : ''}`, { method: 'POST' });

export type FileJob = components['schemas']['FileJob'];
export const fetchFileJob = (id: string, signal?: AbortSignal) =>
  api.get<FileJob>(`/api/v1/jobs/${id}`, undefined, signal);
