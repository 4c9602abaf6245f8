import type { Permission } from '@fangkong/domain';

// The permissions and each role's share of them live once, in the domain, for the server and the web.
export { PERMISSIONS, can, rolePermissions, rolesWith, type Permission } from '@fangkong/domain';

/** What a route may require. `public` needs no login; `authenticated` needs only a login. */
export type RouteAccess = Permission | 'public' | 'authenticated';
