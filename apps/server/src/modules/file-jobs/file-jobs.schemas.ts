import { z } from 'zod';
import { uuidSchema } from '@fangkong/domain';
import { importResult } from '../persons/persons.schemas.js';

export const fileJobIdParams = z.object({ id: uuidSchema });

export const fileJobSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['import', 'export']),
    status: z.enum(['queued', 'running', 'done', 'failed']),
    done: z.number().int().describe('rows done so far'),
    total: z.number().int().describe('rows in all'),
    result: importResult.nullable().describe('when done: for an import, the counts and the rejected rows with their reasons'),
    error: z.string().nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'FileJob' });

export const fileJobStarted = z.object({ id: z.string() }).meta({ id: 'FileJobStarted' });
