import { sql } from 'drizzle-orm';
import { decrypt, decryptOrNull } from '../../security/personal-data-crypto.js';
import { maskIdNumber, maskPhone } from '@fangkong/domain';
import type { Tx } from '../../db/client.js';
import type { Actor } from '../../auth/actor.js';
import type { ListHoldsQuery } from './checkpoint-holds.schemas.js';
import { inScope, inScopeBelow } from '../../auth/scope.js';

const STATE = {
  pending: sql`e.hold_outcome = 'placement' AND o.key_person_id IS NULL`,
  placed: sql`o.key_person_id IS NOT NULL`,
  handover: sql`e.hold_outcome = 'handover'`,
};

interface HoldRow {
  [k: string]: unknown;
  occupant_id: string;
  entry_id: string;
  checkpoint_id: string;
  checkpoint_name: string;
  recorded_at: Date;
  plate: string | null;
  outcome: 'placement' | 'handover';
  name: string;
  id_number: string;
  phone: string | null;
  temperature: string;
  fever: boolean;
  risk_area: boolean;
  lead_id: string | null;
  key_person_id: string | null;
  site_name: string | null;
  room: string | null;
  bed: string | null;
  total: number;
}

/** The occupants of held entries (留验) in scope, newest first, with where each was placed. */
export async function selectHolds(tx: Tx, actor: Actor, below: string | undefined, q: ListHoldsQuery) {
  const { rows } = await tx.execute<HoldRow>(sql`
    SELECT o.id AS occupant_id, e.id AS entry_id, e.checkpoint_id, c.name AS checkpoint_name, e.recorded_at, e.plate, e.hold_outcome AS outcome,
           o.name, o.id_number, o.phone, o.temperature, o.fever, o.risk_area, o.lead_id, o.key_person_id,
           pl.site_name, pl.room, pl.bed, count(*) OVER ()::int AS total
    FROM checkpoint_entry e
    JOIN checkpoint_occupant o ON o.entry_id = e.id
    JOIN checkpoint c ON c.id = e.checkpoint_id
    LEFT JOIN LATERAL (
      SELECT s.name AS site_name, b.room, b.bed FROM placement p JOIN observation_site s ON s.id = p.site_id JOIN observation_bed b ON b.id = p.bed_id
      WHERE p.key_person_id = o.key_person_id ORDER BY p.started_at DESC LIMIT 1) pl ON o.key_person_id IS NOT NULL
    WHERE e.decision = 'hold' AND ${inScopeBelow(actor, sql`e.region_path`, below)}
      AND ${STATE[q.state]}
    ORDER BY e.recorded_at DESC, o.position
    LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`);
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map((r) => ({
      occupantId: r.occupant_id,
      entryId: r.entry_id,
      checkpointId: r.checkpoint_id,
      checkpointName: r.checkpoint_name,
      recordedAt: new Date(r.recorded_at).toISOString(),
      plate: r.plate,
      outcome: r.outcome,
      name: r.name,
      idNumber: maskIdNumber(decrypt('idNumber', r.id_number)),
      phone: r.phone ? maskPhone(decrypt('phone', r.phone)) : null,
      temperature: Number(r.temperature),
      fever: r.fever,
      riskArea: r.risk_area,
      leadId: r.lead_id,
      keyPersonId: r.key_person_id,
      siteName: r.site_name,
      room: r.room,
      bed: r.bed,
    })),
  };
}

/** A held occupant in scope, locked for its placement. */
export async function lockHeldOccupant(tx: Tx, actor: Actor, occupantId: string) {
  const { rows } = await tx.execute<{
    [k: string]: unknown;
    id: string;
    person_id: string | null;
    name: string;
    id_number: string;
    phone: string | null;
    fever: boolean;
    risk_area: boolean;
    lead_id: string | null;
    key_person_id: string | null;
    decision: string;
    recorded_at: Date;
    checkpoint_region_id: string;
  }>(sql`
    SELECT o.id, o.person_id, o.name, o.id_number, o.phone, o.fever, o.risk_area, o.lead_id, o.key_person_id, e.decision, e.recorded_at, c.region_id AS checkpoint_region_id
    FROM checkpoint_occupant o JOIN checkpoint_entry e ON e.id = o.entry_id JOIN checkpoint c ON c.id = e.checkpoint_id
    WHERE o.id = ${occupantId} AND ${inScope(actor, sql`o.region_path`)}
    FOR UPDATE OF o`);
  const o = rows[0];
  return o && { ...o, id_number: decrypt('idNumber', o.id_number), phone: decryptOrNull('phone', o.phone) };
}
