import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { household, lead, leadSource, person, personMerge } from '../../db/schema/index.js';
import { uuidv7 } from '../../db/ids.js';
import type { Actor } from '../../auth/actor.js';
import { inScope } from '../../auth/scope.js';
import { audit } from '../../audit/audit.js';
import { invalid, notFound } from '../../http/problem.js';
import { selectDuplicatePairs, selectPersonReferences } from './duplicates.queries.js';

export function duplicatesService(db: Db, now: () => Date) {
  const list = (actor: Actor, page: { page: number; pageSize: number }) => selectDuplicatePairs(db, actor, page);

  /**
   * Folds `duplicateId` into `survivorId`: every link (visits, leads, moves, heads of household and any
   * later table pointing at a person) moves to the survivor, blank fields are filled from the duplicate,
   * the duplicate's record is kept in person_merge, all in one audited transaction.
   */
  async function merge(actor: Actor, survivorId: string, duplicateId: string) {
    if (survivorId === duplicateId) throw invalid([{ field: 'duplicateId', key: 'person.mergeSelf' }]);
    await db.transaction(async (tx) => {
      const rows = await tx
        .select()
        .from(person)
        .where(and(sql`${person.id} IN (${survivorId}, ${duplicateId})`, inScope(actor, person.regionPath)))
        .orderBy(person.id)
        .for('update');
      const survivor = rows.find((r) => r.id === survivorId);
      const duplicate = rows.find((r) => r.id === duplicateId);
      if (!survivor) throw notFound();
      if (!duplicate) throw invalid([{ field: 'duplicateId', key: 'notFound' }]);
      if (survivor.idNumber && duplicate.idNumber && survivor.idNumber !== duplicate.idNumber)
        throw invalid([{ field: 'duplicateId', key: 'person.mergeIdConflict' }]);

      // One open lead per person: the duplicate's open lead joins the survivor's as extra sources.
      const [keep] = await tx
        .select({ id: lead.id })
        .from(lead)
        .where(and(eq(lead.personId, survivorId), eq(lead.status, 'open')));
      const [fold] = await tx
        .select({ id: lead.id })
        .from(lead)
        .where(and(eq(lead.personId, duplicateId), eq(lead.status, 'open')));
      if (keep && fold) {
        await tx.update(leadSource).set({ leadId: keep.id }).where(eq(leadSource.leadId, fold.id));
        await tx
          .update(lead)
          .set({ status: 'dismissed', resolution: `merged into ${keep.id}`, resolvedAt: now() })
          .where(eq(lead.id, fold.id));
      }
      // A dose recorded on both (imported for one, typed for the other) stays once, the survivor's.
      await tx.execute(
        sql`DELETE FROM vaccination_dose d WHERE d.person_id = ${duplicateId} AND EXISTS (SELECT 1 FROM vaccination_dose s
            WHERE s.person_id = ${survivorId} AND s.dose_number = d.dose_number AND s.given_on = d.given_on)`,
      );
      for (const ref of await selectPersonReferences(tx)) {
        await tx.execute(
          sql`UPDATE ${sql.identifier(ref.table)} SET ${sql.identifier(ref.column)} = ${survivorId} WHERE ${sql.identifier(ref.column)} = ${duplicateId}`,
        );
      }
      await tx.update(household).set({ headPersonId: survivorId }).where(eq(household.headPersonId, duplicateId));
      const {
        createdAt: _c,
        updatedAt: _u,
        idNumberBidx: _b,
        idNumberT4: _t4,
        idNumberT6: _t6,
        phoneBidx: _pb,
        ...kept
      } = duplicate;
      // The kept record is a copy of personal data: its column type encrypts the ID number and phone inside.
      await tx.insert(personMerge).values({
        id: uuidv7(),
        survivorId,
        mergedId: duplicateId,
        snapshot: kept,
        regionPath: survivor.regionPath,
        mergedBy: actor.userId || null,
      });
      await tx.delete(person).where(eq(person.id, duplicateId));
      await tx
        .update(person)
        .set({
          idNumber: survivor.idNumber ?? duplicate.idNumber,
          sex: survivor.sex ?? duplicate.sex,
          birthDate: survivor.birthDate ?? duplicate.birthDate,
          phone: survivor.phone ?? duplicate.phone,
          householdId: survivor.householdId ?? duplicate.householdId,
          registeredRegionCode: survivor.registeredRegionCode ?? duplicate.registeredRegionCode,
          guardianName: survivor.guardianName ?? duplicate.guardianName,
          vulnerableGroups: [...new Set([...survivor.vulnerableGroups, ...duplicate.vulnerableGroups])],
          updatedAt: now(),
        })
        .where(eq(person.id, survivorId));
      await audit(tx, actor, {
        event: 'person.merge',
        targetType: 'person',
        targetId: survivorId,
        regionPath: survivor.regionPath,
        detail: { mergedId: duplicateId, links: 'moved' },
      });
    });
  }

  return { list, merge };
}
