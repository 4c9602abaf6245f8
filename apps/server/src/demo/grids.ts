// Grids (网格) of each demo village, with a leader (网格长) and workers (网格员) as user accounts.
import type { Role } from '@fangkong/domain';
import type pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { uuidv7 } from '../db/ids.js';
import type { Tx } from '../db/client.js';
import * as schema from '../db/schema/index.js';
import { insertGrid } from '../modules/grids/grids.service.js';
import type { CountyPlan, RegionRow, VillagePlan } from './county.js';
import { chineseNumeral, randomName, randomPhone } from './names.js';
import type { Random } from './random.js';

export interface UserRow {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  region: RegionRow;
  phone: string | null;
}

export interface GridPlan {
  id: string;
  village: VillagePlan;
  name: string;
  leaderId: string;
  workerIds: string[];
}

export interface GridsPlan {
  grids: GridPlan[];
  /** The grids of each village (by village id), in order. */
  byVillage: Map<string, GridPlan[]>;
  users: UserRow[];
}

/** 2-6 grids per village (about one per 150 households), each with a leader and 1-3 workers. */
export function planGrids(plan: CountyPlan, r: Random, thisYear: number): GridsPlan {
  const grids: GridPlan[] = [];
  const byVillage = new Map<string, GridPlan[]>();
  const users: UserRow[] = [];
  for (const village of plan.villages) {
    const count = Math.min(6, Math.max(2, Math.round(village.householdCount / 150) + r.int(-1, 1)));
    const own: GridPlan[] = [];
    let n = 0;
    const user = (): UserRow => {
      const sex = r.chance(0.55) ? 'female' : 'male';
      const u: UserRow = {
        id: uuidv7(),
        username: `g${village.code}${String(++n).padStart(2, '0')}`,
        displayName: randomName(r, sex, thisYear - r.int(25, 58)),
        role: 'gridWorker',
        region: village,
        phone: randomPhone(r),
      };
      users.push(u);
      return u;
    };
    for (let g = 1; g <= count; g++) {
      const leader = user();
      const workers = Array.from({ length: r.int(1, 3) }, () => user().id);
      own.push({ id: uuidv7(), village, name: `第${chineseNumeral(g)}网格`, leaderId: leader.id, workerIds: workers });
    }
    grids.push(...own);
    byVillage.set(village.id, own);
  }
  return { grids, byVillage, users };
}

/** Draws the planned grids through the grids service on the loading transaction's connection; `extra` joins one as a worker. */
export async function loadDemoGrids(
  client: pg.PoolClient,
  grids: GridPlan[],
  extra: { grid: { id: string }; userId: string },
) {
  const tx = drizzle(client, { schema }) as unknown as Tx;
  for (const g of grids) {
    const workerIds = g.id === extra.grid.id ? [...g.workerIds, extra.userId] : g.workerIds;
    await insertGrid(tx, null, g.village, g.id, { name: g.name, leaderId: g.leaderId, workerIds });
  }
}
