import { rm } from 'node:fs/promises';

/** Removes the throw-away database directory once the server has stopped. */
export default async function teardown() {
  if (process.env.E2E_DATA_DIR) await rm(process.env.E2E_DATA_DIR, { recursive: true, force: true });
}
