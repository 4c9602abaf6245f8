import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { actorOf } from '../../auth/auth.plugin.js';
import { inScope } from '../../auth/scope.js';
import { region } from '../../db/schema/index.js';
import { invalid, notFound } from '../../http/problem.js';
import { statsQuery, statsSchema } from './checkpoint-stats.schemas.js';
import { selectStats } from './checkpoint-stats.queries.js';

const MAX_DAYS = 92;

export const checkpointStatsRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get('/api/v1/checkpoint-stats', {
    config: { access: 'checkpointEntries.read' },
    schema: { tags: ['checkpoints'], summary: 'Vehicles, persons, turned back, held, fevers, local vs outside per checkpoint/township/county and hour/day', querystring: statsQuery, response: { 200: statsSchema } },
  }, async (request) => {
    const actor = actorOf(request);
    const q = request.query;
    const days = (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000;
    if (!(days >= 0 && days < MAX_DAYS) || (q.bucket === 'hour' && days > 7)) throw invalid([{ field: 'to', key: 'dateRange' }]);
    let below: string | undefined;
    if (q.regionId) {
      const [r] = await db.select({ path: region.path }).from(region).where(and(eq(region.id, q.regionId), inScope(actor, region.path)));
      if (!r) throw notFound();
      below = r.path;
    }
    return selectStats(db, actor, q, below);
  });
};
