import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ModuleOptions } from '../module-options.js';
import { actorOf } from '../../auth/auth.plugin.js';
import { securityPolicy } from '../../db/schema/index.js';
import { audit } from '../../audit/audit.js';
import { passwordPolicySchema } from '../../auth/auth.schemas.js';

/** The password policy of the deployment, kept by the security administrator. */
export const securityPolicyRoutes: FastifyPluginAsyncZod<ModuleOptions> = async (app, { db, now }) => {
  const tags = ['security'];

  app.get(
    '/api/v1/security-policy',
    {
      config: { access: 'securityPolicy.manage' },
      schema: { tags, summary: 'The password policy in force', response: { 200: passwordPolicySchema } },
    },
    () => app.passwordPolicy.get(),
  );

  app.put(
    '/api/v1/security-policy',
    {
      config: { access: 'securityPolicy.manage', audit: 'securityPolicy.update' },
      schema: {
        tags,
        summary: 'Change the password policy (audited; applies to the next password set and to expiry at once)',
        body: passwordPolicySchema,
        response: { 200: passwordPolicySchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const before = await app.passwordPolicy.get();
      await db.transaction(async (tx) => {
        await tx
          .insert(securityPolicy)
          .values({ id: 1, passwordPolicy: request.body, updatedBy: actor.userId })
          .onConflictDoUpdate({
            target: securityPolicy.id,
            set: { passwordPolicy: request.body, updatedAt: now(), updatedBy: actor.userId },
          });
        await audit(tx, actor, {
          event: 'securityPolicy.update',
          targetType: 'securityPolicy',
          detail: { before, after: request.body, result: 'success' },
        });
      });
      app.passwordPolicy.forget();
      return app.passwordPolicy.get();
    },
  );
};
