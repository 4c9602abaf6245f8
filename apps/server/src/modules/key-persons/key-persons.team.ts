// 包保团队: responsible officers are accounts. Who may serve (accounts whose scope holds the person),
// the default team proposed from the person's grid and village, and adding officers one or many at once.
import { and, asc, eq, sql } from 'drizzle-orm';
import {
  accountFitsOfficerRole,
  NAME_ONLY_OFFICER_ROLES,
  OFFICER_ROLES,
  isRole,
  type OfficerRole,
  type Role,
} from '@fangkong/domain';
import type { Db, Tx } from '../../db/client.js';
import {
  grid,
  gridWorker,
  household,
  keyPerson,
  person,
  region,
  responsibleOfficer,
  users,
} from '../../db/schema/index.js';
import { uuidv7 } from '../../db/ids.js';
import type { Actor } from '../../auth/actor.js';
import { audit } from '../../audit/audit.js';
import { conflict, invalid, type FieldError } from '../../http/problem.js';
import type { AddOfficerBody } from './key-persons.schemas.js';
import { pathAbove } from '../../auth/scope.js';

export interface OfficerCandidate {
  userId: string;
  displayName: string;
  role: Role;
  regionName: string;
  officerRoles: OfficerRole[];
}
export interface ProposedOfficer {
  role: OfficerRole;
  userId: string;
  name: string;
}

const officerRolesOf = (role: Role) => OFFICER_ROLES.filter((o) => accountFitsOfficerRole(o, role));

/** Active accounts whose scope holds the file's region (so the file reaches their worklists), nearest first. */
async function selectAccountsOver(tx: Tx | Db, regionPath: string) {
  return tx
    .select({
      userId: users.id,
      displayName: users.displayName,
      role: users.role,
      phone: users.phone,
      regionName: region.name,
      depth: sql<number>`nlevel(${users.regionPath})`,
    })
    .from(users)
    .innerJoin(region, eq(region.id, users.regionId))
    .where(and(eq(users.disabled, false), pathAbove(users.regionPath, regionPath)))
    .orderBy(sql`nlevel(${users.regionPath}) DESC`, asc(users.displayName))
    .limit(500);
}

/** Accounts that can serve on this file's team, with the officer roles each can take. */
export async function officerCandidates(db: Db, regionPath: string): Promise<OfficerCandidate[]> {
  const rows = await selectAccountsOver(db, regionPath);
  return rows
    .filter((r) => isRole(r.role))
    .map((r) => ({
      userId: r.userId,
      displayName: r.displayName,
      role: r.role as Role,
      regionName: r.regionName,
      officerRoles: officerRolesOf(r.role as Role),
    }))
    .filter((c) => c.officerRoles.length > 0);
}

/**
 * The default team of a file: a worker (else the leader) of the person's household's grid, the doctor and
 * the cadre nearest the person's village; roles already on the team are left out.
 */
export async function proposedTeam(db: Db, keyPersonId: string): Promise<ProposedOfficer[]> {
  const [file] = await db
    .select({ regionPath: keyPerson.regionPath, gridId: household.gridId })
    .from(keyPerson)
    .innerJoin(person, eq(person.id, keyPerson.personId))
    .leftJoin(household, eq(household.id, person.householdId))
    .where(eq(keyPerson.id, keyPersonId));
  if (!file) return [];
  const taken = new Set(
    (
      await db
        .select({ role: responsibleOfficer.role })
        .from(responsibleOfficer)
        .where(eq(responsibleOfficer.keyPersonId, keyPersonId))
    ).map((r) => r.role),
  );
  const team: ProposedOfficer[] = [];
  if (!taken.has('gridWorker') && file.gridId) {
    const [w] = await db
      .select({ userId: users.id, name: users.displayName })
      .from(grid)
      .leftJoin(gridWorker, eq(gridWorker.gridId, grid.id))
      .innerJoin(users, sql`${users.id} = coalesce(${gridWorker.userId}, ${grid.leaderId})`)
      .where(and(eq(grid.id, file.gridId), sql`${grid.retiredAt} IS NULL`, eq(users.disabled, false)))
      .orderBy(asc(users.displayName))
      .limit(1);
    if (w) team.push({ role: 'gridWorker', ...w });
  }
  const accounts = await selectAccountsOver(db, file.regionPath);
  for (const role of ['doctor', 'villageCadre'] as const) {
    if (taken.has(role)) continue;
    const nearest = accounts.find((a) => a.role === role);
    if (nearest) team.push({ role, userId: nearest.userId, name: nearest.displayName });
  }
  return team;
}

/**
 * Adds officers to a file in the caller's transaction: each either an account whose scope holds the
 * person and whose role fits, or (leader, police, outsider only) a name. An account already serving in the
 * same role is left as it is, so a repeated add is not an error. Errors name the item (`officers.N.userId`).
 */
export async function addOfficers(
  tx: Tx,
  actor: Actor,
  file: { id: string; regionPath: string },
  officers: AddOfficerBody[],
  fieldPrefix = (i: number) => (officers.length > 1 ? `officers.${i}.` : ''),
) {
  const errors: FieldError[] = [];
  const accounts = new Map((await selectAccountsOver(tx, file.regionPath)).map((a) => [a.userId, a]));
  const rows: (typeof responsibleOfficer.$inferInsert)[] = [];
  officers.forEach((o, i) => {
    const at = fieldPrefix(i);
    if (!o.userId) {
      if (!NAME_ONLY_OFFICER_ROLES.includes(o.role))
        errors.push({ field: `${at}userId`, key: 'officer.accountRequired' });
      else if (!o.name) errors.push({ field: `${at}name`, key: 'required' });
      else
        rows.push({
          id: uuidv7(),
          keyPersonId: file.id,
          regionPath: file.regionPath,
          role: o.role,
          name: o.name,
          phone: o.phone ?? null,
          userId: null,
        });
      return;
    }
    const account = accounts.get(o.userId);
    if (!account) errors.push({ field: `${at}userId`, key: 'officer.outsideRegion' });
    else if (!isRole(account.role) || !accountFitsOfficerRole(o.role, account.role))
      errors.push({ field: `${at}userId`, key: 'officer.roleMismatch' });
    else
      rows.push({
        id: uuidv7(),
        keyPersonId: file.id,
        regionPath: file.regionPath,
        role: o.role,
        name: account.displayName,
        phone: o.phone ?? account.phone ?? null,
        userId: account.userId,
      });
  });
  if (errors.length) throw invalid(errors);
  let added = 0;
  for (const row of rows) {
    const inserted = await tx
      .insert(responsibleOfficer)
      .values(row)
      .onConflictDoNothing()
      .returning({ id: responsibleOfficer.id });
    // The same account again is a no-op; the same bare name again is a different person or a mistake.
    if (!inserted.length && !row.userId) throw conflict('name', 'officer.duplicate');
    if (!inserted.length) continue;
    added++;
    await audit(tx, actor, {
      event: 'keyPerson.officerAdd',
      targetType: 'keyPerson',
      targetId: file.id,
      regionPath: file.regionPath,
      detail: { role: row.role, name: row.name, userId: row.userId },
    });
  }
  return added;
}
