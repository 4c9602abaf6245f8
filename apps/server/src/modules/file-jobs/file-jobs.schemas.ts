import { z } from 'zod';
import { uuidSchema } from '@fangkong/domain';
import { importResult } from '../persons/persons.schemas.js';
import { vaccinationImportResult } from '../vaccinations/vaccinations.schemas.js';

export const exportResult = z
  .object({
    rows: z.number().int(),
    full: z.boolean(),
    regionPath: z.string(),
    downloaded: z.boolean(),
    expired: z.boolean().optional().describe('not downloaded in time: the file was deleted'),
  })
  .meta({ id: 'LedgerExportResult' });

export const fileJobIdParams = z.object({ id: uuidSchema });

export const fileJobSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['import', 'export']),
    status: z.enum(['queued', 'running', 'done', 'failed']),
    done: z.number().int().describe('rows done so far'),
    total: z.number().int().describe('rows in all'),
    result: z
      .union([importResult, vaccinationImportResult, exportResult])
      .nullable()
      .describe(
        'when done: for an import, the counts and the rejected rows with their reasons; for an export, the rows written (download at /api/v1/jobs/{id}/file)',
      ),
    error: z.string().nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    expiresAt: z
      .string()
      .nullable()
      .describe("a finished export's file is deleted at this time if nobody downloads it"),
  })
  .meta({ id: 'FileJob' });

export const fileJobStarted = z.object({ id: z.string() }).meta({ id: 'FileJobStarted' });
