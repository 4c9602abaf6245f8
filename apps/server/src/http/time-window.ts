import { and, gte, lt, type AnyColumn, type SQL } from 'drizzle-orm';
import { z } from 'zod';

/** An instant in a list's query (a drill-down's window), with its offset. */
export const instantQuery = z.iso.datetime({ offset: true, error: 'invalidDate' }).optional();

/** Half-open [from, to), as the daily report counts its day: an event at the cut-off is the next day's. */
export const withinWindow = (column: AnyColumn, from?: string, to?: string): SQL | undefined =>
  and(from ? gte(column, new Date(from)) : undefined, to ? lt(column, new Date(to)) : undefined);
