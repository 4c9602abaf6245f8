import { Problem } from '../http/problem.js';

/** Uploaded spreadsheets read at once; the next few wait their turn, any more are asked to come back. */
export const PARSE_SLOTS = 1;
const MAX_WAITING = 6;

let busy = 0;
const waiting: (() => void)[] = [];

/**
 * Runs `read` when one of the PARSE_SLOTS is free, so that however many files arrive together,
 * the memory of reading them stays that of PARSE_SLOTS; beyond MAX_WAITING in line, 503 upload.busy.
 */
export async function withParseSlot<T>(read: () => Promise<T>): Promise<T> {
  if (busy >= PARSE_SLOTS) {
    if (waiting.length >= MAX_WAITING) throw new Problem(503, 'upload.busy');
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else {
    busy++;
  }
  try {
    return await read();
  } finally {
    const next = waiting.shift();
    if (next)
      next(); // the slot passes on as it is
    else busy--;
  }
}
