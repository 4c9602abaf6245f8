import { expect } from 'vitest';
import { chinaDateOf } from '@fangkong/domain';
import { uuidv7 } from '../src/db/ids.js';
import type { buildCounty, buildKeyPersonFixtures, buildUser } from './factories.js';

export type Fixtures = Awaited<ReturnType<typeof buildCounty>> & {
  userInA: Awaited<ReturnType<typeof buildUser>>;
  userInB: Awaited<ReturnType<typeof buildUser>>;
  kp: Awaited<ReturnType<typeof buildKeyPersonFixtures>>;
  reportInA: { id: string };
  reportInB: { id: string };
};

const today = () => chinaDateOf(new Date());

interface Req {
  url: string;
  payload?: string | Record<string, unknown>;
  headers?: Record<string, string>;
}

export interface RouteCase {
  inScope(fx: Fixtures): Req;
  /** The status an allowed, in-scope call answers with, when it is not a success. */
  status?: number;
  expectInScope?(body: unknown): void;
  outOfScope?(fx: Fixtures): Req;
  /** What an out-of-scope request must look like: not found, or an empty list. */
  expectOutOfScope(status: number, body: unknown, key: string): void;
}

const notFound = (status: number, _body: unknown, key: string) => expect(status, key).toBe(404);
const emptyList = (status: number, body: unknown, key: string) => {
  expect(status, key).toBe(200);
  expect((body as { total: number }).total, key).toBe(0);
};
/** A reference to an out-of-scope record is reported as not found on its field. */
const notFoundField = (field: string) => (status: number, body: unknown, key: string) => {
  expect(status, key).toBe(422);
  expect((body as { errors: { field: string }[] }).errors.map((e) => e.field), key).toEqual([field]);
};
const nonEmptyList = (body: unknown) => expect((body as { total: number }).total).toBeGreaterThan(0);
/** Ids that every role's call replays: the first call creates, the others get the same record back. */
const replay = { keyPerson: uuidv7(), check: uuidv7(), site: uuidv7() };
const uniqueName = () => `u${Math.random().toString(36).slice(2, 10)}`;

