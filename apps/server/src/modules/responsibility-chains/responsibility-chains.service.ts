import { and, eq } from 'drizzle-orm';
import { escalationDuty, type PageQuery } from '@fangkong/domain';
import type { Db, Tx } from '../../db/client.js';
import { chainMember, users } from '../../db/schema/index.js';
import { uuidv7 } from '../../db/ids.js';
import type { Actor } from '../../auth/actor.js';
import { inScope, pathAbove, isPathWithin } from '../../auth/scope.js';
import { audit } from '../../audit/audit.js';
import { conflict, invalid, notFound } from '../../http/problem.js';
import { regionFilterPath, selectRegionInScope } from '../regions/region-scope.js';
import {
  selectChainsAbove,
  selectChainUp,
  selectEscalations,
  type ChainMemberRow,
} from './responsibility-chains.queries.js';
import type { AddChainMemberBody } from './responsibility-chains.schemas.js';

const present = ({ regionPath: _p, ...m }: ChainMemberRow) => m;

/** Names one chain member inside the caller's transaction (also how the demo county builds its chains). */
export async function insertChainMember(
  tx: Tx,
  actor: Actor | null,
  r: { id: string; path: string },
  body: AddChainMemberBody,
) {
  const id = uuidv7();
  const inserted = await tx
    .insert(chainMember)
    .values({
      id,
      regionId: r.id,
      regionPath: r.path,
      duty: body.duty,
      name: body.name,
      phone: body.phone ?? null,
      userId: body.userId ?? null,
      note: body.note ?? null,
    })
    .onConflictDoNothing()
    .returning({ id: chainMember.id });
  if (!inserted.length) throw conflict('name', 'chain.duplicate');
  await audit(tx, actor, {
    event: 'chain.add',
    targetType: 'region',
    targetId: r.id,
    regionPath: r.path,
    detail: { duty: body.duty, name: body.name, memberId: id },
  });
  return id;
}

/** 包保责任链: who answers for a region, and to whom each open escalation goes. */
export function responsibilityChainsService(db: Db) {
  async function get(actor: Actor, regionId: string) {
    const r = await selectRegionInScope(db, actor, regionId);
    if (!r) throw notFound();
    const rows = await selectChainUp(db, actor, r.path);
    return {
      regionId: r.id,
      members: rows.filter((m) => m.regionId === r.id).map(present),
      above: rows.filter((m) => m.regionId !== r.id).map(present),
    };
  }

  async function add(actor: Actor, regionId: string, body: AddChainMemberBody) {
    const r = await selectRegionInScope(db, actor, regionId);
    if (!r) throw notFound();
    if (body.userId) {
      // An account of this region or above it, that the caller may see.
      const [u] = await db
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.id, body.userId), inScope(actor, users.regionPath), pathAbove(users.regionPath, r.path)));
      if (!u) throw invalid([{ field: 'userId', key: 'chain.userOutside' }]);
    }
    await db.transaction((tx) => insertChainMember(tx, actor, r, body));
    return get(actor, regionId);
  }

  async function remove(actor: Actor, regionId: string, memberId: string) {
    const r = await selectRegionInScope(db, actor, regionId);
    if (!r) throw notFound();
    await db.transaction(async (tx) => {
      const gone = await tx
        .delete(chainMember)
        .where(and(eq(chainMember.id, memberId), eq(chainMember.regionId, r.id)))
        .returning({ duty: chainMember.duty, name: chainMember.name });
      if (!gone.length) throw notFound();
      await audit(tx, actor, {
        event: 'chain.remove',
        targetType: 'region',
        targetId: r.id,
        regionPath: r.path,
        detail: { ...gone[0], memberId },
      });
    });
    return get(actor, regionId);
  }

  /** Open escalations in scope, each with the named person it goes to (null where the chain has a gap). */
  async function escalations(actor: Actor, q: PageQuery & { regionId?: string }) {
    const below = await regionFilterPath(db, actor, q.regionId);
    if (below === null) return { items: [], total: 0 };
    const { rows, total } = await selectEscalations(db, actor, below, {
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    const chains = await selectChainsAbove(db, [...new Set(rows.map((r) => r.region_path))]);
    const items = rows.map((e) => {
      const duty = escalationDuty(e.kind, e.level ?? undefined);
      const nearest = chains
        .filter((m) => m.duty === duty && isPathWithin(e.region_path, m.regionPath))
        .sort((a, b) => b.regionPath.length - a.regionPath.length)[0];
      return {
        kind: e.kind,
        id: e.id,
        keyPersonId: e.key_person_id,
        name: e.name,
        regionId: e.region_id,
        regionName: e.region_name,
        since: new Date(e.since).toISOString(),
        day: e.day,
        slot: e.slot,
        answerable: nearest ? present(nearest) : null,
      };
    });
    return { items, total };
  }

  return { get, add, remove, escalations };
}
