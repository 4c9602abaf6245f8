import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { components, paths } from './schema.gen';

export type OnlineSession = components['schemas']['OnlineSession'];
export type PasswordPolicy = components['schemas']['PasswordPolicy'];
export type SessionFilter = NonNullable<paths['/api/v1/sessions']['get']['parameters']['query']> & {
  page: number;
  pageSize: number;
};

/** The rules a new password must meet (every signed-in user may read them). */
export function usePasswordRules() {
  return useQuery({
    queryKey: ['auth', 'password-policy'],
    queryFn: ({ signal }) => api.get<PasswordPolicy>('/api/auth/password-policy', {}, signal),
  });
}

export function useOnlineSessions(filter: SessionFilter) {
  return useQuery({
    queryKey: ['sessions', filter],
    queryFn: ({ signal }) =>
      api.get<{ items: OnlineSession[]; total: number }>('/api/v1/sessions', { ...filter }, signal),
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });
}

export function useEndSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/api/v1/sessions/${encodeURIComponent(id)}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['sessions'] }),
  });
}

export function useSecurityPolicy() {
  return useQuery({
    queryKey: ['security-policy'],
    queryFn: ({ signal }) => api.get<PasswordPolicy>('/api/v1/security-policy', {}, signal),
  });
}

export function useSaveSecurityPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PasswordPolicy) => api.put<PasswordPolicy>('/api/v1/security-policy', body),
    onSuccess: (policy) => {
      queryClient.setQueryData(['security-policy'], policy);
      void queryClient.invalidateQueries({ queryKey: ['auth', 'password-policy'] });
    },
  });
}

export function useAssignRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, role }: { id: string; role: components['schemas']['User']['role'] }) =>
      api.put(`/api/v1/users/${encodeURIComponent(id)}/role`, { role }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}
