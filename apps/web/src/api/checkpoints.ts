import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest, downloadUrl } from './client';
import type {
  Checkpoint,
  CheckpointEntry,
  CheckpointStats,
  CreateCheckpointBody,
  DutyRoster,
  DutyShift,
  DutyVolunteerList,
  LastOccupants,
  ListEntriesQuery,
  Page,
  Resident,
  StatsQuery,
  UpdateCheckpointBody,
} from './types';

export const checkpointKeys = {
  all: ['checkpoints'] as const,
  list: (q: object) => ['checkpoints', 'list', q] as const,
  entries: (q: object) => ['checkpoints', 'entries', q] as const,
  stats: (q: object) => ['checkpoints', 'stats', q] as const,
  roster: (q: object) => ['checkpoints', 'roster', q] as const,
};

export type { CheckpointSettings } from './types';
/** The occupant checks in force at the actor's region (卡口设置); the entry form shows a check's field only when it is on. */
export { useCheckpointSettings } from './countySettings';

export function useCheckpoints(q: { page?: number; pageSize?: number; status?: 'open' | 'closed'; q?: string } = {}) {
  const query = { page: 1, pageSize: 200, ...q };
  return useQuery({
    queryKey: checkpointKeys.list(query),
    queryFn: ({ signal }) => api.get<Page<Checkpoint>>('/api/v1/checkpoints', query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCreateCheckpoint() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCheckpointBody) => api.post<Checkpoint>('/api/v1/checkpoints', body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: checkpointKeys.all }),
  });
}

export function useUpdateCheckpoint() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateCheckpointBody }) =>
      api.patch<Checkpoint>(`/api/v1/checkpoints/${encodeURIComponent(id)}`, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: checkpointKeys.all }),
  });
}

export function findResidents(q: { idNumber?: string; name?: string; q?: string }) {
  return api.get<{ items: Resident[] }>('/api/v1/checkpoint-entries/residents', q);
}

export function findLastOccupants(plate: string) {
  return api.get<LastOccupants>('/api/v1/checkpoint-entries/last-occupants', { plate });
}

export function useEntries(q: ListEntriesQuery) {
  return useQuery({
    queryKey: checkpointKeys.entries(q),
    queryFn: ({ signal }) => api.get<Page<CheckpointEntry>>('/api/v1/checkpoint-entries', { ...q }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useStats(q: StatsQuery) {
  return useQuery({
    queryKey: checkpointKeys.stats(q),
    queryFn: ({ signal }) => api.get<CheckpointStats>('/api/v1/checkpoint-stats', { ...q }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useRoster(q: { from: string; to: string }) {
  return useQuery({
    queryKey: checkpointKeys.roster(q),
    queryFn: ({ signal }) => api.get<DutyRoster>('/api/v1/duty-shifts', q, signal),
  });
}

/** The volunteers of the teams in scope who may stand a shift at this post (the roster's picker). */
export function useDutyVolunteers(post: { checkpointId: string | null; officeRegionId: string | null } | null) {
  const q = post?.checkpointId
    ? { checkpointId: post.checkpointId }
    : { officeRegionId: post?.officeRegionId ?? undefined };
  return useQuery({
    queryKey: [...checkpointKeys.all, 'duty-volunteers', q],
    queryFn: ({ signal }) => api.get<DutyVolunteerList>('/api/v1/duty-shifts/volunteers', q, signal),
    enabled: !!post,
    staleTime: 60_000,
  });
}

export function useSaveShift() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({
      post,
      day,
      members,
    }: {
      post: { checkpointId: string | null; officeRegionId: string | null };
      day: string;
      members: DutyShift['members'];
    }) =>
      apiRequest<DutyShift>(
        post.checkpointId
          ? `/api/v1/checkpoints/${encodeURIComponent(post.checkpointId)}/duty-shifts/${day}`
          : `/api/v1/offices/${encodeURIComponent(post.officeRegionId!)}/duty-shifts/${day}`,
        { method: 'PUT', body: { members } },
      ),
    onSuccess: () => void qc.invalidateQueries({ queryKey: checkpointKeys.all }),
  });
}

/** The entry log as .xlsx through the browser's download. */
export const exportEntriesUrl = (q: Omit<ListEntriesQuery, 'page' | 'pageSize'>) =>
  downloadUrl('/api/v1/checkpoint-entries/export', q);
export const exportStatsUrl = (q: StatsQuery) => downloadUrl('/api/v1/checkpoint-stats/export', q);
export const exportRosterUrl = (q: { from: string; to: string }) => downloadUrl('/api/v1/duty-shifts/export', q);
