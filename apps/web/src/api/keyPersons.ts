import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { outbox } from '../offline';
import { api, apiRequest, downloadUrl } from './client';
import { useEditVersion } from './editVersion';
import type {
  AddOfficerBody,
  CheckInLink,
  HealthCheck,
  HealthCheckPage,
  KeyPerson,
  KeyPersonDetail,
  LineListCounts,
  ListKeyPersonsQuery,
  OfficerCandidates,
  Page,
  RecordCheckBody,
} from './types';

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
export const exportChecksUrl = (filter: Record<string, string | undefined>) =>
  downloadUrl('/api/v1/health-checks/export', filter);

export function useLineListCounts(mine: boolean) {
  return useQuery({
    queryKey: keyPersonKeys.counts(mine),
    queryFn: ({ signal }) =>
      api.get<LineListCounts>('/api/v1/key-persons/line-lists', { mine: mine ? 'true' : undefined }, signal),
  });
}

/** The edit version (ETag) of each file as last read: a change is sent against it (If-Match). */
const fileVersions = new Map<string, string>();

export function useKeyPerson(id: string) {
  return useQuery({
    queryKey: keyPersonKeys.one(id),
    queryFn: ({ signal }) =>
      apiRequest<KeyPersonDetail>(`/api/v1/key-persons/${encodeURIComponent(id)}`, {
        signal,
        onEtag: (e) => {
          if (e) fileVersions.set(id, e);
        },
      }),
  });
}

/** Every change to a file refreshes the lists and the file. */
function useKeyPersonMutation<V, R>(fn: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keyPersonKeys.all }),
  });
}

/** Records a check through the shared outbox: sent now when online, queued and replayed when not. */
export const useRecordCheck = () =>
  useKeyPersonMutation((body: RecordCheckBody & { id: string }) =>
    outbox.submit<HealthCheck>({
      id: body.id,
      method: 'POST',
      url: '/api/v1/health-checks',
      body,
      label: `${body.day} ${body.slot} ${body.temperature}℃`,
    }),
  );

/**
 * A change to a file made on the version shown when its dialog opened (If-Match): when someone else
 * changed the file since (412), `conflict` lists their change field by field, the file behind the
 * dialog shows it, and the next press sends the user's values on their version.
 */
function useFileChange<V>(kp: KeyPersonDetail, open: boolean, method: 'PATCH' | 'POST', path = '') {
  const queryClient = useQueryClient();
  const url = `/api/v1/key-persons/${encodeURIComponent(kp.id)}`;
  const edit = useEditVersion(open ? url : null, {
    initial: () => ({ etag: fileVersions.get(kp.id) ?? null, data: kp as unknown as Record<string, unknown> }),
    onFresh: ({ etag, data }) => {
      if (etag) fileVersions.set(kp.id, etag);
      queryClient.setQueryData(keyPersonKeys.one(kp.id), data);
    },
  });
  const mutation = useMutation({
    mutationFn: (body: V) => edit.send<KeyPersonDetail>(body, { method, url: `${url}${path}` }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keyPersonKeys.all }),
  });
  return { ...mutation, conflict: edit.conflict };
}

/** Category, measure or end changed on the file as shown (`open`: while its dialog is open). */
export const useUpdateKeyPerson = (kp: KeyPersonDetail, open: boolean) =>
  useFileChange<{ plannedEndDate?: string; category?: string; measure?: string; reason?: string }>(kp, open, 'PATCH');
/** 住院, 失访, 恢复管控 on the file as shown. */
export const useSetStatus = (kp: KeyPersonDetail, open: boolean) =>
  useFileChange<{ status: string; reason?: string }>(kp, open, 'POST', '/status');
/** 解除管控 of the file as the page shows it (its last read version); after a 412 the page shows the other's change. */
export function useRelease(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiRequest<KeyPersonDetail>(`/api/v1/key-persons/${encodeURIComponent(id)}/status`, {
        method: 'POST',
        body: { status: 'released' },
        ifMatch: fileVersions.get(id),
      }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: keyPersonKeys.all }),
  });
}
export const useAddOfficer = (id: string) =>
  useKeyPersonMutation((body: AddOfficerBody) => api.post<KeyPersonDetail>(`/api/v1/key-persons/${id}/officers`, body));
export const useAddTeam = (id: string) =>
  useKeyPersonMutation((officers: AddOfficerBody[]) =>
    api.post<KeyPersonDetail>(`/api/v1/key-persons/${id}/team`, { officers }),
  );
/** Accounts that can serve on the team and the proposed team; refreshed whenever the file changes. */
export function useOfficerCandidates(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...keyPersonKeys.one(id), 'candidates'],
    enabled,
    queryFn: ({ signal }) =>
      api.get<OfficerCandidates>(`/api/v1/key-persons/${encodeURIComponent(id)}/officer-candidates`, undefined, signal),
  });
}
export const useRemoveOfficer = (id: string) =>
  useKeyPersonMutation((officerId: string) =>
    apiRequest<KeyPersonDetail>(`/api/v1/key-persons/${id}/officers/${officerId}`, { method: 'DELETE' }),
  );
export const useCheckInLink = (id: string) =>
  useMutation({ mutationFn: () => api.post<CheckInLink>(`/api/v1/key-persons/${id}/check-in-links`) });

/** 转出: to a region of the same county (the file moves) or outside it (the file closes as transferred). */
export const useTransfer = (kp: KeyPersonDetail, open: boolean) =>
  useFileChange<{ regionId?: string; destination?: string; reason: string }>(kp, open, 'POST', '/transfer');
/** Opens a file for a person of the register (a replay with the same id returns the same file). */
export const useOpenFile = () =>
  useKeyPersonMutation(
    (body: {
      id: string;
      personId: string;
      category: string;
      measure: string;
      source: string;
      startDate: string;
      plannedEndDate?: string;
    }) => api.post<KeyPersonDetail>('/api/v1/key-persons', body),
  );
/** A correction is a new check pointing at the first, which stays. */
export const useCorrectCheck = () =>
  useKeyPersonMutation(
    ({ checkId, ...body }: { checkId: string; temperature: string; symptoms: string[]; reason: string }) =>
      api.post<unknown>(`/api/v1/health-checks/${checkId}/corrections`, body),
  );
