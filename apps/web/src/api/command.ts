import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from './client';
import type { components } from './schema.gen';

export type CommandUnit = components['schemas']['CommandUnit'];
export type CommandUnitList = components['schemas']['CommandUnitList'];
export type Dispatch = components['schemas']['Dispatch'];
export type DispatchPage = components['schemas']['DispatchPage'];

export const useCommandUnits = () =>
  useQuery({
    queryKey: ['commandUnits'],
    queryFn: ({ signal }) => api.get<CommandUnitList>('/api/v1/command-units', undefined, signal),
  });

function useUnitMutation<V>(fn: (v: V) => Promise<CommandUnit>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['commandUnits'] }),
  });
}
export const useCreateUnit = () =>
  useUnitMutation(
    (body: {
      id: string;
      regionId: string;
      parentId?: string;
      kind: CommandUnit['kind'];
      name: string;
      duties?: string;
      coverage?: string[];
    }) => api.post<CommandUnit>('/api/v1/command-units', body),
  );
export const useAddUnitMember = (unitId: string) =>
  useUnitMutation((body: { name: string; position: string; phone?: string; userId?: string }) =>
    api.post<CommandUnit>(`/api/v1/command-units/${unitId}/members`, body),
  );
export const useRemoveUnitMember = (unitId: string) =>
  useUnitMutation((memberId: string) =>
    apiRequest<CommandUnit>(`/api/v1/command-units/${unitId}/members/${memberId}`, { method: 'DELETE' }),
  );

export const useDispatches = (q: {
  box: 'inbox' | 'outbox';
  status?: Dispatch['status'];
  page: number;
  pageSize: number;
}) =>
  useQuery({
    queryKey: ['dispatches', q],
    queryFn: ({ signal }) => api.get<DispatchPage>('/api/v1/dispatches', q, signal),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });

function useDispatchMutation<V>(fn: (v: V) => Promise<Dispatch>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['dispatches'] }),
  });
}
export const useSendDispatch = () =>
  useDispatchMutation(
    (body: { id: string; toRegionId?: string; toUnitId?: string; title: string; body?: string; deadline: string }) =>
      api.post<Dispatch>('/api/v1/dispatches', body),
  );
export const useReplyDispatch = () =>
  useDispatchMutation(({ id, reply }: { id: string; reply: string }) =>
    api.post<Dispatch>(`/api/v1/dispatches/${id}/reply`, { reply }),
  );
export const useFollowUpDispatch = () =>
  useDispatchMutation(({ id, action }: { id: string; action: 'close' | 'return' }) =>
    api.post<Dispatch>(`/api/v1/dispatches/${id}/follow-up`, { action }),
  );
