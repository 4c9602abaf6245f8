import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { sql } from 'drizzle-orm';
import type { Db } from './client.js';

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Brings the database to the newest committed migration; safe to run at every start. */
export async function migrateDatabase(db: Db, folder = migrationsFolder): Promise<void> {
  await db.execute(sql`CREATE EXTENSION IF NOT EXISTS ltree`);
  await migrate(db, { migrationsFolder: folder });
}
