import type { Actor } from './actor.js';
import { can } from './permissions.js';

/** Whether the actor may see ID numbers and phones unmasked; every other answer carries them masked. */
export const seesFullData = (actor: Pick<Actor, 'role'>) => can(actor.role, 'persons.readFull');
