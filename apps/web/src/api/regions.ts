import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from './client';
import type { Grid, Page, Region, RegionDetail, RegionImportResult } from './types';

/** Enough for any real parent (a county has a few dozen townships, a township under a hundred villages). */
const CHILDREN_PAGE_SIZE = 500;

export const regionKeys = {
  all: ['regions'] as const,
  root: () => ['regions', 'root'] as const,
  children: (parentId: string) => ['regions', 'children', parentId] as const,
  search: (q: string) => ['regions', 'search', q] as const,
  detail: (id: string) => ['regions', 'detail', id] as const,
  grids: (regionId: string) => ['regions', 'grids', regionId] as const,
};

/** The user's scope root (the API answers it when neither parentId nor q is given). */
export async function fetchScopeRoots(): Promise<Region[]> {
  return (await api.get<Page<Region>>('/api/v1/regions')).items;
}

export async function fetchChildren(parentId: string): Promise<Region[]> {
  return (await api.get<Page<Region>>('/api/v1/regions', { parentId, pageSize: CHILDREN_PAGE_SIZE })).items;
}

export function useScopeRoots() {
  return useQuery({ queryKey: regionKeys.root(), queryFn: fetchScopeRoots });
}

export function useRegionChildren(parentId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: regionKeys.children(parentId ?? ''),
    queryFn: () => fetchChildren(parentId ?? ''),
    enabled: enabled && !!parentId,
  });
}

export function useRegion(id: string | undefined) {
  return useQuery({
    queryKey: regionKeys.detail(id ?? ''),
    queryFn: () => api.get<RegionDetail>(`/api/v1/regions/${encodeURIComponent(id ?? '')}`),
    enabled: !!id,
  });
}

export function useRegionSearch(q: string) {
  return useQuery({
    queryKey: regionKeys.search(q),
    queryFn: () => api.get<Page<Region>>('/api/v1/regions', { q, pageSize: 50 }),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
  });
}

export function useGrids(regionId: string | undefined) {
  return useQuery({
    queryKey: regionKeys.grids(regionId ?? ''),
    queryFn: () => api.get<Page<Grid>>('/api/v1/grids', { regionId, pageSize: 200 }),
    enabled: !!regionId,
  });
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The content type the import endpoint expects for a file, or null when the file is neither CSV nor .xlsx. */
export function importContentType(file: File): string | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.csv')) return 'text/csv';
  if (name.endsWith('.xlsx')) return XLSX_TYPE;
  return null;
}

export function useRegionImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, contentType }: { file: File; contentType: string }) =>
      apiRequest<RegionImportResult>('/api/v1/regions/import', { method: 'POST', body: file, contentType }),
    onSuccess: (result) => {
      if (result.created > 0 || result.updated > 0) void queryClient.invalidateQueries({ queryKey: regionKeys.all });
    },
  });
}
