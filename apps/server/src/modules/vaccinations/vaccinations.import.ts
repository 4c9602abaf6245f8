// Import of the vaccination system's export (xlsx or CSV): each row names a person by ID number and
// one dose. Rows are checked on their own and reported with their reasons; the good ones are written
// in one transaction, so a file that fails part-way leaves nothing. A dose already recorded (same
// person, dose number and date) is counted, not written again: importing a file twice adds nothing.
import { sql } from 'drizzle-orm';
import { doseKindOf, isIsoDate, parseIdNumber, translate, type Vaccine } from '@fangkong/domain';
import type { Db, Tx } from '../../db/client.js';
import type { vaccinationDose } from '../../db/schema/index.js';
import { uuidv7 } from '../../db/ids.js';
import type { Actor } from '../../auth/actor.js';
import { inScope } from '../../auth/scope.js';
import { audit } from '../../audit/audit.js';
import { pick, readTable, type TableRow } from '../../files/table-reader.js';
import { blindIndexArray, blindIndexList } from '../../security/personal-data-sql.js';
import { checkDoseOrder, type DoseOnDay } from './vaccinations.rules.js';
import type { VaccinationImportResult } from './vaccinations.schemas.js';

export const DOSE_IMPORT_HEADERS = ['身份证号', '姓名', '疫苗类型', '剂次', '接种日期', '接种单位'] as const;

/** The words an export uses for a vaccine: its type or its maker. */
const VACCINE_WORDS: [RegExp, Vaccine][] = [
  [/腺病毒|康希诺|adenovirus/i, 'adenovirus'],
  [/重组.*蛋白|智飞|龙科马|recombinant/i, 'recombinantProtein'],
  [/灭活|北京生物|武汉生物|科兴|国药|inactivated/i, 'inactivated'],
];
export const vaccineOf = (raw: string) => VACCINE_WORDS.find(([re]) => re.test(raw))?.[1] ?? null;

/** 1, '第2剂', '2剂次' → the dose number; null when not 1–9. */
export function doseNumberOf(raw: string): number | null {
  const m = /^第?\s*([1-9])\s*(剂次?|针)?$/.exec(raw.trim());
  return m ? Number(m[1]) : null;
}

/** 'YYYY-MM-DD' from ISO, 'YYYY/M/D', 'YYYY年M月D日', 'YYYYMMDD' or an Excel serial day number. */
export function doseDateOf(raw: string): string | null {
  const text = raw.trim();
  if (/^\d{5}(\.\d+)?$/.test(text))
    return new Date(Date.UTC(1899, 11, 30) + Math.floor(Number(text)) * 86_400_000).toISOString().slice(0, 10);
  const m = /^(\d{4})[-/.年]?(\d{1,2})[-/.月]?(\d{1,2})日?(\s.*)?$/.exec(text);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

export const readDoses = (body: Buffer, contentType: string) =>
  readTable(body, contentType, { knownHeaders: DOSE_IMPORT_HEADERS });

interface Good extends DoseOnDay {
  row: number;
  idNumber: string;
  vaccine: Vaccine;
  place: string | null;
}

const CHUNK = 5000;
const WRITE_CHUNK = 20_000;

/** Persons in scope by ID number, with their region, and their doses already recorded. */
async function matchPersons(tx: Tx, actor: Actor, idNumbers: string[]) {
  const found = new Map<string, { id: string; regionPath: string; doses: DoseOnDay[] }>();
  for (let i = 0; i < idNumbers.length; i += CHUNK) {
    const part = idNumbers.slice(i, i + CHUNK);
    const byIndex = new Map(part.flatMap((id) => blindIndexList('idNumber', [id]).map((b) => [b, id] as const)));
    const { rows } = await tx.execute<{ id: string; bidx: string; region_path: string }>(
      sql`SELECT p.id, p.id_number_bidx AS bidx, p.region_path::text FROM person p
          WHERE p.id_number_bidx = ANY(${blindIndexArray('idNumber', part)}::text[]) AND ${inScope(actor, sql`p.region_path`)}`,
    );
    for (const r of rows) found.set(byIndex.get(r.bidx)!, { id: r.id, regionPath: r.region_path, doses: [] });
  }
  const byPerson = new Map([...found.values()].map((p) => [p.id, p]));
  const ids = [...byPerson.keys()];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const { rows } = await tx.execute<{ person_id: string; dose_number: number; given_on: string }>(
      sql`SELECT person_id, dose_number, given_on::text FROM vaccination_dose
          WHERE person_id = ANY(${`{${ids.slice(i, i + CHUNK).join(',')}}`}::uuid[])`,
    );
    for (const d of rows) byPerson.get(d.person_id)!.doses.push({ doseNumber: d.dose_number, givenOn: d.given_on });
  }
  return found;
}

