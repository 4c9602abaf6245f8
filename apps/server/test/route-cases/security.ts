import { expect } from 'vitest';
import { DEFAULT_PASSWORD_POLICY } from '@fangkong/domain';
import { emptyList, nonEmptyList, notFound, type RouteCase } from './shared.js';

/** Route cases of one's own password, role grants, online sessions and the password policy (三员分立). */
export const securityCases: Record<string, RouteCase> = {
  // A wrong current password: the walk's sessions and passwords stay as they are (the change itself is in auth.test.ts).
  'POST /api/auth/password': {
    auditOnRefusal: 'a failed password change is audited too',
    noScope: "one's own password: there is no other record to reach",
    inScope: () => ({
      url: '/api/auth/password',
      payload: { currentPassword: 'not-the-password', newPassword: 'Quiet-river7' },
    }),
    status: 422,
    expectOutOfScope: () => {},
  },
  // Granting the role the user already holds changes nothing, so every allowed role can run it.
  'PUT /api/v1/users/:id/role': {
    auditNone: 'the role it already holds: nothing changes',
    inScope: (fx) => ({ url: `/api/v1/users/${fx.userInA.id}/role`, payload: { role: 'viewer' } }),
    expectInScope: (body) => expect((body as { role: string }).role).toBe('viewer'),
    outOfScope: (fx) => ({ url: `/api/v1/users/${fx.userInB.id}/role`, payload: { role: 'viewer' } }),
    expectOutOfScope: notFound,
  },
  'GET /api/v1/sessions': {
    inScope: () => ({ url: '/api/v1/sessions?q=session-a' }),
    expectInScope: nonEmptyList,
    outOfScope: () => ({ url: '/api/v1/sessions?q=session-b' }),
    expectOutOfScope: emptyList,
  },
  'DELETE /api/v1/sessions/:id': {
    inScope: (fx) => ({ url: `/api/v1/sessions/${fx.sessionInA}` }),
    status: 204,
    outOfScope: (fx) => ({ url: `/api/v1/sessions/${fx.sessionInB}` }),
    expectOutOfScope: notFound,
  },
  'GET /api/auth/password-policy': {
    noScope: "the deployment's password rules, the same for everyone",
    inScope: () => ({ url: '/api/auth/password-policy' }),
    expectInScope: (body) => expect(body).toMatchObject({ minLength: 8, historyCount: 5 }),
    expectOutOfScope: () => {},
  },
  'GET /api/v1/security-policy': {
    noScope: "the deployment's password policy, one for all regions",
    inScope: () => ({ url: '/api/v1/security-policy' }),
    expectInScope: (body) => expect(body).toMatchObject({ minLength: 8, minClasses: 3 }),
    expectOutOfScope: () => {},
  },
  'PUT /api/v1/security-policy': {
    noScope: "the deployment's password policy, one for all regions",
    inScope: () => ({ url: '/api/v1/security-policy', payload: { ...DEFAULT_PASSWORD_POLICY } }),
    expectOutOfScope: () => {},
  },
};
