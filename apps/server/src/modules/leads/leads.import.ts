import { sql } from 'drizzle-orm';
import {
  ASSIST_LIST_HEADERS,
  matchAssistListColumns,
  parseIdNumber,
  parsePhone,
  type AssistListField,
} from '@fangkong/domain';
import { decrypt, encryptOrNull } from '../../security/personal-data-crypto.js';
import { blindIndexArray, blindIndexList } from '../../security/personal-data-sql.js';
import type { Db } from '../../db/client.js';
import { lead, leadSource, person, region } from '../../db/schema/index.js';
import { EVENTS_CHANNEL } from '../../events/events.js';
import { uuidv7 } from '../../db/ids.js';
import type { Actor } from '../../auth/actor.js';
import { audit } from '../../audit/audit.js';
import { readHeaders, readTable } from '../../files/table-reader.js';
import { Problem, type FieldError } from '../../http/problem.js';
import { settingsFor } from '../county-settings/index.js';
import { inScope, actorSees } from '../../auth/scope.js';

type RowError = FieldError & { row: number };
interface Match {
  id: string;
  regionId: string;
  regionPath: string;
}
interface ListRow {
  row: number;
  name: string;
  idNumber: string | null;
  phone: string | null;
  address: string;
  batch: string | null;
  note: string | null;
  origin: string | null;
  arrivedAt: string | null;
}
interface ImportMeta {
  issuer: string;
  batch?: string;
  /** Verify by then, as the issuer set it; else the county's lead deadline. */
  deadline?: string;
  mapping?: Partial<Record<AssistListField, string>>;
}

/** A refused list: 422 with every bad row, nothing imported. */
const rejected = (errors: RowError[]) =>
  new Problem(422, 'import.rejected', errors, { rows: new Set(errors.map((e) => e.row)).size });

/**
 * Imports an upstream list (协查通报): each row is matched to the register by ID number, else by
 * name + phone, and raised as a lead in the person's village (or at the importer's region when no
 * one matches, for the township to place). A person already on an open lead in the importer's scope
 * gets one more source. A person registered outside the importer's scope is neither touched nor
 * revealed: the row becomes a new lead at the lowest region covering both (for that level to
 * place), counted as unmatched. Unknown columns or a bad row refuse the whole file (422 with the
 * rows), so nothing is half-imported.
 * The header row is found below title rows by its column names (the domain's synonyms), unknown
 * columns are ignored and named in the answer; when the columns are unclear (no 姓名, or two
 * candidates for one field) nothing is imported and the answer is the mapping step to re-submit.
 */
