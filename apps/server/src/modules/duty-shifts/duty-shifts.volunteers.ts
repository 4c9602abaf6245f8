import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../auth/actor.js';
import { inScope, pathRelated } from '../../auth/scope.js';

export interface DutyVolunteer {
  id: string;
  name: string;
  isLeader: boolean;
  skills: string[];
  teamName: string;
  teamKind: string;
  regionName: string;
}

/**
 * The members of the volunteer teams in the caller's scope who may stand a shift at a post in the
 * region at `postPath`: teams of the post's region, of a region inside it (a village's team at the
 * township office) or above it (a county party-member team at a village checkpoint). `ids` keeps
 * only those (a shift's picks, checked on save). Phones stay out: the team list masks them.
 */
export async function selectDutyVolunteers(
  db: Db,
  actor: Actor,
  postPath: string,
  ids?: string[],
): Promise<DutyVolunteer[]> {
  const { rows } = await db.execute<{
    id: string;
    name: string;
    is_leader: boolean;
    skills: string[];
    team_name: string;
    team_kind: string;
    region_name: string;
  }>(sql`
    SELECT v.id, v.name, v.is_leader, v.skills, t.name AS team_name, t.kind AS team_kind, r.name AS region_name
    FROM volunteer v JOIN volunteer_team t ON t.id = v.team_id JOIN region r ON r.id = t.region_id
    WHERE ${inScope(actor, sql`v.region_path`)} AND ${pathRelated(sql`v.region_path`, postPath)}
      ${ids ? sql`AND v.id = ANY(${`{${ids.join(',')}}`}::uuid[])` : sql``}
    ORDER BY nlevel(t.region_path) DESC, t.name, v.is_leader DESC, v.name
    LIMIT 1000`);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    isLeader: r.is_leader,
    skills: r.skills,
    teamName: r.team_name,
    teamKind: r.team_kind,
    regionName: r.region_name,
  }));
}
