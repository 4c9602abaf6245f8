import { expect } from 'vitest';
import { uuidv7 } from '../../src/db/ids.js';
import {
  emptyList,
  emptySheet,
  nonEmptyList,
  notFound,
  notFoundField,
  type RouteCase,
  today,
  uniqueName,
} from './shared.js';

/** Route cases of the foundation, daily reports and the dashboard. */
export const foundationCases: Record<string, RouteCase> = {
  'GET /api/health': {
    noScope: 'no record: liveness',
    inScope: () => ({ url: '/api/health' }),
    expectOutOfScope: () => {},
  },
  'GET /metrics': {
    noScope: 'no record: process figures',
    inScope: () => ({ url: '/metrics' }),
    expectOutOfScope: () => {},
  },
  'GET /api/openapi.json': {
    noScope: 'no record: the API document',
    inScope: () => ({ url: '/api/openapi.json' }),
    expectOutOfScope: () => {},
  },
  'POST /api/auth/login': {
    auditOnRefusal: 'a failed login is audited too',
    noScope: 'no record: the login itself',
    inScope: () => ({ url: '/api/auth/login', payload: { username: 'target-a', password: 'test-password-1' } }),
    expectOutOfScope: () => {},
  },
  'GET /api/auth/me': {
    noScope: "no record but the caller's own account",
    inScope: () => ({ url: '/api/auth/me' }),
    expectOutOfScope: () => {},
  },
  // Logging out is checked in auth.test.ts; here it would end the session the walk relies on.
  'POST /api/auth/logout': {
    noScope: "no record but the caller's own session",
    inScope: () => ({ url: '/api/auth/logout', headers: { 'x-csrf-token': 'wrong' } }),
    status: 403,
    expectOutOfScope: () => {},
  },
  'GET /api/v1/regions': {
    inScope: (fx) => ({ url: `/api/v1/regions?parentId=${fx.townshipA.id}` }),
    expectInScope: nonEmptyList,
    outOfScope: (fx) => ({ url: `/api/v1/regions?parentId=${fx.townshipB.id}` }),
    expectOutOfScope: emptyList,
  },
  'GET /api/v1/regions/:id': {
    inScope: (fx) => ({ url: `/api/v1/regions/${fx.villageA.id}` }),
    outOfScope: (fx) => ({ url: `/api/v1/regions/${fx.villageB.id}` }),
    expectOutOfScope: notFound,
  },
  'POST /api/v1/regions/import': {
    inScope: () => ({
      url: '/api/v1/regions/import',
      payload: '区划代码,区划名称\n510121001002,新村\n',
      headers: { 'content-type': 'text/csv' },
    }),
    outOfScope: () => ({
      url: '/api/v1/regions/import',
      payload: '区划代码,区划名称\n510121002009,外村\n',
      headers: { 'content-type': 'text/csv' },
    }),
    expectOutOfScope: (status, body, key) => {
      expect(status, key).toBe(200);
      expect((body as { created: number; errors: unknown[] }).created, key).toBe(0);
      expect((body as { errors: unknown[] }).errors.length, key).toBe(1);
    },
  },
  'GET /api/v1/grids': {
    inScope: (fx) => ({ url: `/api/v1/grids?regionId=${fx.villageA.id}` }),
    expectInScope: nonEmptyList,
    outOfScope: (fx) => ({ url: `/api/v1/grids?regionId=${fx.villageB.id}` }),
    expectOutOfScope: notFound,
  },
  'GET /api/v1/users': {
    inScope: () => ({ url: '/api/v1/users?q=target-a' }),
    expectInScope: nonEmptyList,
    outOfScope: () => ({ url: '/api/v1/users?q=target-b' }),
    expectOutOfScope: emptyList,
  },
  'GET /api/v1/users/:id': {
    inScope: (fx) => ({ url: `/api/v1/users/${fx.userInA.id}` }),
    outOfScope: (fx) => ({ url: `/api/v1/users/${fx.userInB.id}` }),
    expectOutOfScope: notFound,
  },
  'POST /api/v1/users': {
    inScope: (fx) => ({
      url: '/api/v1/users',
      payload: {
        username: uniqueName(),
        displayName: '张三',
        password: 'long-enough-1',
        role: 'gridWorker',
        regionId: fx.villageA.id,
      },
    }),
    outOfScope: (fx) => ({
      url: '/api/v1/users',
      payload: {
        username: uniqueName(),
        displayName: '李四',
        password: 'long-enough-1',
        role: 'gridWorker',
        regionId: fx.villageB.id,
      },
    }),
    expectOutOfScope: notFoundField('regionId'),
  },
  'PATCH /api/v1/users/:id': {
    inScope: (fx) => ({ url: `/api/v1/users/${fx.userInA.id}`, payload: { displayName: '改名' } }),
    outOfScope: (fx) => ({ url: `/api/v1/users/${fx.userInB.id}`, payload: { displayName: '改名' } }),
    expectOutOfScope: notFound,
  },
  'GET /api/v1/audit-logs': {
    inScope: () => ({ url: '/api/v1/audit-logs?q=target-a' }),
    expectInScope: nonEmptyList,
    outOfScope: () => ({ url: '/api/v1/audit-logs?q=target-b' }),
    expectOutOfScope: emptyList,
  },
  'GET /api/v1/audit-logs/export': {
    inScope: () => ({ url: '/api/v1/audit-logs/export?q=target-a' }),
    outOfScope: () => ({ url: '/api/v1/audit-logs/export?q=target-b' }),
    expectOutOfScope: emptySheet(2),
  },
  'GET /api/v1/daily-reports/status': {
    inScope: (fx) => ({ url: `/api/v1/daily-reports/status?regionId=${fx.townshipA.id}&reportDate=${today()}` }),
    outOfScope: (fx) => ({ url: `/api/v1/daily-reports/status?regionId=${fx.townshipB.id}&reportDate=${today()}` }),
    expectOutOfScope: notFound,
  },
  'GET /api/v1/daily-reports/rates': {
    inScope: (fx) => ({ url: `/api/v1/daily-reports/rates?regionId=${fx.townshipA.id}&period=week` }),
    outOfScope: (fx) => ({ url: `/api/v1/daily-reports/rates?regionId=${fx.townshipB.id}&period=week` }),
    expectOutOfScope: notFound,
  },
  'GET /api/v1/daily-reports/preview': {
    inScope: (fx) => ({ url: `/api/v1/daily-reports/preview?regionId=${fx.villageA.id}&reportDate=${today()}` }),
    outOfScope: (fx) => ({ url: `/api/v1/daily-reports/preview?regionId=${fx.villageB.id}&reportDate=${today()}` }),
    expectOutOfScope: notFound,
  },
  'POST /api/v1/daily-reports': {
    inScope: (fx) => ({
      url: '/api/v1/daily-reports',
      payload: { id: uuidv7(), regionId: fx.villageA.id, reportDate: today(), isZero: true, correctionReason: '重报' },
    }),
    outOfScope: (fx) => ({
      url: '/api/v1/daily-reports',
      payload: { id: uuidv7(), regionId: fx.villageB.id, reportDate: today(), isZero: true },
    }),
    expectOutOfScope: notFoundField('regionId'),
  },
  'POST /api/v1/daily-reports/reminders': {
    auditNone: 'nobody left to remind',
    inScope: (fx) => ({
      url: '/api/v1/daily-reports/reminders',
      payload: { reportDate: today(), regionIds: [fx.villageA.id] },
    }),
    outOfScope: (fx) => ({
      url: '/api/v1/daily-reports/reminders',
      payload: { reportDate: today(), regionIds: [fx.villageB.id] },
    }),
    expectOutOfScope: notFoundField('regionIds.0'),
  },
  'GET /api/v1/daily-reports/reminders': {
    inScope: (fx) => ({ url: `/api/v1/daily-reports/reminders?reportDate=${today()}&regionId=${fx.villageA.id}` }),
    outOfScope: (fx) => ({ url: `/api/v1/daily-reports/reminders?reportDate=${today()}&regionId=${fx.villageB.id}` }),
    expectOutOfScope: notFound,
  },
  'GET /api/v1/daily-reports/:id': {
    inScope: (fx) => ({ url: `/api/v1/daily-reports/${fx.reportInA.id}` }),
    outOfScope: (fx) => ({ url: `/api/v1/daily-reports/${fx.reportInB.id}` }),
    expectOutOfScope: notFound,
  },
  'GET /api/v1/daily-reports/:id/versions': {
    inScope: (fx) => ({ url: `/api/v1/daily-reports/${fx.reportInA.id}/versions` }),
    outOfScope: (fx) => ({ url: `/api/v1/daily-reports/${fx.reportInB.id}/versions` }),
    expectOutOfScope: notFound,
  },
  'GET /api/v1/daily-reports/:id/document': {
    inScope: (fx) => ({ url: `/api/v1/daily-reports/${fx.reportInA.id}/document?format=xlsx` }),
    outOfScope: (fx) => ({ url: `/api/v1/daily-reports/${fx.reportInB.id}/document` }),
    expectOutOfScope: notFound,
  },
  'GET /api/v1/dashboard': {
    inScope: (fx) => ({ url: `/api/v1/dashboard?regionId=${fx.townshipA.id}` }),
    outOfScope: (fx) => ({ url: `/api/v1/dashboard?regionId=${fx.townshipB.id}` }),
    expectOutOfScope: notFound,
  },
  // Scope of the events themselves is checked in dashboard.test.ts.
  'GET /api/v1/events': {
    noScope: "a stream filtered by the listener's scope (dashboard tests read it)",
    inScope: () => ({ url: '/api/v1/events' }),
    stream: true,
    expectOutOfScope: () => {},
  },
};