export async function importLeads(db: Db, actor: Actor, body: Buffer, contentType: string, meta: ImportMeta, at: Date) {
  const say = (row: number, field: string, key: string, params?: Record<string, string>): RowError => ({
    row,
    field,
    key,
    params,
  });
  // The headers the user chose count as known: a file whose header row holds none of the usual names is found by them.
  const knownHeaders = [...ASSIST_LIST_HEADERS, ...Object.values(meta.mapping ?? {}).filter(Boolean)];
  const headers = await readHeaders(body, contentType, { knownHeaders });
  if (!headers.length) throw rejected([say(1, 'columns', 'import.missingColumns', { columns: '姓名' })]);
  const notInFile = Object.values(meta.mapping ?? {}).filter((h) => h && !headers.includes(h));
  if (notInFile.length)
    throw new Problem(422, 'validation', [
      { field: 'mapping', key: 'import.missingColumns', params: { columns: notInFile.join('、') } },
    ]);
  const columns = matchAssistListColumns(headers, meta.mapping);
  if (columns.unsure) return { mappingNeeded: true as const, headers, fields: columns.fields };
  const byHeader = Object.fromEntries(headers.map((h) => [h, columns.fields.find((f) => f.column === h)?.field ?? '']));
  const table = await readTable(body, contentType, { knownHeaders, mapping: byHeader });
  const pick = (values: Record<string, string>, field: AssistListField) => values[field] ?? '';

  const errors: RowError[] = [];
  const seen = new Set<string>();
  const rows: ListRow[] = [];
  for (const r of table) {
    const name = pick(r.values, 'name').trim();
    const rawId = pick(r.values, 'idNumber').replace(/\s/g, '');
    const rawPhone = pick(r.values, 'phone').trim();
    if (!name) {
      errors.push(say(r.row, 'name', 'required'));
      continue;
    }
    const id = rawId ? parseIdNumber(rawId) : null;
    if (id && !id.ok) {
      errors.push(say(r.row, 'idNumber', `idNumber.${id.reason}`));
      continue;
    }
    const phone = rawPhone ? parsePhone(rawPhone) : null;
    if (phone && !phone.ok) {
      errors.push(say(r.row, 'phone', `phone.${phone.reason}`));
      continue;
    }
    const idNumber = id?.ok ? id.value.idNumber : null;
    const key = idNumber ?? `${name}|${phone?.ok ? phone.value : ''}`;
    if (seen.has(key)) {
      errors.push(say(r.row, idNumber ? 'idNumber' : 'name', 'duplicateInFile'));
      continue;
    }
    seen.add(key);
    rows.push({
      row: r.row,
      name,
      idNumber,
      phone: phone?.ok ? phone.value : null,
      address: pick(r.values, 'address'),
      batch: pick(r.values, 'batch') || meta.batch || null,
      note: pick(r.values, 'note') || null,
      origin: pick(r.values, 'origin') || null,
      arrivedAt: pick(r.values, 'arrivedAt') || null,
    });
  }
  if (errors.length) throw rejected(errors);

  // Match the whole file in two queries: by ID number, then by name + phone.
  const byId = new Map<string, Match>();
  const ids = rows.flatMap((r) => (r.idNumber ? [r.idNumber] : []));
  if (ids.length) {
    const found = await db
      .select({ id: person.id, idNumber: person.idNumber, regionId: person.regionId, regionPath: person.regionPath })
      .from(person)
      .where(sql`${person.idNumberBidx} = ANY(${blindIndexArray('idNumber', ids)}::text[])`);
    for (const p of found) byId.set(p.idNumber!, p);
  }
  const byNamePhone = new Map<string, Match[]>();
  const pairs = rows.filter((r) => !(r.idNumber && byId.has(r.idNumber)) && r.phone);
  if (pairs.length) {
    const found = await db.execute<{
      id: string;
      name: string;
      phone: string;
      region_id: string;
      region_path: string;
    }>(sql`
      SELECT p.id, p.name, p.phone, p.region_id, p.region_path::text FROM person p
      JOIN jsonb_to_recordset(${JSON.stringify(pairs.map((r) => ({ name: r.name, phone: blindIndexList('phone', [r.phone!]) })))}::jsonb) AS l(name text, phone text[])
        ON p.name = l.name AND p.phone_bidx = ANY(l.phone)`);
    for (const p of found.rows) {
      const k = `${p.name}|${decrypt('phone', p.phone)}`;
      byNamePhone.set(k, [
        ...(byNamePhone.get(k) ?? []),
        { id: p.id, regionId: p.region_id, regionPath: p.region_path },
      ]);
    }
  }
  const matchOf = (r: ListRow): Match | undefined => {
    if (r.idNumber && byId.has(r.idNumber)) return byId.get(r.idNumber);
    const candidates = r.phone ? (byNamePhone.get(`${r.name}|${r.phone}`) ?? []) : [];
    return candidates.length === 1 ? candidates[0] : undefined; // two namesakes on one phone: let a person decide
  };
  // A person registered outside the importer's scope goes to the region covering both.
  const covering = await coveringRegions(db, actor, [...new Set(rows.flatMap((r) => matchOf(r)?.regionPath ?? []))]);
  const placeOf = (m: Match | undefined) =>
    !m ? { regionId: actor.regionId, regionPath: actor.scopePath } : (covering.get(m.regionPath) ?? m);

  const policy = await settingsFor(db, 'policy', actor.scopePath);
  const deadline = meta.deadline
    ? new Date(meta.deadline)
    : new Date(at.getTime() + policy.leadDeadlineHours * 3_600_000);
  if (meta.deadline && deadline <= at)
    throw new Problem(422, 'validation', [{ field: 'deadline', key: 'lead.deadlinePast' }]);
  const listId = uuidv7();
  const counts = { rows: rows.length, matched: 0, unmatched: 0, created: 0, merged: 0 };
  const entries = rows.map((r) => {
    const m = matchOf(r);
    const inside = m && !covering.has(m.regionPath);
    counts[inside ? 'matched' : 'unmatched']++;
    const place = placeOf(m);
    return {
      ord: r.row,
      person_id: m?.id ?? null,
      name: r.name,
      id_number: encryptOrNull('idNumber', r.idNumber),
      phone: encryptOrNull('phone', r.phone),
      region_id: place.regionId,
      region_path: place.regionPath,
      lead_id: uuidv7(),
      source_id: uuidv7(),
      detail: {
        issuer: meta.issuer,
        batch: r.batch,
        ...(meta.deadline ? { deadline: new Date(meta.deadline).toISOString() } : {}),
        row: r.row,
        address: r.address || null,
        note: r.note,
        ...(r.origin ? { origin: r.origin } : {}),
        ...(r.arrivedAt ? { arrivedAt: r.arrivedAt } : {}),
        matched: m ? (r.idNumber && byId.has(r.idNumber) ? 'idNumber' : 'namePhone') : null,
        ...(m && !inside ? { outsideImporter: true } : {}),
      },
    };
  });
  await db.transaction(async (tx) => {
    // The same locks raiseLead takes, all at once, in one order (no deadlock between two imports).
    const keys = [...new Set(entries.flatMap((e, i) => e.person_id ?? rows[i]!.idNumber ?? []))];
    if (keys.length)
      await tx.execute(
        sql`SELECT count(pg_advisory_xact_lock(h)) FROM (SELECT hashtext(k) AS h FROM unnest(${`{${keys.join(',')}}`}::text[]) k ORDER BY 1) s`,
      );
    // raiseLead for the whole list in one statement: rows naming one person (by person or ID number,
    // else by name + phone for the unmatched) join that person's open lead, or the lead made for the
    // first of them; every row is a source.
    const {
      rows: [done],
    } = await tx.execute<{ created: number }>(sql`
      WITH keyed AS (
        SELECT l.*, coalesce(l.person_id::text, nullif(split_part(l.id_number, '$', 2), ''), l.name || '|' || split_part(l.phone, '$', 2)) AS key FROM jsonb_to_recordset(${JSON.stringify(entries)}::jsonb)
          AS l(ord int, person_id uuid, name text, id_number text, phone text, region_id uuid, region_path text, lead_id uuid, source_id uuid, detail jsonb)),
      opened AS (
        SELECT DISTINCT ON (key) key, id FROM (
          SELECT k.key, o.id FROM keyed k JOIN ${lead} o ON o.person_id = k.person_id WHERE o.status = 'open' AND ${inScope(actor, sql`o.region_path`)}
          UNION ALL
          SELECT k.key, o.id FROM keyed k JOIN ${lead} o ON o.id_number_bidx = split_part(k.id_number, '$', 2) WHERE o.status = 'open' AND ${inScope(actor, sql`o.region_path`)}
          UNION ALL
          SELECT k.key, o.id FROM keyed k JOIN ${lead} o ON o.name = k.name AND o.phone_bidx = split_part(k.phone, '$', 2)
            WHERE o.status = 'open' AND o.person_id IS NULL AND o.id_number IS NULL AND k.person_id IS NULL AND k.id_number IS NULL AND ${inScope(actor, sql`o.region_path`)}) x
        ORDER BY key),
      target AS (
        SELECT k.*, coalesce(o.id, first_value(k.lead_id) OVER w) AS target_id, o.id IS NULL AND k.ord = min(k.ord) OVER w AS creates
          FROM keyed k LEFT JOIN opened o ON o.key = k.key
        WINDOW w AS (PARTITION BY coalesce(k.key, k.lead_id::text))),
      made AS (
        INSERT INTO ${lead} (id, person_id, name, id_number, phone, region_id, region_path, deadline, created_at)
        SELECT target_id, person_id, name, id_number, phone, region_id, region_path::ltree, ${deadline.toISOString()}::timestamptz, ${at.toISOString()}::timestamptz
          FROM target WHERE creates RETURNING id, region_path),
      -- A lead raised before its person was registered is linked to them now, and moves to their village;
      -- a list with its own deadline brings a later one forward.
      linked AS (
        UPDATE ${lead} o SET person_id = coalesce(o.person_id, t.person_id),
               region_id = CASE WHEN o.person_id IS NULL AND t.person_id IS NOT NULL THEN t.region_id ELSE o.region_id END,
               region_path = CASE WHEN o.person_id IS NULL AND t.person_id IS NOT NULL THEN t.region_path::ltree ELSE o.region_path END,
               deadline = ${meta.deadline ? sql`least(o.deadline, ${deadline.toISOString()}::timestamptz)` : sql`o.deadline`}
        FROM (SELECT DISTINCT ON (target_id) target_id, person_id, region_id, region_path FROM target WHERE NOT creates ORDER BY target_id, person_id NULLS LAST) t
        WHERE o.id = t.target_id AND (o.person_id IS NULL OR ${meta.deadline ? sql`true` : sql`false`})),
      sourced AS (
        INSERT INTO ${leadSource} (id, lead_id, source, source_ref, reasons, detail, created_at)
        SELECT source_id, target_id, 'assistRequest', ${listId}::uuid, '{listed}', detail, ${at.toISOString()}::timestamptz FROM target)
      SELECT count(*)::int AS created FROM made, LATERAL (SELECT pg_notify(${EVENTS_CHANNEL}, json_build_object('type', 'lead.raised', 'regionPath', made.region_path::text,
               'payload', json_build_object('leadId', made.id, 'source', 'assistRequest', 'reasons', json_build_array('listed')))::text)) n`);
    counts.created = done!.created;
    counts.merged = rows.length - counts.created;
    await audit(tx, actor, {
      event: 'lead.import',
      targetType: 'assistRequest',
      targetId: listId,
      regionPath: actor.scopePath,
      detail: { issuer: meta.issuer, batch: meta.batch ?? null, ...counts },
    });
  });
  return { ...counts, ignored: columns.ignored, errors: [] as { row: number; field: string; message: string }[] };
}

