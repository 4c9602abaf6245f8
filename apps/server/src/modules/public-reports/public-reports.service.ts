import { randomInt } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { futureDateError, shanghaiDateOf } from '@fangkong/domain';
import type { Db, Tx } from '../../db/client.js';
import { uuidv7 } from '../../db/ids.js';
import { attachment, publicReport, region, riskArea } from '../../db/schema/index.js';
import { pathUnder } from '../../auth/scope.js';
import { audit } from '../../audit/audit.js';
import { type FieldError, invalid } from '../../http/problem.js';
import { settingsFor } from '../county-settings/index.js';
import { activeOn } from '../risk-areas/risk-areas.queries.js';
import { selectByIdNumber } from '../persons/persons.queries.js';
import { raiseLead, type LeadReason } from '../leads/leads.service.js';
import { admitPublicSend, newChallenge } from './public-reports.guard.js';
import { readPhoto } from './public-reports.photo.js';
import type { SelfReportBody, TipBody } from './public-reports.schemas.js';

/** Who sends from a public page: no account, only the address and the browser, for the audit log. */
export interface PublicCaller {
  ip: string;
  userAgent: string;
}
const RECEIPT_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const receiptOf = (prefix: string) =>
  `${prefix}${Array.from({ length: 8 }, () => RECEIPT_LETTERS[randomInt(RECEIPT_LETTERS.length)]).join('')}`;
const publicActor = (c: PublicCaller) => ({ userId: '', displayName: '群众', ip: c.ip, userAgent: c.userAgent });

/**
 * 主动报备 and 举报 from the public pages: each becomes a lead (through the leads' own raise, so a
 * person already with an open lead gets a source added, not a second task) in the village of the
 * address, or its township when the village is not known.
 */
