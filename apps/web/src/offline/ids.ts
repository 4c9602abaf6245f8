import { v7 } from 'uuid';

/** A UUIDv7 for a record made in the browser (also offline): the server recognises a replay by it. */
export const newId = (): string => v7();
