import { v7 } from 'uuid';

/** Time-ordered ids, made by whoever creates the record so a replayed write is recognised. */
export const uuidv7 = (): string => v7();
