import { and, eq, ne, or, sql } from 'drizzle-orm';
import { maskIdNumber } from '@fangkong/domain';
import type { Db, Tx } from '../../db/client.js';
import { contactLink, person } from '../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { inScope } from '../../auth/scope.js';
import { settingsFor } from '../county-settings/index.js';
import { markLeadVerified, raiseLead } from '../leads/leads.service.js';
import { openKeyPerson } from '../key-persons/key-persons.open.js';
import type { AddContactBody } from './key-person-file.schemas.js';

interface IndexFile {
  id: string;
  personId: string;
}

/**
 * A contact who needs management becomes a lead in the contact's own region, with the index key
 * person as its source (one open lead per person, as every lead); with `openFile`, the lead is
 * verified into a file at once. Inside the caller's transaction.
 */
export async function raiseContactLead(
  tx: Tx,
  actor: Actor,
  kp: IndexFile,
  contactPersonId: string,
  body: AddContactBody,
  at: Date,
) {
  const [c] = await tx.select().from(person).where(eq(person.id, contactPersonId));
  const [index] = await tx.select({ name: person.name }).from(person).where(eq(person.id, kp.personId));
  const policy = await settingsFor(tx, 'policy', c!.regionPath);
  const { leadId } = await raiseLead(tx, {
    personId: c!.id,
    name: c!.name,
    idNumber: c!.idNumber,
    phone: c!.phone,
    regionId: c!.regionId,
    regionPath: c!.regionPath,
    source: 'contactTracing',
    sourceRef: kp.id,
    reasons: ['closeContact'],
    detail: {
      keyPersonId: kp.id,
      indexName: index?.name ?? null,
      relation: body.relation,
      lastContactDate: body.lastContactDate,
    },
    deadlineHours: policy.leadDeadlineHours,
    now: at,
  });
  if (!body.openFile) return { leadId, keyPersonId: null };
  const file = await openKeyPerson(tx, actor, policy, {
    personId: c!.id,
    category: 'closeContact',
    measure: body.openFile.measure,
    startDate: body.openFile.startDate,
    source: 'contactTracing',
    regionId: c!.regionId,
    regionPath: c!.regionPath,
    leadId,
    at,
  });
  await markLeadVerified(tx, actor, leadId, { personId: c!.id, keyPersonId: file.id }, at);
  return { leadId, keyPersonId: file.id };
}

/** The key person's household members in the caller's scope, proposed as contacts (those already linked say so). */
export async function selectHouseholdMembers(db: Db, actor: Actor, personId: string) {
  const rows = await db
    .select({
      personId: person.id,
      name: person.name,
      idNumber: person.idNumber,
      birthDate: person.birthDate,
    })
    .from(person)
    .where(
      and(
        sql`${person.householdId} = (SELECT household_id FROM ${person} WHERE id = ${personId})`,
        ne(person.id, personId),
        inScope(actor, person.regionPath),
      ),
    )
    .orderBy(person.birthDate, person.id);
  const links = await db
    .select({ a: contactLink.personId, b: contactLink.contactPersonId })
    .from(contactLink)
    .where(or(eq(contactLink.personId, personId), eq(contactLink.contactPersonId, personId)));
  const linked = new Set(links.map((l) => (l.a === personId ? l.b : l.a)));
  return rows.map((r) => ({
    ...r,
    idNumber: r.idNumber ? maskIdNumber(r.idNumber) : null,
    linked: linked.has(r.personId),
  }));
}
