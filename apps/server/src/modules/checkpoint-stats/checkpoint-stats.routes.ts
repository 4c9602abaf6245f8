import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../auth/actor.js';
import { actorOf } from '../../auth/auth.plugin.js';
import { inScope } from '../../auth/scope.js';
import { region } from '../../db/schema/index.js';
import { invalid, notFound } from '../../http/problem.js';
import { statsQuery, statsSchema, type StatsQuery } from './checkpoint-stats.schemas.js';
import { statsXlsx } from './checkpoint-stats.export.js';
import { XLSX_MIME } from '../../files/table-reader.js';
import { downloadHeaders } from '../../files/download.js';
import { selectStats } from './checkpoint-stats.queries.js';

const MAX_DAYS = 92;

/** The statistics a query asks for, within the caller's scope; a range too long is a field error. */
async function statsOf(db: Db, actor: Actor, q: StatsQuery) {
  const days = (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000;
  if (!(days >= 0 && days < MAX_DAYS) || (q.bucket === 'hour' && days > 7))
    throw invalid([{ field: 'to', key: 'dateRange' }]);
  let below: string | undefined;
  if (q.regionId) {
    const [r] = await db
      .select({ path: region.path })
      .from(region)
      .where(and(eq(region.id, q.regionId), inScope(actor, region.path)));
    if (!r) throw notFound();
    below = r.path;
  }
  return selectStats(db, actor, q, below);
}

export const checkpointStatsRoutes: FastifyPluginAsyncZod<{ db: Db; now: () => Date }> = async (app, { db, now }) => {
  app.get(
    '/api/v1/checkpoint-stats',
    {
      config: { access: 'checkpointEntries.read' },
      schema: {
        tags: ['checkpoints'],
        summary:
          'Vehicles, persons, turned back, held, fevers, local vs outside per checkpoint/township/county and hour/day',
        querystring: statsQuery,
        response: { 200: statsSchema },
      },
    },
    (request) => statsOf(db, actorOf(request), request.query),
  );

  app.get(
    '/api/v1/checkpoint-stats/export',
    {
      config: { access: 'checkpointEntries.read', audit: false },
      schema: {
        tags: ['checkpoints'],
        summary: 'The same statistics as .xlsx, with a total row and who exported them',
        querystring: statsQuery,
        produces: [XLSX_MIME],
        response: { 200: z.any() },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const buffer = await statsXlsx(actor, request.query, await statsOf(db, actor, request.query), now());
      return reply
        .headers(downloadHeaders(`卡口登记统计-${request.query.from}至${request.query.to}.xlsx`))
        .send(buffer);
    },
  );
};
