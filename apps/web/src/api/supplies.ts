import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { components } from './schema.gen';

export type SupplyItem = components['schemas']['SupplyItem'];
export type SupplyStore = components['schemas']['SupplyStore'];
export type StockLine = components['schemas']['StockLine'];
export type StoreStock = components['schemas']['StoreStock'];
export interface MovementBody {
  id: string;
  kind: 'receipt' | 'issue' | 'transfer' | 'count';
  itemId: string;
  quantity: number;
  toStoreId?: string;
  reason?: string;
}

export const useSupplyStores = (q: { regionId?: string; short?: 'true' }) =>
  useQuery({
    queryKey: ['supplyStores', q],
    queryFn: ({ signal }) =>
      api.get<components['schemas']['SupplyStorePage']>('/api/v1/supply-stores', { ...q, pageSize: 100 }, signal),
  });

export const useStoreStock = (storeId: string | undefined) =>
  useQuery({
    queryKey: ['supplyStock', storeId],
    enabled: !!storeId,
    queryFn: ({ signal }) => api.get<StoreStock>(`/api/v1/supply-stores/${storeId}/stock`, undefined, signal),
  });

export function useRecordMovement(storeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MovementBody) => api.post<StoreStock>(`/api/v1/supply-stores/${storeId}/movements`, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['supplyStock'] });
      void queryClient.invalidateQueries({ queryKey: ['supplyStores'] });
    },
  });
}

export function useCreateStore() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { id: string; regionId: string; name: string }) =>
      api.post<SupplyStore>('/api/v1/supply-stores', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['supplyStores'] }),
  });
}
