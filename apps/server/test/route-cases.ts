import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { chinaDateOf } from '@fangkong/domain';
import { uuidv7 } from '../src/db/ids.js';
import type { buildCheckpoint, buildCounty, buildUser } from './factories.js';

export type Fixtures = Awaited<ReturnType<typeof buildCounty>> & {
  userInA: Awaited<ReturnType<typeof buildUser>>;
  userInB: Awaited<ReturnType<typeof buildUser>>;
  checkpointInA: Awaited<ReturnType<typeof buildCheckpoint>>;
  checkpointInB: Awaited<ReturnType<typeof buildCheckpoint>>;
  /** An entry stored at each checkpoint. */
  entryInA: string;
  entryInB: string;
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
};