/**
 * For each person's region outside the actor's scope, the lowest region covering both it and the
 * actor's (their common ancestor): where a row about that person is raised.
 */
async function coveringRegions(db: Db, actor: Actor, paths: string[]) {
  const mine = actor.scopePath.split('.');
  const outside = paths.filter((p) => !actorSees(actor, p));
  const common = new Map(
    outside.map((p) => {
      const labels = p.split('.');
      let n = 0;
      while (n < mine.length && n < labels.length && mine[n] === labels[n]) n++;
      return [p, mine.slice(0, n).join('.')];
    }),
  );
  const wanted = [...new Set(common.values())].filter(Boolean);
  const regions = wanted.length
    ? await db
        .select({ id: region.id, path: sql<string>`${region.path}::text` })
        .from(region)
        .where(sql`${region.path} = ANY(${`{${wanted.join(',')}}`}::ltree[])`)
    : [];
  const byPath = new Map(regions.map((r) => [r.path, r.id]));
  const out = new Map<string, { regionId: string; regionPath: string }>();
  for (const [p, c] of common) {
    const id = byPath.get(c);
    // No region covers both (another county): the row stays with the importer.
    out.set(p, id ? { regionId: id, regionPath: c } : { regionId: actor.regionId, regionPath: actor.scopePath });
  }
  return out;
}
