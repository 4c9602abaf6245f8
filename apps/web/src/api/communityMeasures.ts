import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { components } from './schema.gen';
import { outbox } from '../offline';

export type Venue = components['schemas']['Venue'];
export type VenueDetail = components['schemas']['VenueDetail'];
export type VenuePage = components['schemas']['VenuePage'];
export type VenueOrder = components['schemas']['VenueOrder'];
export type VenueCheckRow = components['schemas']['VenueCheckRow'];
export type VenueCheckPage = components['schemas']['VenueCheckPage'];
export type Gathering = components['schemas']['Gathering'];
export type GatheringPage = components['schemas']['GatheringPage'];
type Query = Record<string, string | number | undefined>;

export const useVenues = (q: Query) =>
  useQuery({ queryKey: ['venues', q], queryFn: ({ signal }) => api.get<VenuePage>('/api/v1/venues', q, signal) });
export const useUncheckedVenues = (days: number, enabled: boolean) =>
  useQuery({
    queryKey: ['venues', 'unchecked', days],
    enabled,
    queryFn: ({ signal }) => api.get<VenuePage>('/api/v1/venues/unchecked', { days }, signal),
  });
export const useVenue = (id: string | null) =>
  useQuery({
    queryKey: ['venues', 'one', id],
    enabled: !!id,
    queryFn: ({ signal }) => api.get<VenueDetail>(`/api/v1/venues/${id}`, undefined, signal),
  });
export const useVenueChecks = (q: Query, enabled: boolean) =>
  useQuery({
    queryKey: ['venueChecks', q],
    enabled,
    queryFn: ({ signal }) => api.get<VenueCheckPage>('/api/v1/venue-checks', q, signal),
  });
export const useVenueOrders = () =>
  useQuery({
    queryKey: ['venueOrders'],
    queryFn: ({ signal }) => api.get<{ items: VenueOrder[]; total: number }>('/api/v1/venue-orders', undefined, signal),
  });
export const useGatherings = (q: Query) =>
  useQuery({
    queryKey: ['gatherings', q],
    queryFn: ({ signal }) => api.get<GatheringPage>('/api/v1/gatherings', q, signal),
  });

function useMeasureMutation<V, R>(fn: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () =>
      void Promise.all(
        ['venues', 'venueOrders', 'venueChecks', 'gatherings'].map((k) =>
          queryClient.invalidateQueries({ queryKey: [k] }),
        ),
      ),
  });
}
export const useCreateVenue = () =>
  useMeasureMutation((body: Record<string, unknown>) => api.post<VenueDetail>('/api/v1/venues', body));
export const useCreateOrder = () =>
  useMeasureMutation((body: Record<string, unknown>) => api.post<VenueOrder>('/api/v1/venue-orders', body));
export const useLiftOrder = () =>
  useMeasureMutation((id: string) => api.post<VenueOrder>(`/api/v1/venue-orders/${id}/lift`));
/** Field records go through the offline outbox: a check or a gathering recorded with no network is sent later. */
export const useRecordCheck = () =>
  useMeasureMutation(
    ({ venueId, label, ...body }: { venueId: string; id: string; label: string } & Record<string, unknown>) =>
      outbox.submit({ id: body.id, method: 'POST', url: `/api/v1/venues/${venueId}/checks`, body, label }),
  );
export const useRecordGathering = () =>
  useMeasureMutation(({ label, ...body }: { id: string; label: string } & Record<string, unknown>) =>
    outbox.submit({ id: body.id, method: 'POST', url: '/api/v1/gatherings', body, label }),
  );

export type Disinfection = components['schemas']['Disinfection'];
export type DisinfectionPage = components['schemas']['DisinfectionPage'];
export type Publicity = components['schemas']['Publicity'];
export type PublicityPage = components['schemas']['PublicityPage'];
export const useDisinfections = (q: Query) =>
  useQuery({
    queryKey: ['disinfections', q],
    queryFn: ({ signal }) => api.get<DisinfectionPage>('/api/v1/disinfections', q, signal),
  });
export const usePublicity = (q: Query) =>
  useQuery({
    queryKey: ['publicity', q],
    queryFn: ({ signal }) => api.get<PublicityPage>('/api/v1/publicity', q, signal),
  });
/** Both logs are field records, through the outbox. */
export const useRecordLog = (path: '/api/v1/disinfections' | '/api/v1/publicity') => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ label, ...body }: { id: string; label: string } & Record<string, unknown>) =>
      outbox.submit({ id: body.id, method: 'POST', url: path, body, label }),
    onSuccess: () =>
      void Promise.all(['disinfections', 'publicity'].map((k) => queryClient.invalidateQueries({ queryKey: [k] }))),
  });
};
