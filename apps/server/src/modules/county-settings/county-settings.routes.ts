import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../auth/auth.plugin.js';
import type { ModuleOptions } from '../module-options.js';
import {
  checkpointSection,
  countySettingsSchema,
  policySection,
  reportSection,
  settingChangePage,
  settingHistoryQuery,
  settingsRegionQuery,
  updateCheckpointSettingsBody,
  updatePolicySettingsBody,
  updateReportSettingsBody,
} from './county-settings.schemas.js';
import { countySettingsService } from './county-settings.service.js';

export const countySettingsRoutes: FastifyPluginAsyncZod<ModuleOptions> = async (app, { db, now }) => {
  const service = countySettingsService(db, now);
  const tags = ['countySettings'];
  const why =
    'Null on a key stops the region setting it: it inherits again. County-level users only; audited and kept in the history.';

  app.get(
    '/api/v1/county-settings',
    {
      config: { access: 'countySettings.read' },
      schema: {
        tags,
        summary:
          "县级设置 in force at a region (the caller's own when none is named): 管控规则, 日报设置, 卡口设置, each value with where it comes from",
        querystring: settingsRegionQuery,
        response: { 200: countySettingsSchema },
      },
    },
    (request) => service.get(actorOf(request), request.query.regionId),
  );

  app.put(
    '/api/v1/county-settings/policy',
    {
      config: { access: 'keyPersons.policy', audit: 'countySetting.update' },
      schema: {
        tags,
        summary: `Set the 管控规则 of the county or of one of its regions. ${why}`,
        querystring: settingsRegionQuery,
        body: updatePolicySettingsBody,
        response: { 200: policySection },
      },
    },
    (request) => service.update(actorOf(request), 'policy', request.query.regionId, request.body),
  );

  app.put(
    '/api/v1/county-settings/report',
    {
      config: { access: 'dailyReports.settings', audit: 'countySetting.update' },
      schema: {
        tags,
        summary: `Set the 日报设置 (cut-off, correction window, reminder) of the county or of one of its regions. ${why}`,
        querystring: settingsRegionQuery,
        body: updateReportSettingsBody,
        response: { 200: reportSection },
      },
    },
    (request) => service.update(actorOf(request), 'report', request.query.regionId, request.body),
  );

  app.put(
    '/api/v1/county-settings/checkpoint',
    {
      config: { access: 'checkpoints.manage', audit: 'countySetting.update' },
      schema: {
        tags,
        summary: `Turn the 卡口设置 occupant checks on or off for the county or one of its regions. ${why}`,
        querystring: settingsRegionQuery,
        body: updateCheckpointSettingsBody,
        response: { 200: checkpointSection },
      },
    },
    (request) => service.update(actorOf(request), 'checkpoint', request.query.regionId, request.body),
  );

  app.get(
    '/api/v1/county-settings/history',
    {
      config: { access: 'countySettings.read' },
      schema: {
        tags,
        summary:
          'Who changed which settings, when, from what to what: at the regions above the caller and inside their scope',
        querystring: settingHistoryQuery,
        response: { 200: settingChangePage },
      },
    },
    (request) => service.history(actorOf(request), request.query),
  );
};
