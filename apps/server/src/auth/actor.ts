import type { Role, Locale } from '@fangkong/domain';

/** Who is acting: passed down from the route to services, queries and the audit log. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  regionId: string;
  /** The ltree path the actor may see and change: their region and everything below it. */
  scopePath: string;
  ip: string;
  userAgent: string;
  locale: Locale;
}

/** The actor of work that no person started (start-up, jobs, the CLI). */
export function systemActor(scopePath: string, regionId = ''): Actor {
  return {
    userId: '',
    username: 'system',
    displayName: '系统',
    role: 'admin',
    regionId,
    scopePath,
    ip: '',
    userAgent: 'fangkong',
    locale: 'zh-CN',
  };
}
