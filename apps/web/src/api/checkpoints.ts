import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest, downloadUrl } from './client';
import type {
  Checkpoint, CheckpointEntry, CheckpointStats, CreateCheckpointBody, CreateEntryBody, DutyRoster, DutyShift,
  LastOccupants, ListEntriesQuery, Page, Resident, StatsQuery, UpdateCheckpointBody,
} from './types';

export const checkpointKeys = {
  all: ['checkpoints'] as const,
  list: (q: object) => ['checkpoints', 'list', q] as const,
  entries: (q: object) => ['checkpoints', 'entries', q] as const,
  stats: (q: object) => ['checkpoints', 'stats', q] as const,
  roster: (q: object) => ['checkpoints', 'roster', q] as const,
};

export interface CheckpointSettings { healthCodeRequired: boolean; itineraryRequired: boolean; nucleicAcidRequired: boolean }

/** The county's occupant checks; the entry form shows a check's field only when it is on. */
export function useCheckpointSettings() {
  return useQuery({
    queryKey: ['checkpoint-settings'],
    queryFn: ({ signal }) => api.get<CheckpointSettings>('/api/v1/checkpoint-settings', {}, signal),
    staleTime: 5 * 60_000,
  });
}

/** Turns the county's occupant checks on or off (county users only; the server audits it). */
export function useUpdateCheckpointSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<CheckpointSettings>) => apiRequest<CheckpointSettings>('/api/v1/checkpoint-settings', { method: 'PUT', body }),
    onSuccess: (settings) => qc.setQueryData(['checkpoint-settings'], settings),
  });
}

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
    mutationFn: ({ id, body }: { id: string; body: UpdateCheckpointBody }) => api.patch<Checkpoint>(`/api/v1/checkpoints/${encodeURIComponent(id)}`, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: checkpointKeys.all }),
  });
}

/** Sends one entry; the id is the browser's, so sending it again never stores it twice. */
export function postEntry(checkpointId: string, body: CreateEntryBody) {
  return api.post<CheckpointEntry>(`/api/v1/checkpoints/${encodeURIComponent(checkpointId)}/entries`, body);
}

export function findResidents(q: { idNumber?: string; name?: string }) {
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

export function useSaveShift() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ post, day, members }: { post: { checkpointId: string | null; officeRegionId: string | null }; day: string; members: DutyShift['members'] }) =>
      apiRequest<DutyShift>(
        post.checkpointId ? `/api/v1/checkpoints/${encodeURIComponent(post.checkpointId)}/duty-shifts/${day}` : `/api/v1/offices/${encodeURIComponent(post.officeRegionId!)}/duty-shifts/${day}`,
        { method: 'PUT', body: { members } },
      ),
    onSuccess: () => void qc.invalidateQueries({ queryKey: checkpointKeys.all }),
  });
}

/** The entry log as .xlsx through the browser's download. */
export const exportEntriesUrl = (q: Omit<ListEntriesQuery, 'page' | 'pageSize'>) => downloadUrl('/api/v1/checkpoint-entries/export', q);
export const exportStatsUrl = (q: StatsQuery) => downloadUrl('/api/v1/checkpoint-stats/export', q);
export const exportRosterUrl = (q: { from: string; to: string }) => downloadUrl('/api/v1/duty-shifts/export', q);
