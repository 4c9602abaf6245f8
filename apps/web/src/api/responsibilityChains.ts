import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from './client';
import type { components } from './schema.gen';

export type ResponsibilityChain = components['schemas']['ResponsibilityChain'];
export type ChainMember = components['schemas']['ChainMember'];
export type Escalation = components['schemas']['Escalation'];
export type EscalationPage = components['schemas']['EscalationPage'];
export type AddChainMemberBody = {
  duty: ChainMember['duty'];
  name: string;
  phone?: string;
  userId?: string;
  note?: string;
};

const chainKey = (regionId: string) => ['responsibilityChain', regionId] as const;

export const useChain = (regionId: string) =>
  useQuery({
    queryKey: chainKey(regionId),
    queryFn: ({ signal }) =>
      api.get<ResponsibilityChain>(`/api/v1/regions/${regionId}/responsibility-chain`, undefined, signal),
  });

function useChainMutation<V>(regionId: string, fn: (v: V) => Promise<ResponsibilityChain>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (chain) => {
      queryClient.setQueryData(chainKey(regionId), chain);
      void queryClient.invalidateQueries({ queryKey: ['responsibilityChain'] });
      void queryClient.invalidateQueries({ queryKey: ['escalations'] });
    },
  });
}
export const useAddChainMember = (regionId: string) =>
  useChainMutation(regionId, (body: AddChainMemberBody) =>
    api.post<ResponsibilityChain>(`/api/v1/regions/${regionId}/responsibility-chain`, body),
  );
export const useRemoveChainMember = (regionId: string) =>
  useChainMutation(regionId, (memberId: string) =>
    apiRequest<ResponsibilityChain>(`/api/v1/regions/${regionId}/responsibility-chain/${memberId}`, {
      method: 'DELETE',
    }),
  );

export const useEscalations = (q: { regionId?: string; page: number; pageSize: number }) =>
  useQuery({
    queryKey: ['escalations', q],
    queryFn: ({ signal }) => api.get<EscalationPage>('/api/v1/escalations', q, signal),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