/** One entry per registered route: `METHOD url`. */
export const routeCases: Record<string, RouteCase> = {
  'GET /api/health': { inScope: () => ({ url: '/api/health' }), expectOutOfScope: () => {} },
  'GET /metrics': { inScope: () => ({ url: '/metrics' }), expectOutOfScope: () => {} },
  'GET /api/openapi.json': { inScope: () => ({ url: '/api/openapi.json' }), expectOutOfScope: () => {} },
  'POST /api/auth/login': { inScope: () => ({ url: '/api/auth/login', payload: { username: 'target-a', password: 'test-password-1' } }), expectOutOfScope: () => {} },
  'GET /api/auth/me': { inScope: () => ({ url: '/api/auth/me' }), expectOutOfScope: () => {} },
  // Logging out is checked in auth.test.ts; here it would end the session the walk relies on.
  'POST /api/auth/logout': { inScope: () => ({ url: '/api/auth/logout', headers: { 'x-csrf-token': 'wrong' } }), status: 403, expectOutOfScope: () => {} },
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
    inScope: () => ({ url: '/api/v1/regions/import', payload: '区划代码,区划名称\n510121001002,新村\n', headers: { 'content-type': 'text/csv' } }),
    outOfScope: () => ({ url: '/api/v1/regions/import', payload: '区划代码,区划名称\n510121002009,外村\n', headers: { 'content-type': 'text/csv' } }),
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
    inScope: (fx) => ({ url: '/api/v1/users', payload: { username: uniqueName(), displayName: '张三', password: 'long-enough-1', role: 'gridWorker', regionId: fx.villageA.id } }),
    outOfScope: (fx) => ({ url: '/api/v1/users', payload: { username: uniqueName(), displayName: '李四', password: 'long-enough-1', role: 'gridWorker', regionId: fx.villageB.id } }),
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
  ...keyPersonCases(),
  ...leadCases(),
  'GET /api/v1/observation-sites': { inScope: (fx) => ({ url: `/api/v1/observation-sites?regionId=${fx.villageA.id}` }), expectInScope: nonEmptyList, outOfScope: (fx) => ({ url: `/api/v1/observation-sites?regionId=${fx.villageB.id}` }), expectOutOfScope: notFound },
  'GET /api/v1/observation-sites/:id': { inScope: (fx) => ({ url: `/api/v1/observation-sites/${fx.kp.a.siteId}` }), outOfScope: (fx) => ({ url: `/api/v1/observation-sites/${fx.kp.b.siteId}` }), expectOutOfScope: notFound },
  'POST /api/v1/observation-sites': {
    inScope: (fx) => ({ url: '/api/v1/observation-sites', payload: { id: replay.site, regionId: fx.villageA.id, name: '镇卫生院留观点', rooms: [{ room: '201', beds: 2 }] } }),
    outOfScope: (fx) => ({ url: '/api/v1/observation-sites', payload: { regionId: fx.villageB.id, name: '外镇留观点', rooms: [{ room: '201', beds: 2 }] } }),
    expectOutOfScope: notFoundField('regionId'),
  },
  // The fixture's key person is isolated at home: every allowed role gets the same refusal.
  'POST /api/v1/observation-sites/:id/placements': {
    inScope: (fx) => ({ url: `/api/v1/observation-sites/${fx.kp.a.siteId}/placements`, payload: { keyPersonId: fx.kp.a.keyPersonId, bedId: fx.kp.a.bedId } }),
    status: 422,
    outOfScope: (fx) => ({ url: `/api/v1/observation-sites/${fx.kp.b.siteId}/placements`, payload: { keyPersonId: fx.kp.b.keyPersonId, bedId: fx.kp.b.bedId } }),
    expectOutOfScope: notFound,
  },
  'POST /api/v1/observation-sites/:id/placements/:placementId/end': {
    inScope: (fx) => ({ url: `/api/v1/observation-sites/${fx.kp.a.siteId}/placements/${uuidv7()}/end` }),
    status: 404,
    outOfScope: (fx) => ({ url: `/api/v1/observation-sites/${fx.kp.b.siteId}/placements/${uuidv7()}/end` }),
    expectOutOfScope: notFound,
  },
  'POST /api/v1/key-persons/:id/check-in-links': {
    inScope: (fx) => ({ url: `/api/v1/key-persons/${fx.kp.a.keyPersonId}/check-in-links` }),
    outOfScope: (fx) => ({ url: `/api/v1/key-persons/${fx.kp.b.keyPersonId}/check-in-links` }),
    expectOutOfScope: notFound,
  },
  // Public: the token is the authorisation. The fixture's tokens have expired (success is tested in check-in.test.ts).
  'GET /api/public/check-in/:token': { inScope: (fx) => ({ url: `/api/public/check-in/${fx.kp.a.expiredToken}` }), status: 404, expectOutOfScope: () => {} },
  'POST /api/public/check-in/:token': { inScope: (fx) => ({ url: `/api/public/check-in/${fx.kp.a.expiredToken}`, payload: { temperature: 36.5 } }), status: 404, expectOutOfScope: () => {} },
  'GET /api/v1/daily-reports/status': {
    inScope: (fx) => ({ url: `/api/v1/daily-reports/status?regionId=${fx.townshipA.id}&reportDate=${today()}` }),
    outOfScope: (fx) => ({ url: `/api/v1/daily-reports/status?regionId=${fx.townshipB.id}&reportDate=${today()}` }),
    expectOutOfScope: notFound,
  },
  'GET /api/v1/daily-reports/preview': {
    inScope: (fx) => ({ url: `/api/v1/daily-reports/preview?regionId=${fx.villageA.id}&reportDate=${today()}` }),
    outOfScope: (fx) => ({ url: `/api/v1/daily-reports/preview?regionId=${fx.villageB.id}&reportDate=${today()}` }),
    expectOutOfScope: notFound,
  },
  'POST /api/v1/daily-reports': {
    inScope: (fx) => ({ url: '/api/v1/daily-reports', payload: { id: uuidv7(), regionId: fx.villageA.id, reportDate: today(), isZero: true, correctionReason: '重报' } }),
    outOfScope: (fx) => ({ url: '/api/v1/daily-reports', payload: { id: uuidv7(), regionId: fx.villageB.id, reportDate: today(), isZero: true } }),
    expectOutOfScope: notFoundField('regionId'),
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
};

function leadCases(): Record<string, RouteCase> {
  const csv = (text: string) => ({ url: '/api/v1/leads/import?issuer=县卫健局', payload: text, headers: { 'content-type': 'text/csv' } });
  return {
    'GET /api/v1/leads': { inScope: () => ({ url: '/api/v1/leads?q=线索五凤村' }), expectInScope: nonEmptyList, outOfScope: () => ({ url: '/api/v1/leads?q=线索石板村' }), expectOutOfScope: emptyList },
    'GET /api/v1/leads/:id': { inScope: (fx) => ({ url: `/api/v1/leads/${fx.kp.a.leadId}` }), outOfScope: (fx) => ({ url: `/api/v1/leads/${fx.kp.b.leadId}` }), expectOutOfScope: notFound },
    // The lead names someone already under a measure: every allowed role gets the same conflict.
    'POST /api/v1/leads/:id/verify': {
      inScope: (fx) => ({ url: `/api/v1/leads/${fx.kp.a.leadId}/verify`, payload: { category: 'returnee', measure: 'homeIsolation', startDate: fx.kp.a.checkDay } }),
      status: 409,
      outOfScope: (fx) => ({ url: `/api/v1/leads/${fx.kp.b.leadId}/verify`, payload: { category: 'returnee', measure: 'homeIsolation', startDate: fx.kp.b.checkDay } }),
      expectOutOfScope: notFound,
    },
    'POST /api/v1/leads/:id/dismiss': {
      inScope: (fx) => ({ url: `/api/v1/leads/${fx.kp.a.dismissedLeadId}/dismiss`, payload: { reason: '重复' } }),
      status: 409,
      outOfScope: (fx) => ({ url: `/api/v1/leads/${fx.kp.b.dismissedLeadId}/dismiss`, payload: { reason: '重复' } }),
      expectOutOfScope: notFound,
    },
    'POST /api/v1/leads/import': {
      inScope: (fx) => csv(`姓名,身份证号\n线索五凤村,${fx.kp.a.idNumber}\n`),
      expectInScope: (body) => expect(body).toMatchObject({ matched: 1, errors: [] }),
      outOfScope: (fx) => csv(`姓名,身份证号\n线索石板村,${fx.kp.b.idNumber}\n`),
      expectOutOfScope: (status, body, key) => {
        expect(status, key).toBe(200);
        expect((body as { created: number; merged: number }).created + (body as { merged: number }).merged, key).toBe(0);
        expect((body as { errors: { field: string }[] }).errors.map((e) => e.field), key).toEqual(['idNumber']);
      },
    },
  };
}

function keyPersonCases(): Record<string, RouteCase> {
  const kp = (fx: Fixtures, side: 'a' | 'b') => `/api/v1/key-persons/${fx.kp[side].keyPersonId}`;
  return {
    'GET /api/v1/key-persons': { inScope: () => ({ url: '/api/v1/key-persons' }), expectInScope: nonEmptyList, outOfScope: (fx) => ({ url: `/api/v1/key-persons?regionId=${fx.villageB.id}` }), expectOutOfScope: notFound },
    'GET /api/v1/key-persons/line-lists': {
      inScope: (fx) => ({ url: `/api/v1/key-persons/line-lists?regionId=${fx.villageA.id}` }),
      expectInScope: (body) => expect((body as { active: number }).active).toBeGreaterThan(0),
      outOfScope: (fx) => ({ url: `/api/v1/key-persons/line-lists?regionId=${fx.villageB.id}` }),
      expectOutOfScope: notFound,
    },
    'GET /api/v1/key-persons/export': { inScope: (fx) => ({ url: `/api/v1/key-persons/export?regionId=${fx.villageA.id}` }), outOfScope: (fx) => ({ url: `/api/v1/key-persons/export?regionId=${fx.villageB.id}` }), expectOutOfScope: notFound },
    'GET /api/v1/key-persons/policy': { inScope: () => ({ url: '/api/v1/key-persons/policy' }), expectOutOfScope: () => {} },
    // Every walker is scoped to a township: only county-level users set the county's rules.
    'PUT /api/v1/key-persons/policy': { inScope: () => ({ url: '/api/v1/key-persons/policy', payload: { leadDeadlineHours: 2 } }), status: 403, expectOutOfScope: () => {} },
    'GET /api/v1/key-persons/:id': { inScope: (fx) => ({ url: kp(fx, 'a') }), outOfScope: (fx) => ({ url: kp(fx, 'b') }), expectOutOfScope: notFound },
    'POST /api/v1/key-persons': {
      inScope: (fx) => ({ url: '/api/v1/key-persons', payload: { id: replay.keyPerson, personId: fx.kp.a.freePersonId, category: 'closeContact', measure: 'homeIsolation', startDate: fx.kp.a.checkDay } }),
      outOfScope: (fx) => ({ url: '/api/v1/key-persons', payload: { personId: fx.kp.b.freePersonId, category: 'closeContact', measure: 'homeIsolation', startDate: fx.kp.b.checkDay } }),
      expectOutOfScope: notFoundField('personId'),
    },
    'PATCH /api/v1/key-persons/:id': { inScope: (fx) => ({ url: kp(fx, 'a'), payload: { category: 'returnee' } }), outOfScope: (fx) => ({ url: kp(fx, 'b'), payload: { category: 'returnee' } }), expectOutOfScope: notFound },
    // Not due for release yet: every allowed role gets the same refusal, and nothing changes.
    'POST /api/v1/key-persons/:id/status': { inScope: (fx) => ({ url: `${kp(fx, 'a')}/status`, payload: { status: 'released' } }), status: 422, outOfScope: (fx) => ({ url: `${kp(fx, 'b')}/status`, payload: { status: 'released' } }), expectOutOfScope: notFound },
    'POST /api/v1/key-persons/:id/transfer': {
      inScope: (fx) => ({ url: `${kp(fx, 'a')}/transfer`, payload: { regionId: fx.villageA.id, reason: '核对住址' } }),
      outOfScope: (fx) => ({ url: `${kp(fx, 'b')}/transfer`, payload: { regionId: fx.villageA.id, reason: '核对住址' } }),
      expectOutOfScope: notFound,
    },
    'POST /api/v1/key-persons/:id/officers': {
      inScope: (fx) => ({ url: `${kp(fx, 'a')}/officers`, payload: { role: 'cadre', name: uniqueName() } }),
      outOfScope: (fx) => ({ url: `${kp(fx, 'b')}/officers`, payload: { role: 'cadre', name: uniqueName() } }),
      expectOutOfScope: notFound,
    },
    'DELETE /api/v1/key-persons/:id/officers/:officerId': { inScope: (fx) => ({ url: `${kp(fx, 'a')}/officers/${uuidv7()}` }), status: 404, outOfScope: (fx) => ({ url: `${kp(fx, 'b')}/officers/${uuidv7()}` }), expectOutOfScope: notFound },
    'GET /api/v1/health-checks': {
      inScope: (fx) => ({ url: `/api/v1/health-checks?keyPersonId=${fx.kp.a.keyPersonId}` }),
      expectInScope: nonEmptyList,
      outOfScope: (fx) => ({ url: `/api/v1/health-checks?keyPersonId=${fx.kp.b.keyPersonId}` }),
      expectOutOfScope: emptyList,
    },
    'POST /api/v1/health-checks': {
      inScope: (fx) => ({ url: '/api/v1/health-checks', payload: { id: replay.check, keyPersonId: fx.kp.a.keyPersonId, day: fx.kp.a.checkDay, slot: 'am', temperature: 36.5, measuredBy: 'doctor' } }),
      outOfScope: (fx) => ({ url: '/api/v1/health-checks', payload: { keyPersonId: fx.kp.b.keyPersonId, day: fx.kp.b.checkDay, slot: 'am', temperature: 36.5, measuredBy: 'doctor' } }),
      expectOutOfScope: notFoundField('keyPersonId'),
    },
    'POST /api/v1/health-checks/:id/corrections': {
      inScope: (fx) => ({ url: `/api/v1/health-checks/${fx.kp.a.checkId}/corrections`, payload: { temperature: 38.1, reason: '复测' } }),
      outOfScope: (fx) => ({ url: `/api/v1/health-checks/${fx.kp.b.checkId}/corrections`, payload: { temperature: 38.1, reason: '复测' } }),
      expectOutOfScope: notFound,
    },
    'GET /api/v1/triage-tasks': {
      inScope: (fx) => ({ url: `/api/v1/triage-tasks?keyPersonId=${fx.kp.a.keyPersonId}` }),
      expectInScope: nonEmptyList,
      outOfScope: (fx) => ({ url: `/api/v1/triage-tasks?keyPersonId=${fx.kp.b.keyPersonId}` }),
      expectOutOfScope: emptyList,
    },
    // The fixture's tasks are closed: allowed roles get the same refusal, and nothing changes.
    'POST /api/v1/triage-tasks/:id/acknowledge': { inScope: (fx) => ({ url: `/api/v1/triage-tasks/${fx.kp.a.triageId}/acknowledge` }), status: 422, outOfScope: (fx) => ({ url: `/api/v1/triage-tasks/${fx.kp.b.triageId}/acknowledge` }), expectOutOfScope: notFound },
    'POST /api/v1/triage-tasks/:id/close': {
      inScope: (fx) => ({ url: `/api/v1/triage-tasks/${fx.kp.a.triageId}/close`, payload: { outcome: '排除' } }),
      status: 422,
      outOfScope: (fx) => ({ url: `/api/v1/triage-tasks/${fx.kp.b.triageId}/close`, payload: { outcome: '排除' } }),
      expectOutOfScope: notFound,
    },
  };
}
