import { and, sql } from 'drizzle-orm';
import { parseIdNumber, parsePhone, translate } from '@fangkong/domain';
import type { Db } from '../../db/client.js';
import { lead, leadSource, person } from '../../db/schema/index.js';
import { EVENTS_CHANNEL } from '../../events/events.js';
import { uuidv7 } from '../../db/ids.js';
import type { Actor } from '../../auth/actor.js';
import { inScope } from '../../auth/scope.js';
import { audit } from '../../audit/audit.js';
import { pick, readTable } from '../../files/table-reader.js';
import { policyFor } from '../key-persons/key-persons.policy.js';

const NAME = ['姓名', 'name'];
const ID_NUMBER = ['身份证号', '身份证号码', '证件号码', 'idNumber'];
const PHONE = ['手机号', '手机号码', '联系电话', '电话', 'phone'];
const ADDRESS = ['地址', '现居住地址', '现住址', '居住地址', 'address'];
const BATCH = ['批次', '批次号', 'batch'];
const NOTE = ['备注', '来源地', '途经地', '风险地区', '协查原因', 'note'];
const ROW_NUMBER = ['序号', '编号', 'no'];
const KNOWN = new Set([...NAME, ...ID_NUMBER, ...PHONE, ...ADDRESS, ...BATCH, ...NOTE, ...ROW_NUMBER]);

type RowError = { row: number; field: string; message: string };
interface Match { id: string; regionId: string; regionPath: string }
interface ListRow { row: number; name: string; idNumber: string | null; phone: string | null; address: string; batch: string | null; note: string | null }

/**
 * Imports an upstream list (协查通报): each row is matched to the register by ID number, else by
 * name + phone, and raised as a lead in the person's village (or at the importer's region when no
 * one matches, for the township to place). A person already on an open lead gets one more source.
 * Unknown columns or a bad row refuse the whole file, so nothing is half-imported.
 */
