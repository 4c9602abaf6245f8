import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { chinaDateOf } from '@fangkong/domain';
import { uuidv7 } from '../src/db/ids.js';
import type { buildCheckpoint, buildCounty, buildHousehold, buildKeyPersonFixtures, buildRiskArea, buildRound, buildUser } from './factories.js';

type Built<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;
export type Fixtures = Built<typeof buildCounty> & {
  userInA: Built<typeof buildUser>;
  userInB: Built<typeof buildUser>;
  kp: Built<typeof buildKeyPersonFixtures>;
  checkpointInA: Built<typeof buildCheckpoint>;
  checkpointInB: Built<typeof buildCheckpoint>;
  /** An entry stored at each checkpoint. */
  entryInA: string;
  entryInB: string;
  reportInA: { id: string };
  reportInB: { id: string };
  householdA: Built<typeof buildHousehold>;
  /** Empty, in village A: where moves go. */
  householdA2: Built<typeof buildHousehold>;
  householdB: Built<typeof buildHousehold>;
  riskArea: Built<typeof buildRiskArea>;
  /** Over township A (the actors' scope) and township B. */
  roundA: Built<typeof buildRound>;
  roundB: Built<typeof buildRound>;
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
  /** A never-ending stream (server-sent events): checked over real HTTP, reading only the status. */
  stream?: boolean;
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
const entryPayload = () => ({
  id: randomUUID(),
  kind: 'vehicle',
  plate: '川A12345',
  direction: 'in',
  decision: 'pass',
  recordedAt: new Date().toISOString(),
  occupants: [{ idNumber: '11010519491231002X', name: '王五', temperature: 36.5 }],
});

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
  'GET /api/v1/checkpoints': {
    inScope: (fx) => ({ url: `/api/v1/checkpoints?regionId=${fx.villageA.id}` }),
    expectInScope: nonEmptyList,
    outOfScope: (fx) => ({ url: `/api/v1/checkpoints?q=${encodeURIComponent(fx.checkpointInB.name)}` }),
    expectOutOfScope: emptyList,
  },
  'GET /api/v1/checkpoints/:id': {
    inScope: (fx) => ({ url: `/api/v1/checkpoints/${fx.checkpointInA.id}` }),
    outOfScope: (fx) => ({ url: `/api/v1/checkpoints/${fx.checkpointInB.id}` }),
    expectOutOfScope: notFound,
  },
  'POST /api/v1/checkpoints': {
    inScope: (fx) => ({ url: '/api/v1/checkpoints', payload: { regionId: fx.villageA.id, name: '新卡口', kind: 'marketEntrance' } }),
    outOfScope: (fx) => ({ url: '/api/v1/checkpoints', payload: { regionId: fx.villageB.id, name: '外卡口', kind: 'marketEntrance' } }),
    expectOutOfScope: notFoundField('regionId'),
  },
  'PATCH /api/v1/checkpoints/:id': {
    inScope: (fx) => ({ url: `/api/v1/checkpoints/${fx.checkpointInA.id}`, payload: { location: '路口' } }),
    outOfScope: (fx) => ({ url: `/api/v1/checkpoints/${fx.checkpointInB.id}`, payload: { location: '路口' } }),
    expectOutOfScope: notFound,
  },
  'POST /api/v1/checkpoints/:id/entries': {
    inScope: (fx) => ({ url: `/api/v1/checkpoints/${fx.checkpointInA.id}/entries`, payload: entryPayload() }),
    outOfScope: (fx) => ({ url: `/api/v1/checkpoints/${fx.checkpointInB.id}/entries`, payload: entryPayload() }),
    expectOutOfScope: notFound,
  },
  'GET /api/v1/checkpoints/:id/entries': {
    inScope: (fx) => ({ url: `/api/v1/checkpoints/${fx.checkpointInA.id}/entries` }),
    expectInScope: nonEmptyList,
    outOfScope: (fx) => ({ url: `/api/v1/checkpoints/${fx.checkpointInB.id}/entries` }),
    expectOutOfScope: emptyList,
  },
  'GET /api/v1/checkpoint-entries': {
    inScope: () => ({ url: '/api/v1/checkpoint-entries?plate=川A' }),
    expectInScope: nonEmptyList,
    outOfScope: () => ({ url: `/api/v1/checkpoint-entries?plate=${encodeURIComponent('川B')}` }),
    expectOutOfScope: emptyList,
  },
  'GET /api/v1/checkpoint-entries/export': {
    inScope: (fx) => ({ url: `/api/v1/checkpoint-entries/export?checkpointId=${fx.checkpointInA.id}` }),
    outOfScope: (fx) => ({ url: `/api/v1/checkpoint-entries/export?checkpointId=${fx.checkpointInB.id}` }),
    // An out-of-scope filter yields a sheet without rows; the export test reads the rows.
    expectOutOfScope: (status, _body, key) => expect(status, key).toBe(200),
  },
  'GET /api/v1/checkpoint-entries/residents': {
    inScope: () => ({ url: '/api/v1/checkpoint-entries/residents?idNumber=510121198001010010' }),
    expectInScope: (body) => expect((body as { items: unknown[] }).items).toHaveLength(1),
    outOfScope: () => ({ url: '/api/v1/checkpoint-entries/residents?idNumber=510121198502020022' }),
    expectOutOfScope: (status, body, key) => {
      expect(status, key).toBe(200);
      expect((body as { items: unknown[] }).items, key).toEqual([]);
    },
  },
  'GET /api/v1/checkpoint-entries/last-occupants': {
    inScope: () => ({ url: `/api/v1/checkpoint-entries/last-occupants?plate=${encodeURIComponent('川A12345')}` }),
    expectInScope: (body) => expect((body as { occupants: unknown[] }).occupants.length).toBeGreaterThan(0),
    outOfScope: () => ({ url: `/api/v1/checkpoint-entries/last-occupants?plate=${encodeURIComponent('川B54321')}` }),
    expectOutOfScope: (status, body, key) => {
      expect(status, key).toBe(200);
      expect((body as { occupants: unknown[] }).occupants, key).toEqual([]);
    },
  },
  'GET /api/v1/checkpoint-entries/:id': {
    inScope: (fx) => ({ url: `/api/v1/checkpoint-entries/${fx.entryInA}` }),
    outOfScope: (fx) => ({ url: `/api/v1/checkpoint-entries/${fx.entryInB}` }),
    expectOutOfScope: notFound,
  },
  'GET /api/v1/duty-shifts': {
    inScope: (fx) => ({ url: `/api/v1/duty-shifts?from=${today()}&to=${today()}&regionId=${fx.villageA.id}` }),
    expectInScope: (body) => expect((body as { gaps: unknown[]; shifts: unknown[] }).gaps.length + (body as { shifts: unknown[] }).shifts.length).toBeGreaterThan(0),
    outOfScope: (fx) => ({ url: `/api/v1/duty-shifts?from=${today()}&to=${today()}&checkpointId=${fx.checkpointInB.id}` }),
    expectOutOfScope: (status, body, key) => {
      expect(status, key).toBe(200);
      expect(body, key).toMatchObject({ shifts: [], gaps: [] });
    },
  },
  'PUT /api/v1/checkpoints/:id/duty-shifts/:day': {
    inScope: (fx) => ({ url: `/api/v1/checkpoints/${fx.checkpointInA.id}/duty-shifts/${today()}`, payload: { members: [{ name: '张组长', role: 'leader' }] } }),
    outOfScope: (fx) => ({ url: `/api/v1/checkpoints/${fx.checkpointInB.id}/duty-shifts/${today()}`, payload: { members: [{ name: '张组长', role: 'leader' }] } }),
    expectOutOfScope: notFound,
  },
  'GET /api/v1/checkpoint-stats': {
    inScope: (fx) => ({ url: `/api/v1/checkpoint-stats?from=${today()}&to=${today()}&checkpointId=${fx.checkpointInA.id}` }),
    expectInScope: (body) => expect((body as { totals: { vehicles: number } }).totals.vehicles).toBeGreaterThan(0),
    outOfScope: (fx) => ({ url: `/api/v1/checkpoint-stats?from=${today()}&to=${today()}&checkpointId=${fx.checkpointInB.id}` }),
    expectOutOfScope: (status, body, key) => {
      expect(status, key).toBe(200);
      expect((body as { rows: unknown[] }).rows, key).toEqual([]);
    },
  },
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
  'GET /api/v1/dashboard': {
    inScope: (fx) => ({ url: `/api/v1/dashboard?regionId=${fx.townshipA.id}` }),
    outOfScope: (fx) => ({ url: `/api/v1/dashboard?regionId=${fx.townshipB.id}` }),
    expectOutOfScope: notFound,
  },
  // Scope of the events themselves is checked in dashboard.test.ts.
  'GET /api/v1/events': { inScope: () => ({ url: '/api/v1/events' }), stream: true, expectOutOfScope: () => {} },
  'GET /api/v1/households': {
    inScope: (fx) => ({ url: `/api/v1/households?regionId=${fx.villageA.id}` }),
    expectInScope: nonEmptyList,
    outOfScope: (fx) => ({ url: `/api/v1/households?regionId=${fx.villageB.id}` }),
    expectOutOfScope: emptyList,
  },
  'GET /api/v1/households/:id': {
    inScope: (fx) => ({ url: `/api/v1/households/${fx.householdA.id}` }),
    outOfScope: (fx) => ({ url: `/api/v1/households/${fx.householdB.id}` }),
    expectOutOfScope: notFound,
  },
  'POST /api/v1/households': {
    inScope: (fx) => ({ url: '/api/v1/households', payload: { regionId: fx.villageA.id, address: '五凤村9号' } }),
    outOfScope: (fx) => ({ url: '/api/v1/households', payload: { regionId: fx.villageB.id, address: '石板村9号' } }),
    expectOutOfScope: notFoundField('regionId'),
  },
  'PATCH /api/v1/households/:id': {
    inScope: (fx) => ({ url: `/api/v1/households/${fx.householdA.id}`, payload: { status: 'resident' } }),
    outOfScope: (fx) => ({ url: `/api/v1/households/${fx.householdB.id}`, payload: { status: 'resident' } }),
    expectOutOfScope: notFound,
  },
  'GET /api/v1/persons': {
    inScope: (fx) => ({ url: `/api/v1/persons?householdId=${fx.householdA.id}` }),
    expectInScope: nonEmptyList,
    outOfScope: (fx) => ({ url: `/api/v1/persons?householdId=${fx.householdB.id}` }),
    expectOutOfScope: emptyList,
  },
  'GET /api/v1/persons/:id': {
    inScope: (fx) => ({ url: `/api/v1/persons/${fx.householdA.memberIds[0]}` }),
    outOfScope: (fx) => ({ url: `/api/v1/persons/${fx.householdB.memberIds[0]}` }),
    expectOutOfScope: notFound,
  },
  'GET /api/v1/persons/:id/full': {
    inScope: (fx) => ({ url: `/api/v1/persons/${fx.householdA.memberIds[0]}/full` }),
    outOfScope: (fx) => ({ url: `/api/v1/persons/${fx.householdB.memberIds[0]}/full` }),
    expectOutOfScope: notFound,
  },
  'POST /api/v1/persons': {
    inScope: (fx) => ({ url: '/api/v1/persons', payload: { name: '新人', birthDate: '1990-01-01', householdId: fx.householdA.id } }),
    outOfScope: (fx) => ({ url: '/api/v1/persons', payload: { name: '新人', birthDate: '1990-01-01', householdId: fx.householdB.id } }),
    expectOutOfScope: notFoundField('householdId'),
  },
  'PATCH /api/v1/persons/:id': {
    inScope: (fx) => ({ url: `/api/v1/persons/${fx.householdA.memberIds[0]}`, payload: { vulnerableGroups: ['disabled'] } }),
    outOfScope: (fx) => ({ url: `/api/v1/persons/${fx.householdB.memberIds[0]}`, payload: { vulnerableGroups: ['disabled'] } }),
    expectOutOfScope: notFound,
  },
  // Moving into the household the person is already in changes nothing, so every role can repeat it.
  'POST /api/v1/persons/:id/move': {
    inScope: (fx) => ({ url: `/api/v1/persons/${fx.householdA.memberIds[1]}/move`, payload: { householdId: fx.householdA2.id } }),
    outOfScope: (fx) => ({ url: `/api/v1/persons/${fx.householdB.memberIds[1]}/move`, payload: { householdId: fx.householdA2.id } }),
    expectOutOfScope: notFound,
  },
  'GET /api/v1/risk-areas': {
    inScope: () => ({ url: '/api/v1/risk-areas' }),
    expectInScope: nonEmptyList,
    expectOutOfScope: () => {},
  },
  // The walk's actors hold township A: the county list answers them 403 (riskArea.countyOnly);
  // risk-areas.test.ts covers county accounts.
  'POST /api/v1/risk-areas': {
    inScope: () => ({ url: '/api/v1/risk-areas', payload: { name: '某地', level: 'high', startsOn: '2026-11-01' } }),
    status: 403,
    expectOutOfScope: () => {},
  },
  'PATCH /api/v1/risk-areas/:id': {
    inScope: (fx) => ({ url: `/api/v1/risk-areas/${fx.riskArea.id}`, payload: { endsOn: '2026-12-01' } }),
    status: 403,
    expectOutOfScope: () => {},
  },
  'GET /api/v1/screening/rounds': {
    inScope: () => ({ url: '/api/v1/screening/rounds' }),
    // Round A (over the actor's township) but not round B (over township B).
    expectInScope: (body) => {
      const names = (body as { items: { regionName: string }[] }).items.map((r) => r.regionName);
      expect(names).toContain('淮口街道');
      expect(names).not.toContain('官仓街道');
    },
    expectOutOfScope: () => {},
  },
  'GET /api/v1/screening/rounds/:id': {
    inScope: (fx) => ({ url: `/api/v1/screening/rounds/${fx.roundA.id}` }),
    outOfScope: (fx) => ({ url: `/api/v1/screening/rounds/${fx.roundB.id}` }),
    expectOutOfScope: notFound,
  },
  'POST /api/v1/screening/rounds': {
    inScope: (fx) => ({ url: '/api/v1/screening/rounds', payload: { regionId: fx.villageA.id, name: '第二轮', startsOn: '2026-11-20', deadline: '2026-11-30', travelSince: '2026-11-01' } }),
    outOfScope: (fx) => ({ url: '/api/v1/screening/rounds', payload: { regionId: fx.villageB.id, name: '第二轮', startsOn: '2026-11-20', deadline: '2026-11-30', travelSince: '2026-11-01' } }),
    expectOutOfScope: notFoundField('regionId'),
  },
  'PATCH /api/v1/screening/rounds/:id': {
    inScope: (fx) => ({ url: `/api/v1/screening/rounds/${fx.roundA.id}`, payload: { deadline: '2026-12-31' } }),
    outOfScope: (fx) => ({ url: `/api/v1/screening/rounds/${fx.roundB.id}`, payload: { deadline: '2026-12-31' } }),
    expectOutOfScope: notFound,
  },
  'GET /api/v1/screening/rounds/:id/coverage': {
    inScope: (fx) => ({ url: `/api/v1/screening/rounds/${fx.roundA.id}/coverage` }),
    expectInScope: (body) => expect((body as { total: { households: number } }).total.households).toBeGreaterThan(0),
    outOfScope: (fx) => ({ url: `/api/v1/screening/rounds/${fx.roundB.id}/coverage` }),
    expectOutOfScope: notFound,
  },
  'GET /api/v1/screening/rounds/:id/households': {
    inScope: (fx) => ({ url: `/api/v1/screening/rounds/${fx.roundA.id}/households?state=missing` }),
    expectInScope: nonEmptyList,
    outOfScope: (fx) => ({ url: `/api/v1/screening/rounds/${fx.roundB.id}/households` }),
    expectOutOfScope: notFound,
  },
  'GET /api/v1/screening/rounds/:id/visits': {
    inScope: (fx) => ({ url: `/api/v1/screening/rounds/${fx.roundA.id}/visits` }),
    outOfScope: (fx) => ({ url: `/api/v1/screening/rounds/${fx.roundB.id}/visits` }),
    expectOutOfScope: notFound,
  },
  'POST /api/v1/screening/rounds/:id/visits': {
    inScope: (fx) => ({ url: `/api/v1/screening/rounds/${fx.roundA.id}/visits`, payload: { householdId: fx.householdA.id, outcome: 'nobodyHome' } }),
    outOfScope: (fx) => ({ url: `/api/v1/screening/rounds/${fx.roundA.id}/visits`, payload: { householdId: fx.householdB.id, outcome: 'nobodyHome' } }),
    expectOutOfScope: notFoundField('householdId'),
  },
  'GET /api/v1/persons/duplicates': {
    inScope: () => ({ url: '/api/v1/persons/duplicates' }),
    expectOutOfScope: () => {},
  },
  // A real merge would eat the walk's fixtures: merging a person with itself answers 422 (persons.test.ts merges).
  'POST /api/v1/persons/:id/merge': {
    inScope: (fx) => ({ url: `/api/v1/persons/${fx.householdA.memberIds[0]}/merge`, payload: { duplicateId: fx.householdA.memberIds[0] } }),
    status: 422,
    outOfScope: (fx) => ({ url: `/api/v1/persons/${fx.householdB.memberIds[0]}/merge`, payload: { duplicateId: fx.householdA.memberIds[1] } }),
    expectOutOfScope: notFound,
  },
  'GET /api/v1/persons/ledger-template': {
    inScope: () => ({ url: '/api/v1/persons/ledger-template' }),
    expectOutOfScope: () => {},
  },
  'POST /api/v1/persons/import': {
    inScope: (fx) => ({ url: '/api/v1/persons/import', payload: `所属区划代码,地址,姓名,出生日期\n${fx.villageA.code},五凤村7号,导入人,1990-01-01\n`, headers: { 'content-type': 'text/csv' } }),
    outOfScope: (fx) => ({ url: '/api/v1/persons/import', payload: `所属区划代码,地址,姓名,出生日期\n${fx.villageB.code},石板村7号,导入人,1990-01-01\n`, headers: { 'content-type': 'text/csv' } }),
    expectOutOfScope: (status, body, key) => {
      expect(status, key).toBe(200);
      expect((body as { accepted: number }).accepted, key).toBe(0);
    },
  },
  'GET /api/v1/persons/export': {
    inScope: (fx) => ({ url: `/api/v1/persons/export?regionId=${fx.villageA.id}` }),
    outOfScope: (fx) => ({ url: `/api/v1/persons/export?regionId=${fx.villageB.id}` }),
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
