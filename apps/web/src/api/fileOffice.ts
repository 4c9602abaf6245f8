// Observation-site beds and placements, triage tasks, and the county's rules for key persons.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, downloadUrl } from './client';
import type {
  CheckpointHoldPage,
  ObservationSiteDetail,
  ObservationSitePage,
  TriageTask,
  TriageTaskPage,
} from './types';

export const useSites = () =>
  useQuery({
    queryKey: ['observationSites'],
    queryFn: ({ signal }) => api.get<ObservationSitePage>('/api/v1/observation-sites', undefined, signal),
    refetchInterval: 60_000,
  });

export const useSite = (id: string) =>
  useQuery({
    queryKey: ['observationSites', id],
    queryFn: ({ signal }) =>
      api.get<ObservationSiteDetail>(`/api/v1/observation-sites/${encodeURIComponent(id)}`, undefined, signal),
    refetchInterval: 60_000,
  });

/** Placing and releasing answer with the site; lists and files change with them. */
function useSiteMutation<V>(id: string, fn: (v: V) => Promise<ObservationSiteDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (site) => {
      queryClient.setQueryData(['observationSites', id], site);
      void queryClient.invalidateQueries({ queryKey: ['observationSites'], exact: true });
      void queryClient.invalidateQueries({ queryKey: ['keyPersons'] });
    },
  });
}
export const usePlace = (id: string) =>
  useSiteMutation(id, (body: { keyPersonId: string; bedId: string }) =>
    api.post(`/api/v1/observation-sites/${id}/placements`, body),
  );
export const useEndPlacement = (id: string) =>
  useSiteMutation(id, (placementId: string) =>
    api.post(`/api/v1/observation-sites/${id}/placements/${placementId}/end`),
  );

export const useTriageTasks = (
  q: { status?: TriageTask['status']; page: number; pageSize: number } & Record<string, string | number | undefined>,
) =>
  useQuery({
    queryKey: ['triageTasks', q],
    queryFn: ({ signal }) => api.get<TriageTaskPage>('/api/v1/triage-tasks', { ...q }, signal),
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });

function useTriageMutation<V>(fn: (v: V) => Promise<TriageTask>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['triageTasks'] }),
  });
}
export const useAcknowledgeTriage = () =>
  useTriageMutation((id: string) => api.post(`/api/v1/triage-tasks/${id}/acknowledge`));
export const useCloseTriage = () =>
  useTriageMutation((v: { id: string; outcome: string }) =>
    api.post(`/api/v1/triage-tasks/${v.id}/close`, { outcome: v.outcome }),
  );

/** 留验: the people checkpoints held, by state. */
export const useCheckpointHolds = (q: { state: 'pending' | 'placed' | 'handover'; page: number; pageSize: number }) =>
  useQuery({
    queryKey: ['checkpointHolds', q],
    queryFn: ({ signal }) => api.get<CheckpointHoldPage>('/api/v1/checkpoint-holds', { ...q }, signal),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });

export function usePlaceHold() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { occupantId: string; siteId: string; bedId: string }) =>
      api.post<{ keyPersonId: string }>(`/api/v1/checkpoint-holds/${v.occupantId}/placement`, {
        siteId: v.siteId,
        bedId: v.bedId,
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['checkpointHolds'] });
      void queryClient.invalidateQueries({ queryKey: ['observationSites'] });
      void queryClient.invalidateQueries({ queryKey: ['keyPersons'] });
    },
  });
}

/** 床位表 of one site as .xlsx (who is isolated where: the download is audited). */
export const exportSiteUrl = (siteId: string) => downloadUrl(`/api/v1/observation-sites/${siteId}/export`);

type Rooms = { room: string; beds: number }[];
/** 新建隔离点 with its rooms and beds (the id makes a retried submit open one site). */
export function useCreateSite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { id: string; regionId: string; name: string; address?: string; rooms: Rooms }) =>
      api.post<ObservationSiteDetail>('/api/v1/observation-sites', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['observationSites'] }),
  });
}
export const useAddRooms = (id: string) =>
  useSiteMutation(id, (body: { rooms: Rooms }) => api.post(`/api/v1/observation-sites/${id}/rooms`, body));