export async function importLeads(db: Db, actor: Actor, body: Buffer, contentType: string, meta: { issuer: string; batch?: string }, at: Date) {
  const table = await readTable(body, contentType);
  const say = (row: number, field: string, key: string, params?: Record<string, string>) => ({ row, field, message: translate(actor.locale, key, params) });
  const empty = { rows: table.length, matched: 0, unmatched: 0, created: 0, merged: 0 };
  const headers = [...new Set(table.flatMap((r) => Object.keys(r.values)))];
  const unknown = headers.filter((h) => !KNOWN.has(h));
  if (unknown.length) return { ...empty, errors: [say(1, 'columns', 'import.unknownColumns', { columns: unknown.join('、') })] };
  if (table.length && !headers.some((h) => NAME.includes(h))) return { ...empty, errors: [say(1, 'columns', 'import.missingColumns', { columns: NAME[0]! })] };

  const errors: RowError[] = [];
  const seen = new Set<string>();
  const rows: ListRow[] = [];
  for (const r of table) {
    const name = pick(r.values, NAME).trim();
    const rawId = pick(r.values, ID_NUMBER).replace(/\s/g, '');
    const rawPhone = pick(r.values, PHONE).trim();
    if (!name) { errors.push(say(r.row, 'name', 'required')); continue; }
    const id = rawId ? parseIdNumber(rawId) : null;
    if (id && !id.ok) { errors.push(say(r.row, 'idNumber', `idNumber.${id.reason}`)); continue; }
    const phone = rawPhone ? parsePhone(rawPhone) : null;
    if (phone && !phone.ok) { errors.push(say(r.row, 'phone', `phone.${phone.reason}`)); continue; }
    const idNumber = id?.ok ? id.value.idNumber : null;
    const key = idNumber ?? `${name}|${phone?.ok ? phone.value : ''}`;
    if (seen.has(key)) { errors.push(say(r.row, idNumber ? 'idNumber' : 'name', 'duplicateInFile')); continue; }
    seen.add(key);
    rows.push({ row: r.row, name, idNumber, phone: phone?.ok ? phone.value : null, address: pick(r.values, ADDRESS), batch: pick(r.values, BATCH) || meta.batch || null, note: pick(r.values, NOTE) || null });
  }
  if (errors.length) return { ...empty, errors };

  // Match the whole file in two queries: by ID number, then by name + phone.
  const byId = new Map<string, Match>();
  const ids = rows.flatMap((r) => (r.idNumber ? [r.idNumber] : []));
  if (ids.length) {
    const found = await db.select({ id: person.id, idNumber: person.idNumber, regionId: person.regionId, regionPath: person.regionPath }).from(person).where(sql`${person.idNumber} = ANY(${`{${ids.join(',')}}`}::text[])`);
    for (const p of found) byId.set(p.idNumber!, p);
  }
  const byNamePhone = new Map<string, Match[]>();
  const pairs = rows.filter((r) => !(r.idNumber && byId.has(r.idNumber)) && r.phone);
  if (pairs.length) {
    const found = await db.execute<{ id: string; name: string; phone: string; region_id: string; region_path: string }>(sql`
      SELECT p.id, p.name, p.phone, p.region_id, p.region_path::text FROM person p
      JOIN jsonb_to_recordset(${JSON.stringify(pairs.map((r) => ({ name: r.name, phone: r.phone })))}::jsonb) AS l(name text, phone text)
        ON p.name = l.name AND p.phone = l.phone`);
    for (const p of found.rows) {
      const k = `${p.name}|${p.phone}`;
      byNamePhone.set(k, [...(byNamePhone.get(k) ?? []), { id: p.id, regionId: p.region_id, regionPath: p.region_path }]);
    }
  }
  const matchOf = (r: ListRow): Match | undefined => {
    if (r.idNumber && byId.has(r.idNumber)) return byId.get(r.idNumber);
    const candidates = r.phone ? byNamePhone.get(`${r.name}|${r.phone}`) ?? [] : [];
    return candidates.length === 1 ? candidates[0] : undefined; // two namesakes on one phone: let a person decide
  };
  // A matched person outside the importer's scope belongs to another township's list.
  const matchedIds = [...new Set(rows.flatMap((r) => matchOf(r)?.id ?? []))];
  const visible = new Set(matchedIds.length ? (await db.select({ id: person.id }).from(person).where(and(inScope(actor, person.regionPath), sql`${person.id} = ANY(${`{${matchedIds.join(',')}}`}::uuid[])`))).map((r) => r.id) : []);
  for (const r of rows) {
    const m = matchOf(r);
    if (m && !visible.has(m.id)) errors.push(say(r.row, r.idNumber ? 'idNumber' : 'name', 'outOfScope'));
  }
  if (errors.length) return { ...empty, errors };

  const policy = await policyFor(db, actor.scopePath);
  const listId = uuidv7();
  const counts = { rows: rows.length, matched: 0, unmatched: 0, created: 0, merged: 0 };
  const entries = rows.map((r) => {
    const m = matchOf(r);
    counts[m ? 'matched' : 'unmatched']++;
    return {
      ord: r.row, person_id: m?.id ?? null, name: r.name, id_number: r.idNumber, phone: r.phone, region_id: m?.regionId ?? actor.regionId, region_path: m?.regionPath ?? actor.scopePath,
      lead_id: uuidv7(), source_id: uuidv7(),
      detail: { issuer: meta.issuer, batch: r.batch, row: r.row, address: r.address || null, note: r.note, matched: m ? (r.idNumber && byId.has(r.idNumber) ? 'idNumber' : 'namePhone') : null },
    };
  });
  await db.transaction(async (tx) => {
    // The same locks raiseLead takes, all at once, in one order (no deadlock between two imports).
    const keys = [...new Set(entries.flatMap((e) => e.person_id ?? e.id_number ?? []))];
    if (keys.length) await tx.execute(sql`SELECT count(pg_advisory_xact_lock(h)) FROM (SELECT hashtext(k) AS h FROM unnest(${`{${keys.join(',')}}`}::text[]) k ORDER BY 1) s`);
    // raiseLead for the whole list in one statement: rows naming one person (by person, else by ID
    // number) join that person's open lead, or the lead made for the first of them; every row is a source.
    const { rows: [done] } = await tx.execute<{ created: number }>(sql`
      WITH keyed AS (
        SELECT l.*, coalesce(l.person_id::text, l.id_number) AS key FROM jsonb_to_recordset(${JSON.stringify(entries)}::jsonb)
          AS l(ord int, person_id uuid, name text, id_number text, phone text, region_id uuid, region_path text, lead_id uuid, source_id uuid, detail jsonb)),
      opened AS (
        SELECT DISTINCT ON (key) key, id FROM (
          SELECT k.key, o.id FROM keyed k JOIN ${lead} o ON o.person_id = k.person_id WHERE o.status = 'open'
          UNION ALL
          SELECT k.key, o.id FROM keyed k JOIN ${lead} o ON o.id_number = k.id_number WHERE o.status = 'open' AND k.person_id IS NULL) x
        ORDER BY key),
      target AS (
        SELECT k.*, coalesce(o.id, first_value(k.lead_id) OVER w) AS target_id, o.id IS NULL AND k.ord = min(k.ord) OVER w AS creates
          FROM keyed k LEFT JOIN opened o ON o.key = k.key
        WINDOW w AS (PARTITION BY coalesce(k.key, k.lead_id::text))),
      made AS (
        INSERT INTO ${lead} (id, person_id, name, id_number, phone, region_id, region_path, deadline)
        SELECT target_id, person_id, name, id_number, phone, region_id, region_path::ltree, ${new Date(at.getTime() + policy.leadDeadlineHours * 3_600_000).toISOString()}::timestamptz
          FROM target WHERE creates RETURNING id, region_path),
      sourced AS (
        INSERT INTO ${leadSource} (id, lead_id, source, source_ref, reasons, detail)
        SELECT source_id, target_id, 'assistRequest', ${listId}::uuid, '{listed}', detail FROM target)
      SELECT count(*)::int AS created FROM made, LATERAL (SELECT pg_notify(${EVENTS_CHANNEL}, json_build_object('type', 'lead.raised', 'regionPath', made.region_path::text,
               'payload', json_build_object('leadId', made.id, 'source', 'assistRequest', 'reasons', json_build_array('listed')))::text)) n`);
    counts.created = done!.created;
    counts.merged = rows.length - counts.created;
    await audit(tx, actor, { event: 'lead.import', targetType: 'assistRequest', targetId: listId, regionPath: actor.scopePath, detail: { issuer: meta.issuer, batch: meta.batch ?? null, ...counts } });
  });
  return { ...counts, errors: [] as RowError[] };
}
