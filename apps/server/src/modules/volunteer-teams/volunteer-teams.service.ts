import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { maskPhone } from '@fangkong/domain';
import type { Db, Tx } from '../../db/client.js';
import { region, volunteer, volunteerTeam } from '../../db/schema/index.js';
import { uuidv7 } from '../../db/ids.js';
import type { Actor } from '../../auth/actor.js';
import { inScope, pathUnder } from '../../auth/scope.js';
import { audit } from '../../audit/audit.js';
import { invalid, notFound } from '../../http/problem.js';
import { regionFilterPath, selectRegionInScope } from '../regions/region-scope.js';
import type { AddVolunteerBody, CreateTeamBody } from './volunteer-teams.schemas.js';

/** Sets up a team inside the caller's transaction (also how the demo county builds its teams). */
export async function insertVolunteerTeam(
  tx: Tx,
  actor: Actor | null,
  r: { id: string; path: string },
  id: string,
  body: Omit<CreateTeamBody, 'id' | 'regionId'>,
) {
  await tx.insert(volunteerTeam).values({ id, regionId: r.id, regionPath: r.path, kind: body.kind, name: body.name });
  await audit(tx, actor, {
    event: 'volunteerTeam.create',
    targetType: 'volunteerTeam',
    targetId: id,
    regionPath: r.path,
    detail: { kind: body.kind, name: body.name },
  });
}

/** Adds a member to a team inside the caller's transaction. */
export async function insertVolunteer(
  tx: Tx,
  actor: Actor | null,
  team: { id: string; regionPath: string },
  body: AddVolunteerBody,
) {
  const id = uuidv7();
  await tx.insert(volunteer).values({
    id,
    teamId: team.id,
    regionPath: team.regionPath,
    name: body.name,
    phone: body.phone ?? null,
    isLeader: body.isLeader,
    skills: body.skills,
    assignment: body.assignment ?? null,
  });
  await audit(tx, actor, {
    event: 'volunteerTeam.memberAdd',
    targetType: 'volunteerTeam',
    targetId: team.id,
    regionPath: team.regionPath,
    detail: { volunteerId: id, skills: body.skills },
  });
}

/** 志愿服务队 per region: members, skills and where they serve; phones masked in the list, as every list of people. */
export function volunteerTeamsService(db: Db) {
  async function list(actor: Actor, q: { regionId?: string }, only?: string) {
    const below = await regionFilterPath(db, actor, q.regionId);
    if (below === null) return { items: [], total: 0, volunteers: 0 };
    const teams = await db
      .select({
        id: volunteerTeam.id,
        regionId: volunteerTeam.regionId,
        regionName: region.name,
        regionPath: volunteerTeam.regionPath,
        kind: volunteerTeam.kind,
        name: volunteerTeam.name,
      })
      .from(volunteerTeam)
      .innerJoin(region, eq(region.id, volunteerTeam.regionId))
      .where(
        and(
          inScope(actor, volunteerTeam.regionPath),
          below ? pathUnder(volunteerTeam.regionPath, below) : undefined,
          only ? eq(volunteerTeam.id, only) : undefined,
        ),
      )
      .orderBy(asc(volunteerTeam.regionPath), asc(volunteerTeam.createdAt))
      .limit(500);
    const members = teams.length
      ? await db
          .select({
            id: volunteer.id,
            teamId: volunteer.teamId,
            name: volunteer.name,
            phone: volunteer.phone,
            isLeader: volunteer.isLeader,
            skills: volunteer.skills,
            assignment: volunteer.assignment,
          })
          .from(volunteer)
          .where(
            inArray(
              volunteer.teamId,
              teams.map((t) => t.id),
            ),
          )
          .orderBy(sql`${volunteer.isLeader} DESC`, asc(volunteer.createdAt))
      : [];
    const items = teams.map(({ regionPath: _p, ...t }) => ({
      ...t,
      members: members
        .filter((m) => m.teamId === t.id)
        .map(({ teamId: _t, phone, ...m }) => ({ ...m, phone: phone && maskPhone(phone) })),
    }));
    return { items, total: items.length, volunteers: members.length };
  }

  async function getTeam(actor: Actor, id: string) {
    const [team] = (await list(actor, {}, id)).items;
    if (!team) throw notFound();
    return team;
  }

  async function create(actor: Actor, body: CreateTeamBody) {
    const r = await selectRegionInScope(db, actor, body.regionId);
    if (!r) throw invalid([{ field: 'regionId', key: 'notFound' }]);
    const id = body.id ?? uuidv7();
    const [existing] = await db
      .select({ id: volunteerTeam.id })
      .from(volunteerTeam)
      .where(and(eq(volunteerTeam.id, id), inScope(actor, volunteerTeam.regionPath)));
    if (!existing) await db.transaction((tx) => insertVolunteerTeam(tx, actor, r, id, body));
    return getTeam(actor, id);
  }

  async function addMember(actor: Actor, teamId: string, body: AddVolunteerBody) {
    const [team] = await db
      .select({ id: volunteerTeam.id, regionPath: volunteerTeam.regionPath })
      .from(volunteerTeam)
      .where(and(eq(volunteerTeam.id, teamId), inScope(actor, volunteerTeam.regionPath)));
    if (!team) throw notFound();
    await db.transaction((tx) => insertVolunteer(tx, actor, team, body));
    return getTeam(actor, teamId);
  }

  async function removeMember(actor: Actor, teamId: string, volunteerId: string) {
    const team = await getTeam(actor, teamId);
    await db.transaction(async (tx) => {
      const gone = await tx
        .delete(volunteer)
        .where(and(eq(volunteer.id, volunteerId), eq(volunteer.teamId, teamId)))
        .returning({ regionPath: volunteer.regionPath });
      if (!gone.length) throw notFound();
      await audit(tx, actor, {
        event: 'volunteerTeam.memberRemove',
        targetType: 'volunteerTeam',
        targetId: teamId,
        regionPath: gone[0]!.regionPath,
        detail: { volunteerId, team: team.name },
      });
    });
    return getTeam(actor, teamId);
  }

  return { list, create, addMember, removeMember };
}
