import { randomBytes } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';

/** The embedded database's passwords, kept in `<data dir>/pg-secrets.json` readable by its owner only. */
export interface EmbeddedSecrets {
  superuserPassword: string;
  appPassword: string;
}

/** The superuser password of clusters made before the passwords were random. */
const LEGACY_PASSWORD = 'fangkong';
const FILE = 'pg-secrets.json';

const newPassword = () => randomBytes(24).toString('base64url');

async function readSecrets(dataDir: string): Promise<EmbeddedSecrets | null> {
  try {
    return JSON.parse(await readFile(path.join(dataDir, FILE), 'utf8')) as EmbeddedSecrets;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new Error(`cannot read ${path.join(dataDir, FILE)}: ${(e as Error).message}`);
  }
}

async function writeSecrets(dataDir: string, secrets: EmbeddedSecrets): Promise<void> {
  const file = path.join(dataDir, FILE);
  await writeFile(`${file}.tmp`, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  await rename(`${file}.tmp`, file);
}

/**
 * The passwords of the embedded cluster in `dataDir`, made on first use. `initialPassword` is the
 * superuser password the server has now: a fresh cluster is made with the new one, an older cluster
 * still has the legacy constant until `rotate` has run against the started server.
 */
export async function embeddedSecrets(dataDir: string, clusterExists: boolean) {
  const stored = await readSecrets(dataDir);
  if (stored) return { secrets: stored, initialPassword: stored.superuserPassword, rotate: async () => {} };
  const secrets: EmbeddedSecrets = { superuserPassword: newPassword(), appPassword: newPassword() };
  if (!clusterExists) {
    await writeSecrets(dataDir, secrets);
    return { secrets, initialPassword: secrets.superuserPassword, rotate: async () => {} };
  }
  return {
    secrets,
    initialPassword: LEGACY_PASSWORD,
    /** Replaces the legacy password on the running server, then keeps the new one. */
    rotate: async (legacyUrl: string) => {
      const client = new pg.Client({ connectionString: legacyUrl });
      await client.connect();
      try {
        await client.query(`ALTER ROLE CURRENT_USER PASSWORD ${client.escapeLiteral(secrets.superuserPassword)}`);
      } finally {
        await client.end();
      }
      await writeSecrets(dataDir, secrets);
    },
  };
}
