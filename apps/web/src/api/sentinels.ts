import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { components } from './schema.gen';

export type Sentinel = components['schemas']['Sentinel'];
export type SentinelSale = components['schemas']['SentinelSale'];
export type SentinelVillageCount = components['schemas']['SentinelVillageCount'];
type S = components['schemas'];
export type SaleBody = {
  id: string;
  sentinelId: string;
  idNumber: string;
  name: string;
  phone?: string;
  drugClasses: SentinelSale['drugClasses'];
  symptoms: SentinelSale['symptoms'];
};

export const useSentinels = (q: { regionId?: string }) =>
  useQuery({
    queryKey: ['sentinels', q],
    queryFn: ({ signal }) => api.get<S['SentinelPage']>('/api/v1/sentinels', { ...q, pageSize: 200 }, signal),
  });

export const useSentinelSales = (q: { regionId?: string; soldFrom?: string; soldTo?: string; page: number }) =>
  useQuery({
    queryKey: ['sentinelSales', q],
    queryFn: ({ signal }) => api.get<S['SentinelSalePage']>('/api/v1/sentinel-sales', { ...q, pageSize: 20 }, signal),
  });

export const useVillageCounts = (q: { regionId?: string }) =>
  useQuery({
    queryKey: ['sentinelCounts', q],
    queryFn: ({ signal }) => api.get<S['SentinelCounts']>('/api/v1/sentinel-sales/by-village', q, signal),
  });

export const useMySite = () =>
  useQuery({
    queryKey: ['sentinelMine'],
    queryFn: ({ signal }) => api.get<S['SentinelMySite']>('/api/v1/sentinels/mine', undefined, signal),
  });

export function useRecordSale() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SaleBody) => api.post<SentinelSale>('/api/v1/sentinel-sales', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['sentinelMine'] }),
  });
}

export function useCreateSentinel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      id: string;
      regionId: string;
      kind: Sentinel['kind'];
      name: string;
      licenceNo?: string;
      contact?: string;
      phone?: string;
    }) => api.post<Sentinel>('/api/v1/sentinels', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['sentinels'] }),
  });
}

export function useBindAccount(sentinelId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => api.post<Sentinel>(`/api/v1/sentinels/${sentinelId}/accounts`, { userId }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['sentinels'] }),
  });
}

export type WalkIn = components['schemas']['WalkIn'];
export type WalkInBody = {
  id: string;
  sentinelId: string;
  idNumber: string;
  name: string;
  phone?: string;
  temperature: number;
  symptoms: string[];
};

export function useRecordWalkIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: WalkInBody) => api.post<WalkIn>('/api/v1/walk-ins', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['walkIns'] }),
  });
}

/** 转诊: a walk-in patient to the fever clinic; the triage list shows it. */
export function useReferWalkIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; referredTo: string; transferredAt: string }) =>
      api.post<WalkIn>(`/api/v1/walk-ins/${v.id}/referral`, {
        referredTo: v.referredTo,
        transferredAt: v.transferredAt,
      }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['triageTasks'] }),
  });
}
