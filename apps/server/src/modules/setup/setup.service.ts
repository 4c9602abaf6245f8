// First start of a real county: the county from the bundled code list and its first administrator,
// then the set-up checklist the administrator works through.
import { and, count, eq, sql, type AnyColumn } from 'drizzle-orm';
import { regionPathLabel } from '@fangkong/domain';
import type { Db } from '../../db/client.js';
import { grid, region, users } from '../../db/schema/index.js';
import { selectLastChange } from '../county-settings/index.js';
import { uuidv7 } from '../../db/ids.js';
import { hashPassword } from '../../auth/password.js';
import { systemActor, type Actor } from '../../auth/actor.js';
import { audit } from '../../audit/audit.js';
import { countyOfCode } from './county-codes.js';
import { pathUnder } from '../../auth/scope.js';

/** A refusal of `init` whose message is shown as is. */
export class SetupError extends Error {}

export interface InitCountyInput {
  countyCode: string;
  username: string;
  password: string;
  displayName?: string;
}

/** Creates the county and its administrator in an empty database, in one transaction. */
export async function initCounty(db: Db, input: InitCountyInput) {
  const county = countyOfCode(input.countyCode);
  if (!county)
    throw new SetupError(
      `no county-level division with code ${input.countyCode} in the bundled GB/T 2260 list (give the 6-digit code, e.g. 510121)`,
    );
  if (!/^[A-Za-z0-9_.-]{3,32}$/.test(input.username))
    throw new SetupError('--admin must be 3-32 letters, digits, or _ . -');
  if (input.password.length < 8 || input.password.length > 128)
    throw new SetupError('the password must have 8-128 characters');
  const code = `${county.code}000000`;
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    // One county per database, created once: a second init would leave two roots or a stray administrator.
    await tx.execute(sql`LOCK TABLE region IN EXCLUSIVE MODE`);
    const [taken] = await tx
      .select({ name: region.name, code: region.code })
      .from(region)
      .where(eq(region.level, 'county'))
      .limit(1);
    if (taken)
      throw new SetupError(
        `the database already holds the county ${taken.name} (${taken.code}); init runs only on an empty database`,
      );
    const row = {
      id: uuidv7(),
      code,
      name: county.name,
      level: 'county' as const,
      parentId: null,
      path: regionPathLabel(code),
    };
    await tx.insert(region).values(row);
    const admin = {
      id: uuidv7(),
      username: input.username,
      displayName: input.displayName?.trim() || `${county.name}管理员`,
      passwordHash,
      role: 'admin',
      regionId: row.id,
      regionPath: row.path,
    };
    const inserted = await tx
      .insert(users)
      .values(admin)
      .onConflictDoNothing({ target: users.username })
      .returning({ id: users.id });
    if (!inserted.length) throw new SetupError(`username '${input.username}' is taken`);
    await audit(tx, systemActor(row.path, row.id), {
      event: 'setup.init',
      targetType: 'region',
      targetId: row.id,
      regionPath: row.path,
      detail: { county: county.name, code, admin: input.username },
    });
    return {
      county: { ...row, province: county.province, prefecture: county.prefecture },
      admin: { id: admin.id, username: admin.username, displayName: admin.displayName },
    };
  });
}

/** What the server says when it starts on an empty database without the demo. */
export const EMPTY_DATABASE_HINT =
  'The database is empty and the demo county is off. Create your county and its first administrator, then log in:\n' +
  '  npm run cli -- init --county <6-digit GB/T 2260 code, e.g. 510121> --admin <username>\n' +
  '(the password is asked for, or read from FANGKONG_ADMIN_PASSWORD). To see the demo county instead: FANGKONG_DEMO=on npm start';

/** Whether the database has no region at all (a first start). */
export async function databaseIsEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(region).limit(1);
  return (row?.n ?? 0) === 0;
}

/** The set-up checklist of the actor's county: what is done, with the figures that show it. */
export async function setupChecklist(db: Db, actor: Actor) {
  const countyPath = actor.scopePath.split('.')[0]!;
  const under = (column: AnyColumn) => pathUnder(column, countyPath);
  const [regions] = await db
    .select({
      townships: sql<number>`count(*) FILTER (WHERE ${region.level} = 'township')::int`,
      villages: sql<number>`count(*) FILTER (WHERE ${region.level} = 'village')::int`,
    })
    .from(region)
    .where(under(region.path));
  const [grids] = await db
    .select({
      grids: sql<number>`count(*)::int`,
      villagesWithGrids: sql<number>`count(DISTINCT ${grid.regionId})::int`,
    })
    .from(grid)
    .where(and(under(grid.regionPath), sql`${grid.retiredAt} IS NULL`));
  const [people] = await db
    .select({ users: sql<number>`count(*) FILTER (WHERE ${users.role} <> 'admin')::int` })
    .from(users)
    .where(and(under(users.regionPath), eq(users.disabled, false)));
  // Done once the county has set any of its settings (管控规则, 日报设置, 卡口设置).
  const settingsSet = (await selectLastChange(db, countyPath)) !== null;
  const r = regions ?? { townships: 0, villages: 0 };
  const g = grids ?? { grids: 0, villagesWithGrids: 0 };
  type Step = { key: 'regions' | 'grids' | 'users' | 'settings'; done: boolean; figures: Record<string, number> };
  return {
    steps: <Step[]>[
      {
        key: 'regions',
        done: r.townships > 0 && r.villages > 0,
        figures: { townships: r.townships, villages: r.villages },
      },
      {
        key: 'grids',
        done: g.grids > 0 && g.villagesWithGrids >= r.villages,
        figures: { grids: g.grids, villagesWithGrids: g.villagesWithGrids, villages: r.villages },
      },
      { key: 'users', done: (people?.users ?? 0) > 0, figures: { users: people?.users ?? 0 } },
      { key: 'settings', done: settingsSet, figures: {} },
    ],
  };
}
