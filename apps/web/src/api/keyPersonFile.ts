import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type {
  AddContactBody,
  AddNoticeBody,
  AddServiceBody,
  AddTrajectoryStopBody,
  ContactGraph,
  KeyPersonNotice,
  KeyPersonService,
  TrajectoryStop,
} from './types';

type Part = 'trajectory' | 'contacts' | 'services' | 'notices';
interface PartData {
  trajectory: TrajectoryStop[];
  contacts: ContactGraph;
  services: KeyPersonService[];
  notices: KeyPersonNotice[];
}
interface PartBody {
  trajectory: AddTrajectoryStopBody;
  contacts: AddContactBody;
  services: AddServiceBody;
  notices: AddNoticeBody;
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
