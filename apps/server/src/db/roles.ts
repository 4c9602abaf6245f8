import type pg from 'pg';

/** The application's database role: reads and writes the tables, only inserts into the audit log, owns nothing. */
export const APP_ROLE = 'fangkong_app';

/** `url` with another user and password. */
export function loginUrl(url: string, user: string, password: string): string {
  const u = new URL(url);
  u.username = user;
  u.password = password;
  return u.toString();
}

/** `url` whose connections act as the application's role from their start (`SET ROLE` at login). */
export function appRoleUrl(url: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c role=${APP_ROLE}`);
  return u.toString();
}

/** Lets the application's role log in with `password` (the embedded database and the tests). */
export async function grantAppLogin(owner: pg.Pool, password: string): Promise<void> {
  const client = await owner.connect();
  try {
    await client.query(`ALTER ROLE ${APP_ROLE} WITH LOGIN PASSWORD ${client.escapeLiteral(password)}`);
  } finally {
    client.release();
  }
}
