import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { outbox } from '../offline';
import { api, apiRequest, downloadUrl } from './client';
import type { AddOfficerBody, CheckInLink, HealthCheckPage, KeyPerson, KeyPersonDetail, LineListCounts, ListKeyPersonsQuery, Page, RecordCheckBody } from './types';

export type KeyPersonFilter = ListKeyPersonsQuery & { page: number; pageSize: number };

export const keyPersonKeys = {
  all: ['keyPersons'] as const,
  list: (filter: KeyPersonFilter) => ['keyPersons', 'list', filter] as const,
  counts: (mine: boolean) => ['keyPersons', 'counts', mine] as const,
  one: (id: string) => ['keyPersons', 'one', id] as const,
};

export function useKeyPersons(filter: KeyPersonFilter) {
  return useQuery({
    queryKey: keyPersonKeys.list(filter),
    queryFn: ({ signal }) => api.get<Page<KeyPerson>>('/api/v1/key-persons', { ...filter }, signal),
    placeholderData: keepPreviousData,
  });
}

/** Health checks as recorded, filtered as a report figure asks (region, time recorded, first versions only). */
export function useHealthChecks(filter: Record<string, string | number | undefined>) {
  return useQuery({
    queryKey: [...keyPersonKeys.all, 'checks', filter],
    queryFn: ({ signal }) => api.get<HealthCheckPage>('/api/v1/health-checks', { ...filter }, signal),
    placeholderData: keepPreviousData,
  });
}

/** The same checks as .xlsx (health data: the download is audited). */
export const exportChecksUrl = (filter: Record<string, string | undefined>) => downloadUrl('/api/v1/health-checks/export', filter);

export function useLineListCounts(mine: boolean) {
  return useQuery({
    queryKey: keyPersonKeys.counts(mine),
    queryFn: ({ signal }) => api.get<LineListCounts>('/api/v1/key-persons/line-lists', { mine: mine ? 'true' : undefined }, signal),
  });
}

export function useKeyPerson(id: string) {
  return useQuery({ queryKey: keyPersonKeys.one(id), queryFn: ({ signal }) => api.get<KeyPersonDetail>(`/api/v1/key-persons/${encodeURIComponent(id)}`, undefined, signal) });
}

/** Every change to a file refreshes the lists and the file. */
function useKeyPersonMutation<V, R>(fn: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void queryClient.invalidateQueries({ queryKey: keyPersonKeys.all }) });
}

/** Records a check through the shared outbox: sent now when online, queued and replayed when not. */
export const useRecordCheck = () =>
  useKeyPersonMutation((body: RecordCheckBody & { id: string }) =>
    outbox.submit({ id: body.id, method: 'POST', url: '/api/v1/health-checks', body, label: `${body.day} ${body.slot} ${body.temperature}℃` }));

export const useUpdateKeyPerson = (id: string) =>
  useKeyPersonMutation((body: { plannedEndDate?: string; measure?: string; reason?: string }) => api.patch<KeyPersonDetail>(`/api/v1/key-persons/${id}`, body));
export const useSetStatus = (id: string) =>
  useKeyPersonMutation((body: { status: string; reason?: string }) => api.post<KeyPersonDetail>(`/api/v1/key-persons/${id}/status`, body));
export const useAddOfficer = (id: string) => useKeyPersonMutation((body: AddOfficerBody) => api.post<KeyPersonDetail>(`/api/v1/key-persons/${id}/officers`, body));
export const useRemoveOfficer = (id: string) =>
  useKeyPersonMutation((officerId: string) => apiRequest<KeyPersonDetail>(`/api/v1/key-persons/${id}/officers/${officerId}`, { method: 'DELETE' }));
export const useCheckInLink = (id: string) => useMutation({ mutationFn: () => api.post<CheckInLink>(`/api/v1/key-persons/${id}/check-in-links`) });
