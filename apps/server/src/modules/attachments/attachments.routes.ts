import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { and, eq } from 'drizzle-orm';
import { uuidSchema } from '@fangkong/domain';
import { actorOf } from '../../auth/auth.plugin.js';
import { inScope } from '../../auth/scope.js';
import { audit } from '../../audit/audit.js';
import { notFound } from '../../http/problem.js';
import { attachment } from '../../db/schema/index.js';
import type { ModuleOptions } from '../module-options.js';

/** Photos sent with tips: shown to signed-in users in scope only, each view audited. */
export const attachmentsRoutes: FastifyPluginAsyncZod<ModuleOptions> = async (app, { db }) => {
  app.get(
    '/api/v1/attachments/:id',
    {
      config: { access: 'leads.read', audit: 'attachment.view' },
      schema: {
        tags: ['leads'],
        summary: 'A photo sent with a tip (JPEG, PNG or WebP; audited)',
        params: z.object({ id: uuidSchema }),
        produces: ['image/jpeg', 'image/png', 'image/webp'],
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const found = await db.transaction(async (tx) => {
        const [a] = await tx
          .select()
          .from(attachment)
          .where(and(eq(attachment.id, request.params.id), inScope(actor, attachment.regionPath)));
        if (!a) throw notFound();
        await audit(tx, actor, {
          event: 'attachment.view',
          targetType: 'attachment',
          targetId: a.id,
          regionPath: a.regionPath,
        });
        return a;
      });
      return reply.headers({ 'content-type': found.mime, 'x-content-type-options': 'nosniff' }).send(found.data);
    },
  );
};