/** Writes the doses as one JSON parameter per chunk (a row of parameters each would cost more than the insert). */
async function insertDoses(tx: Tx, doses: (typeof vaccinationDose.$inferInsert)[]): Promise<number> {
  const { rowCount } = await tx.execute(
    sql`INSERT INTO vaccination_dose (id, person_id, region_path, vaccine, dose_number, kind, given_on, place, source, recorded_by)
        SELECT x.id, x."personId", x."regionPath"::ltree, x.vaccine, x."doseNumber", x.kind, x."givenOn", x.place, x.source, x."recordedBy"
        FROM jsonb_to_recordset(${JSON.stringify(doses)}::jsonb) AS x(id uuid, "personId" uuid, "regionPath" text, vaccine text,
             "doseNumber" int, kind text, "givenOn" date, place text, source text, "recordedBy" uuid)
        ON CONFLICT (person_id, dose_number, given_on) DO NOTHING`,
  );
  return rowCount ?? 0;
}

export async function importDoses(
  db: Db,
  actor: Actor,
  rows: TableRow[],
  today: string,
  onProgress?: (done: number) => Promise<void>,
): Promise<VaccinationImportResult> {
  const errors: VaccinationImportResult['errors'] = [];
  const say = (row: number, field: string, key: string) =>
    errors.push({ row, field, message: translate(actor.locale, key) });
  const checked: Good[] = [];
  for (const { row, values } of rows) {
    const before = errors.length;
    const parsed = parseIdNumber(pick(values, ['身份证号', '证件号码', '公民身份号码']));
    if (!parsed.ok) say(row, '身份证号', `idNumber.${parsed.reason}`);
    const rawVaccine = pick(values, ['疫苗类型', '疫苗名称', '疫苗']);
    const vaccine = vaccineOf(rawVaccine);
    if (!rawVaccine) say(row, '疫苗类型', 'required');
    else if (!vaccine) say(row, '疫苗类型', 'invalidEnum');
    const doseNumber = doseNumberOf(pick(values, ['剂次', '针次']));
    if (doseNumber === null) say(row, '剂次', 'vaccination.doseNumber');
    const rawDate = pick(values, ['接种日期', '接种时间']);
    const givenOn = rawDate ? doseDateOf(rawDate) : null;
    if (!rawDate) say(row, '接种日期', 'required');
    else if (!givenOn) say(row, '接种日期', 'invalidDate');
    else if (givenOn > today) say(row, '接种日期', 'vaccination.futureDate');
    else if (parsed.ok && givenOn < parsed.value.birthDate) say(row, '接种日期', 'vaccination.beforeBirth');
    if (errors.length > before || !parsed.ok || !vaccine || doseNumber === null || !givenOn) continue;
    const place = pick(values, ['接种单位', '接种地点']).slice(0, 100) || null;
    checked.push({ row, idNumber: parsed.value.idNumber, vaccine, doseNumber, givenOn, place });
  }
  await onProgress?.(rows.length - checked.length);

  return db.transaction(async (tx) => {
    const persons = await matchPersons(tx, actor, [...new Set(checked.map((g) => g.idNumber))]);
    const fileDoses = new Map<string, DoseOnDay[]>();
    for (const g of checked) fileDoses.set(g.idNumber, [...(fileDoses.get(g.idNumber) ?? []), g]);
    const toWrite: (typeof vaccinationDose.$inferInsert)[] = [];
    let alreadyRecorded = 0;
    for (const g of checked) {
      const p = persons.get(g.idNumber);
      if (!p) {
        say(g.row, '身份证号', 'vaccination.unknownPerson');
        continue;
      }
      if (p.doses.some((d) => d.doseNumber === g.doseNumber && d.givenOn === g.givenOn)) {
        alreadyRecorded++;
        continue;
      }
      const wrong = checkDoseOrder(
        g,
        p.doses,
        fileDoses.get(g.idNumber)!.filter((d) => d !== g),
      );
      if (wrong) {
        say(g.row, '接种日期', wrong);
        continue;
      }
      const { row: _row, idNumber: _id, ...dose } = g;
      toWrite.push({
        ...dose,
        id: uuidv7(),
        personId: p.id,
        regionPath: p.regionPath,
        kind: doseKindOf(g.vaccine, g.doseNumber),
        source: 'import',
        recordedBy: actor.userId,
      });
    }
    let created = 0;
    for (let i = 0; i < toWrite.length; i += WRITE_CHUNK) {
      const part = toWrite.slice(i, i + WRITE_CHUNK);
      const written = await insertDoses(tx, part);
      created += written;
      alreadyRecorded += part.length - written;
      await onProgress?.(rows.length - checked.length + i + part.length);
    }
    await audit(tx, actor, {
      event: 'vaccination.import',
      targetType: 'vaccinationDose',
      regionPath: actor.scopePath,
      detail: { rows: rows.length, created },
    });
    errors.sort((a, b) => a.row - b.row);
    return {
      rows: rows.length,
      accepted: rows.length - new Set(errors.map((e) => e.row)).size,
      created,
      alreadyRecorded,
      errors,
    };
  });
}
