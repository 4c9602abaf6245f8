import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type {
  AddIncidentBody,
  KeyPersonHouseholdMember,
  KeyPersonIncident,
  ListIncidentsQuery,
  Page,
  UpdateIncidentBody,
  AddContactBody,
  AddNoticeBody,
  AddServiceBody,
  AddTrajectoryStopBody,
  ContactGraph,
  KeyPersonNotice,
  KeyPersonService,
  TrajectoryStop,
} from './types';

type Part = 'trajectory' | 'contacts' | 'services' | 'notices' | 'incidents' | 'household-members';
interface PartData {
  trajectory: TrajectoryStop[];
  contacts: ContactGraph;
  services: KeyPersonService[];
  notices: KeyPersonNotice[];
  incidents: KeyPersonIncident[];
  'household-members': KeyPersonHouseholdMember[];
}
interface PartBody {
  trajectory: AddTrajectoryStopBody;
  contacts: AddContactBody;
  services: AddServiceBody;
  notices: AddNoticeBody;
  incidents: AddIncidentBody;
  'household-members': never;
}

export const keyPersonFileKeys = { part: (id: string, part: Part) => ['keyPersons', 'one', id, part] as const };

/** One part of a key-person file (trajectory, contacts, services, notices). */
export function useFilePart<P extends Part>(id: string, part: P) {
  return useQuery({
    queryKey: keyPersonFileKeys.part(id, part),
    queryFn: ({ signal }) =>
      api.get<PartData[P]>(`/api/v1/key-persons/${encodeURIComponent(id)}/${part}`, undefined, signal),
  });
}

/** Adds to a part; the answer is the whole part, put straight into the cache. */
export function useAddToFilePart<P extends Part>(id: string, part: P) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PartBody[P]) =>
      api.post<PartData[P]>(`/api/v1/key-persons/${encodeURIComponent(id)}/${part}`, body),
    onSuccess: (data) => queryClient.setQueryData(keyPersonFileKeys.part(id, part), data),
  });
}

/** What followed an incident (notice, hand-over to the police, outcome); the answer is the file's incidents. */
export function useUpdateIncident(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ incidentId, body }: { incidentId: string; body: UpdateIncidentBody }) =>
      api.patch<KeyPersonIncident[]>(
        `/api/v1/key-persons/${encodeURIComponent(id)}/incidents/${encodeURIComponent(incidentId)}`,
        body,
      ),
    onSuccess: (data) => queryClient.setQueryData(keyPersonFileKeys.part(id, 'incidents'), data),
  });
}

/** Non-compliance incidents in scope (the daily report's drill-down). */
export function useIncidents(q: ListIncidentsQuery & { page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['keyPersons', 'incidents', q],
    queryFn: ({ signal }) => api.get<Page<KeyPersonIncident>>('/api/v1/key-person-incidents', { ...q }, signal),
    placeholderData: keepPreviousData,
  });
}
