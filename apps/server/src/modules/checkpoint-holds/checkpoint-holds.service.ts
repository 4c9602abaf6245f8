import { and, eq, inArray } from 'drizzle-orm';
import { shanghaiDateOf, type KeyPersonCategory } from '@fangkong/domain';
import type { Db } from '../../db/client.js';
import { checkpointOccupant, keyPerson } from '../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { audit } from '../../audit/audit.js';
import { invalid, notFound } from '../../http/problem.js';
import { regionFilterPath } from '../regions/region-scope.js';
import { registerPerson } from '../persons/persons.service.js';
import { createPersonBody } from '../persons/persons.schemas.js';
import { openKeyPerson } from '../key-persons/key-persons.open.js';
import { settingsFor } from '../county-settings/index.js';
import { selectPersonInScope } from '../key-persons/key-persons.queries.js';
import { placeKeyPerson } from '../observation-sites/observation-sites.service.js';
import { markLeadVerified } from '../leads/leads.service.js';
import { lockHeldOccupant, selectHolds } from './checkpoint-holds.queries.js';
import type { ListHoldsQuery, PlaceHoldBody } from './checkpoint-holds.schemas.js';

const OPEN_STATUSES = ['active', 'hospitalized', 'lostToFollowUp'] as const;

/**
 * 留验: the people a checkpoint held, until each is placed at an observation site (or was handed
 * to the health centre at the post). Placing one opens their key-person file under central
 * isolation, verifies the lead the checkpoint raised, and takes the bed, in one transaction.
 */
export function checkpointHoldsService(db: Db, now: () => Date) {
  async function list(actor: Actor, q: ListHoldsQuery) {
    const below = await regionFilterPath(db, actor, q.regionId);
    if (below === null) return { items: [], total: 0 };
    return selectHolds(db, actor, below, q);
  }

  async function place(actor: Actor, occupantId: string, body: PlaceHoldBody) {
    const at = now();
    return db.transaction(async (tx) => {
      const o = await lockHeldOccupant(tx, actor, occupantId);
      if (!o) throw notFound();
      if (o.decision !== 'hold') throw invalid([{ field: 'occupantId', key: 'checkpointHold.notHeld' }]);
      // A replay of the same placement: the person is already in their bed.
      if (o.key_person_id) return { keyPersonId: o.key_person_id, created: false };

      // An outsider held at the post enters the register where the checkpoint is (deduplicated by ID number).
      const personId =
        o.person_id ??
        (
          await registerPerson(
            tx,
            actor,
            createPersonBody.parse({
              name: o.name,
              idNumber: o.id_number,
              phone: o.phone,
              regionId: o.checkpoint_region_id,
            }),
          )
        ).id;
      // A resident of a village outside the caller's scope: their own township places them (the lead went there).
      const p = await selectPersonInScope(tx, actor, personId);
      if (!p) throw invalid([{ field: 'occupantId', key: 'checkpointHold.residentElsewhere' }]);
      const [open] = await tx
        .select({ id: keyPerson.id, measure: keyPerson.measure })
        .from(keyPerson)
        .where(and(eq(keyPerson.personId, personId), inArray(keyPerson.status, [...OPEN_STATUSES])));
      if (open && open.measure !== 'centralIsolation')
        throw invalid([{ field: 'occupantId', key: 'checkpointHold.otherMeasure' }]);
      const category: KeyPersonCategory = body.category ?? (o.fever ? 'fever' : o.risk_area ? 'returnee' : 'other');
      const keyPersonId =
        open?.id ??
        (
          await openKeyPerson(tx, actor, await settingsFor(tx, 'policy', p.regionPath), {
            personId,
            category,
            source: 'checkpoint',
            measure: 'centralIsolation',
            startDate: body.startDate ?? shanghaiDateOf(new Date(o.recorded_at)),
            regionId: p.regionId,
            regionPath: p.regionPath,
            leadId: o.lead_id,
            at,
          })
        ).id;
      if (o.lead_id) await markLeadVerified(tx, actor, o.lead_id, { personId, keyPersonId }, at);
      await placeKeyPerson(tx, actor, body.siteId, { keyPersonId, bedId: body.bedId }, at);
      await tx.update(checkpointOccupant).set({ keyPersonId, personId }).where(eq(checkpointOccupant.id, o.id));
      await audit(tx, actor, {
        event: 'checkpointHold.place',
        targetType: 'keyPerson',
        targetId: keyPersonId,
        regionPath: p.regionPath,
        detail: { occupantId, siteId: body.siteId, bedId: body.bedId },
      });
      return { keyPersonId, created: true };
    });
  }

  return { list, place };
}
