import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from './client';
import type { components } from './schema.gen';

export type VolunteerTeam = components['schemas']['VolunteerTeam'];
export type VolunteerTeamList = components['schemas']['VolunteerTeamList'];
export type Volunteer = components['schemas']['Volunteer'];

export const useVolunteerTeams = (regionId: string) =>
  useQuery({
    queryKey: ['volunteerTeams', regionId],
    queryFn: ({ signal }) => api.get<VolunteerTeamList>('/api/v1/volunteer-teams', { regionId }, signal),
  });

function useTeamMutation<V>(fn: (v: V) => Promise<VolunteerTeam>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['volunteerTeams'] }),
  });
}
export const useCreateTeam = () =>
  useTeamMutation((body: { id: string; regionId: string; kind: VolunteerTeam['kind']; name: string }) =>
    api.post<VolunteerTeam>('/api/v1/volunteer-teams', body),
  );
export const useAddVolunteer = (teamId: string) =>
  useTeamMutation(
    (body: { name: string; phone?: string; isLeader?: boolean; skills?: Volunteer['skills']; assignment?: string }) =>
      api.post<VolunteerTeam>(`/api/v1/volunteer-teams/${teamId}/members`, body),
  );
export const useRemoveVolunteer = (teamId: string) =>
  useTeamMutation((volunteerId: string) =>
    apiRequest<VolunteerTeam>(`/api/v1/volunteer-teams/${teamId}/members/${volunteerId}`, { method: 'DELETE' }),
  );
