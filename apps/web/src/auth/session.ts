import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, setCsrfToken } from '../api/client';
import type { Me, Session } from '../api/types';
import { outbox } from '../offline';
import { forgetKeptAnswers } from '../offline/service-worker';

export const ME_KEY = ['auth', 'me'] as const;
/** Where the answer of the last login (when and from where the one before it was) is kept for this tab. */
export const LAST_LOGIN_KEY = 'fk-last-login';

/** The signed-in user, and whether their password must be changed before anything else. */
export type SignedIn = Me & { passwordChange: Session['passwordChange'] };
const signedIn = (session: Session): SignedIn => ({ ...session.user, passwordChange: session.passwordChange });

// Whether this browser holds a session, as far as it knows. Asking /me without one answers 401,
// which the browser logs as an error on every visit of the login page: a signed-out browser does not ask.
const SIGNED_IN_KEY = 'fangkong.signedIn';
function markSignedIn(on: boolean) {
  try {
    if (on) localStorage.setItem(SIGNED_IN_KEY, '1');
    else localStorage.removeItem(SIGNED_IN_KEY);
  } catch {
    // private mode: /me is asked every time
  }
}
function maybeSignedIn(): boolean {
  try {
    return localStorage.getItem(SIGNED_IN_KEY) === '1';
  } catch {
    return true;
  }
}

async function fetchMe(): Promise<SignedIn | null> {
  if (!maybeSignedIn()) return null;
  try {
    const session = await api.get<Session>('/api/auth/me');
    setCsrfToken(session.csrfToken);
    return signedIn(session);
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      setCsrfToken(null);
      markSignedIn(false);
      return null;
    }
    throw err;
  }
}

/** The signed-in user (null when signed out, undefined while the first check runs). */
export function useMeQuery() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 5 * 60_000, retry: false });
}

/** The signed-in user; only for components rendered behind RequireAuth. */
export function useMe(): SignedIn {
  const { data } = useMeQuery();
  if (!data) throw new Error('useMe() used outside RequireAuth');
  return data;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) => api.post<Session>('/api/auth/login', body),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      markSignedIn(true);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
      queryClient.setQueryData(ME_KEY, signedIn(session));
      sessionStorage.setItem(LAST_LOGIN_KEY, JSON.stringify(session.lastLogin ?? null));
      // Writes that waited for a new session go out now.
      void outbox.replay();
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/api/auth/logout'),
    onSettled: () => {
      setCsrfToken(null);
      markSignedIn(false);
      forgetKeptAnswers();
      // Keep the me query itself (its observers must see the null), drop everything else.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
      queryClient.setQueryData(ME_KEY, null);
    },
  });
}

/** Changes one's own password; the server ends one's other sessions. */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => api.post<void>('/api/auth/password', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ME_KEY }),
  });
}
