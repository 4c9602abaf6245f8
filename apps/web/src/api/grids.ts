import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from './client';
import { regionKeys } from './regions';
import type {
  Grid,
  GridAssignResult,
  GridRoster,
  SetupChecklist,
  UnassignedHouseholdPage,
  UserImportResult,
} from './types';

export const gridKeys = { all: ['grids'] as const };

export function useGridRoster(regionId?: string) {
  return useQuery({
    queryKey: [...gridKeys.all, 'roster', regionId ?? ''],
    queryFn: ({ signal }) => api.get<GridRoster>('/api/v1/grids/roster', { regionId }, signal),
  });
}

export function useUnassigned(regionId: string | undefined, page: number) {
  return useQuery({
    queryKey: [...gridKeys.all, 'unassigned', regionId, page],
    enabled: !!regionId,
    queryFn: ({ signal }) =>
      api.get<UnassignedHouseholdPage>('/api/v1/grids/unassigned-households', { regionId, page, pageSize: 50 }, signal),
    placeholderData: keepPreviousData,
  });
}

/** Every change to grids refreshes the roster, the grid lists and the region counts. */
function useGridMutation<V, R>(fn: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: gridKeys.all });
      void queryClient.invalidateQueries({ queryKey: regionKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['setup'] });
      void queryClient.invalidateQueries({ queryKey: ['users'] });
    },
  });
}

export const useCreateGrid = () =>
  useGridMutation((body: { regionId: string; name: string; leaderId?: string | null; workerIds?: string[] }) =>
    api.post<Grid>('/api/v1/grids', body),
  );
export const useUpdateGrid = () =>
  useGridMutation(({ id, ...body }: { id: string; name?: string; leaderId?: string | null; workerIds?: string[] }) =>
    api.patch<Grid>(`/api/v1/grids/${id}`, body),
  );
export const useMergeGrid = () =>
  useGridMutation(({ id, intoId }: { id: string; intoId: string }) =>
    api.post<Grid>(`/api/v1/grids/${id}/merge`, { intoId }),
  );
export const useRetireGrid = () =>
  useGridMutation((id: string) => api.post<{ id: string }>(`/api/v1/grids/${id}/retire`));
export const useAssignHouseholds = () =>
  useGridMutation(
    ({ id, ...body }: { id: string; householdIds?: string[]; addressContains?: string; move?: boolean }) =>
      api.post<GridAssignResult>(`/api/v1/grids/${id}/households`, body),
  );
export const useGridImport = () =>
  useGridMutation(({ regionId, file, contentType }: { regionId: string; file: File; contentType: string }) =>
    apiRequest<GridAssignResult>(`/api/v1/grids/assignments/import?regionId=${encodeURIComponent(regionId)}`, {
      method: 'POST',
      body: file,
      contentType,
    }),
  );

export function useSetupChecklist(enabled: boolean) {
  return useQuery({
    queryKey: ['setup', 'checklist'],
    enabled,
    queryFn: ({ signal }) => api.get<SetupChecklist>('/api/v1/setup/checklist', undefined, signal),
  });
}

export const useUserImport = () =>
  useGridMutation(({ file, contentType }: { file: File; contentType: string }) =>
    apiRequest<UserImportResult>('/api/v1/users/import', { method: 'POST', body: file, contentType }),
  );
