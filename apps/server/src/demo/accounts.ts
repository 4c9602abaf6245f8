// The demo accounts, one per role, all with the password `fangkong-demo`.
import type { Role } from '@fangkong/domain';
import { uuidv7 } from '../db/ids.js';
import type { CountyPlan, RegionRow, VillagePlan } from './county.js';
import type { GridPlan, GridsPlan, UserRow } from './grids.js';

export const DEMO_PASSWORD = 'fangkong-demo';
/** The township the township-level demo accounts work in. */
export const DEMO_TOWNSHIP_NAME = '淮口街道';

export interface DemoAccount {
  username: string;
  role: Role;
  /** Which region the account is scoped to. */
  scope: 'county' | 'township' | 'village';
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'admin', role: 'admin', scope: 'county' },
  { username: 'security', role: 'securityAdmin', scope: 'county' },
  { username: 'auditor', role: 'auditAdmin', scope: 'county' },
  { username: 'county', role: 'commander', scope: 'county' },
  { username: 'township', role: 'townshipOfficer', scope: 'township' },
  { username: 'village', role: 'villageCadre', scope: 'village' },
  { username: 'grid', role: 'gridWorker', scope: 'village' },
  { username: 'doctor', role: 'doctor', scope: 'village' },
  { username: 'checkpoint', role: 'checkpointStaff', scope: 'township' },
  { username: 'inspector', role: 'inspector', scope: 'county' },
  { username: 'pharmacy', role: 'sentinel', scope: 'village' },
];

function displayName(a: DemoAccount, township: RegionRow, village: VillagePlan): string {
  switch (a.role) {
    case 'admin':
      return '县系统管理员';
    case 'securityAdmin':
      return '县安全管理员';
    case 'auditAdmin':
      return '县审计管理员';
    case 'commander':
      return '县指挥部';
    case 'townshipOfficer':
      return `${township.name}干部`;
    case 'villageCadre':
      return `${village.name}干部`;
    case 'gridWorker':
      return `${village.name}网格员`;
    case 'doctor':
      return `${village.name}${village.community ? '社区医生' : '村医'}`;
    case 'checkpointStaff':
      return `${township.name}卡口值守`;
    case 'inspector':
      return '县督查组';
    case 'sentinel':
      return `${village.name}惠民大药房`;
    default:
      return a.username;
  }
}

/** The demo accounts' rows, and the grid the `grid` account works in (the first grid of the first village of 淮口街道). */
export function demoAccountRows(
  plan: CountyPlan,
  grids: GridsPlan,
): { users: UserRow[]; gridWorker: { grid: GridPlan; userId: string } } {
  const township = plan.townships.find((t) => t.name === DEMO_TOWNSHIP_NAME);
  const village = plan.villages.find((v) => v.parentId === township?.id);
  const grid = village && grids.byVillage.get(village.id)?.[0];
  if (!township || !village || !grid)
    throw new Error(`the demo county has no ${DEMO_TOWNSHIP_NAME} village with a grid`);
  const scopes = { county: plan.county, township, village };
  const users = DEMO_ACCOUNTS.map(
    (a): UserRow => ({
      id: uuidv7(),
      username: a.username,
      displayName: displayName(a, township, village),
      role: a.role,
      region: scopes[a.scope],
      phone: null,
    }),
  );
  const gridUser = users.find((u) => u.username === 'grid')!;
  return { users, gridWorker: { grid, userId: gridUser.id } };
}