export function publicReportsService(db: Db, now: () => Date) {
  async function county(tx: Tx) {
    const [c] = await tx
      .select({ id: region.id, name: region.name, path: region.path })
      .from(region)
      .where(eq(region.level, 'county'))
      .orderBy(asc(region.code))
      .limit(1);
    return c;
  }

  /** The county's townships and villages and its risk areas in force: what the public pages pick from. */
  async function options() {
    const c = await county(db);
    if (!c) return { county: '', regions: [], riskAreas: [] };
    const [regions, areas] = await Promise.all([
      db
        .select({ id: region.id, name: region.name, level: region.level, parentId: region.parentId })
        .from(region)
        .where(and(pathUnder(region.path, c.path), inArray(region.level, ['township', 'village'])))
        .orderBy(asc(region.code)),
      db
        .select({ id: riskArea.id, name: riskArea.name, level: riskArea.level })
        .from(riskArea)
        .where(and(pathUnder(c.path, riskArea.regionPath), activeOn(shanghaiDateOf(now()))))
        .orderBy(asc(riskArea.level), asc(riskArea.name)),
    ]);
    return {
      county: c.name,
      regions: regions as { id: string; name: string; level: 'township' | 'village'; parentId: string | null }[],
      riskAreas: areas,
    };
  }

  async function placeOf(tx: Tx, regionId: string) {
    const c = await county(tx);
    const [r] = c
      ? await tx
          .select({ id: region.id, path: region.path })
          .from(region)
          .where(
            and(
              eq(region.id, regionId),
              pathUnder(region.path, c.path),
              inArray(region.level, ['township', 'village']),
            ),
          )
      : [];
    if (!r) throw invalid([{ field: 'regionId', key: 'publicReport.regionUnknown' }]);
    return r;
  }

  async function selfReport(caller: PublicCaller, body: SelfReportBody) {
    const at = now();
    const errors: FieldError[] = [];
    const future = futureDateError(body.arrivalDate, at);
    if (future) errors.push({ field: 'arrivalDate', key: future });
    const ids = [body.idNumber, ...body.companions.map((c) => c.idNumber)];
    body.companions.forEach((c, i) => {
      if (ids.indexOf(c.idNumber) !== i + 1)
        errors.push({ field: `companions.${i}.idNumber`, key: 'publicReport.companionTwice' });
    });
    if (errors.length) throw invalid(errors);
    await admitPublicSend(db, at, { ip: caller.ip, deviceId: body.deviceId, challenge: body.challenge });
    return db.transaction(async (tx) => {
      const place = await placeOf(tx, body.regionId);
      const [area] = body.riskAreaId
        ? await tx
            .select({ id: riskArea.id, name: riskArea.name })
            .from(riskArea)
            .where(and(eq(riskArea.id, body.riskAreaId), activeOn(body.arrivalDate)))
        : [];
      const reasons: LeadReason[] = area ? ['riskArea'] : ['other'];
      const { leadDeadlineHours } = await settingsFor(tx, 'policy', place.path);
      const id = uuidv7();
      const receipt = receiptOf('R');
      await tx.insert(publicReport).values({
        id,
        kind: 'selfReport',
        receipt,
        regionId: place.id,
        regionPath: place.path,
        reporterName: body.name,
        reporterPhone: body.phone,
      });
      const travel = {
        fromPlace: body.fromPlace,
        riskAreaId: area?.id ?? null,
        riskArea: area?.name ?? null,
        arrivalDate: body.arrivalDate,
        travelMode: body.travelMode,
      };
      const people = [{ name: body.name, idNumber: body.idNumber, phone: body.phone }, ...body.companions];
      let firstLead = '';
      for (const [i, p] of people.entries()) {
        const known = await selectByIdNumber(tx, p.idNumber);
        const { leadId } = await raiseLead(tx, {
          personId: known?.id ?? null,
          name: p.name,
          idNumber: p.idNumber,
          phone: p.phone ?? null,
          regionId: place.id,
          regionPath: place.path,
          source: 'selfReport',
          sourceRef: id,
          reasons,
          deadlineHours: leadDeadlineHours,
          now: at,
          detail: {
            receipt,
            ...travel,
            address: body.address,
            ...(i ? { companionOf: body.name } : { companions: body.companions.length }),
          },
        });
        firstLead ||= leadId;
      }
      await audit(tx, publicActor(caller), {
        event: 'lead.selfReport',
        targetType: 'lead',
        targetId: firstLead,
        regionPath: place.path,
        detail: { receipt, people: people.length },
      });
      return { receipt, receivedAt: at.toISOString() };
    });
  }

  async function tip(caller: PublicCaller, body: TipBody) {
    const at = now();
    const photo = body.photo ? readPhoto(body.photo) : null;
    await admitPublicSend(db, at, { ip: caller.ip, deviceId: body.deviceId, challenge: body.challenge });
    return db.transaction(async (tx) => {
      const place = await placeOf(tx, body.regionId);
      const { leadDeadlineHours } = await settingsFor(tx, 'policy', place.path);
      const id = uuidv7();
      const receipt = receiptOf('T');
      await tx.insert(publicReport).values({
        id,
        kind: 'tip',
        receipt,
        regionId: place.id,
        regionPath: place.path,
        reporterName: body.anonymous ? null : (body.reporterName ?? null),
        reporterPhone: body.anonymous ? null : (body.reporterPhone ?? null),
      });
      const photoId = photo ? uuidv7() : null;
      if (photo && photoId)
        await tx.insert(attachment).values({
          id: photoId,
          regionPath: place.path,
          ownerId: id,
          mime: photo.mime,
          size: photo.data.length,
          data: photo.data,
        });
      const { leadId } = await raiseLead(tx, {
        name: body.subjectName ?? '姓名不详',
        regionId: place.id,
        regionPath: place.path,
        source: 'tip',
        sourceRef: id,
        reasons: ['other'],
        deadlineHours: leadDeadlineHours,
        now: at,
        // The reporter stays in public_report: the lead's own record never carries who told.
        detail: { receipt, what: body.what, address: body.address, photoId, anonymous: body.anonymous },
      });
      await audit(tx, publicActor(caller), {
        event: 'lead.tip',
        targetType: 'lead',
        targetId: leadId,
        regionPath: place.path,
        detail: { receipt },
      });
      return { receipt, receivedAt: at.toISOString() };
    });
  }

  return { options, selfReport, tip, challenge: () => newChallenge(now()) };
}
