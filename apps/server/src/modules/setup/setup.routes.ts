import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../auth/auth.plugin.js';
import type { ModuleOptions } from '../module-options.js';
import { setupChecklist } from './setup.service.js';

const checklist = z
  .object({
    steps: z.array(
      z.object({
        key: z.enum(['regions', 'grids', 'users', 'settings']),
        done: z.boolean(),
        figures: z.record(z.string(), z.number().int()),
      }),
    ),
  })
  .meta({ id: 'SetupChecklist' });

export const setupRoutes: FastifyPluginAsyncZod<ModuleOptions> = async (app, { db }) => {
  app.get(
    '/api/v1/setup/checklist',
    {
      config: { access: 'users.manage' },
      schema: {
        tags: ['setup'],
        summary: "The county's set-up checklist: regions imported, grids drawn, users invited, county settings",
        response: { 200: checklist },
      },
    },
    (request) => setupChecklist(db, actorOf(request)),
  );
};
