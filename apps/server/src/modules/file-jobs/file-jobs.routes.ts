import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.js';
import { actorOf } from '../../auth/auth.plugin.js';
import { downloadHeaders } from '../../files/download.js';
import { XLSX_MIME } from '../../files/table-reader.js';
import { fileJobIdParams, fileJobSchema } from './file-jobs.schemas.js';
import { fileJobsService, runningJobs } from './file-jobs.service.js';

export const fileJobsRoutes: FastifyPluginAsyncZod<{ db: Db; now: () => Date }> = async (app, { db, now }) => {
  const service = fileJobsService(db, now);
  // Closing waits for the jobs at work, so no job is cut in the middle of a batch.
  app.addHook('onClose', async () => void (await runningJobs()));

  app.get(
    '/api/v1/jobs/:id',
    {
      config: { access: 'persons.read' },
      schema: {
        tags: ['jobs'],
        summary: 'An import or export job: its progress, then its result; only in the scope of whoever started it',
        params: fileJobIdParams,
        response: { 200: fileJobSchema },
      },
    },
    (request) => service.get(actorOf(request), request.params.id),
  );

  app.get(
    '/api/v1/jobs/:id/file',
    {
      config: { access: 'persons.read', audit: 'person.export' },
      schema: {
        tags: ['jobs'],
        summary: 'The file of a finished export job (xlsx), once: audited at download, then removed',
        params: fileJobIdParams,
        produces: [XLSX_MIME],
      },
    },
    async (request, reply) => {
      const stream = await service.takeExport(actorOf(request), request.params.id);
      return reply.headers(downloadHeaders('基础台账表.xlsx')).send(stream);
    },
  );
};
