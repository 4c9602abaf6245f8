import type { Db } from '../db/client.js';

/** What every module plugin receives. */
export interface ModuleOptions {
  db: Db;
  version: string;
  /** The clock of deadlines and check slots; tests move it. */
  now: () => Date;
  /** FANGKONG_METRICS_TOKEN: the bearer token /metrics asks of callers that are not on this machine. */
  metricsToken?: string;
}
