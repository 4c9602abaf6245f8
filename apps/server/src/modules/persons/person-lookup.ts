import { parseIdNumber } from '@fangkong/domain';
import type { Tx } from '../../db/client.js';
import type { Actor } from '../../auth/actor.js';
import { audit } from '../../audit/audit.js';
import { isNameInitials } from './name-initials.js';
import { selectPersonLookup, type PersonLookup } from './persons.queries.js';

/** How a typed search reads: a full ID number, its last 4–17 characters, pinyin initials or a name. */
export function lookupOf(raw: string): PersonLookup | undefined {
  const q = raw.trim().replace(/\s/g, '');
  const id = parseIdNumber(q);
  if (id.ok) return { idNumber: id.value.idNumber };
  if (/^\d{3,16}[\dXx]$/.test(q) && q.length <= 17) return { idTail: q };
  if (isNameInitials(q)) return { initials: q };
  if (/^\p{Script=Han}[\p{Script=Han}·]{0,29}$/u.test(q)) return { name: q };
  return undefined;
}

/**
 * Finds residents in the actor's scope for a form to fill in (ID numbers and phones masked) and
 * audits the look-up with what was searched for (the kind, never the text).
 */
export async function lookUpPersons(tx: Tx, actor: Actor, by: PersonLookup, via: string, limit = 8) {
  const found = await selectPersonLookup(tx, actor, by, limit);
  await audit(tx, actor, {
    event: 'person.lookup',
    targetType: 'person',
    targetId: found.length === 1 ? found[0]!.personId : undefined,
    detail: { via, by: Object.keys(by)[0]!, found: found.length },
  });
  return found;
}
