import { expect } from 'vitest';
import {
  emptyList,
  emptySheet,
  entryPayload,
  nonEmptyList,
  notFound,
  notFoundField,
  today,
  type RouteCase,
} from './shared.js';

/** Route cases of checkpoints, entries, duty rosters and statistics. */
export const checkpointCases: Record<string, RouteCase> = {
  'GET /api/v1/checkpoint-holds': {
    inScope: (fx) => ({ url: `/api/v1/checkpoint-holds?state=pending&regionId=${fx.villageA.id}` }),
    outOfScope: (fx) => ({ url: `/api/v1/checkpoint-holds?state=pending&regionId=${fx.villageB.id}` }),
    expectOutOfScope: emptyList,
  },
  // The fixture's entries passed: every allowed role is told the person was not held.
  'POST /api/v1/checkpoint-holds/:occupantId/placement': {
    inScope: (fx) => ({
      url: `/api/v1/checkpoint-holds/${fx.occupantInA}/placement`,
      payload: { siteId: fx.kp.a.siteId, bedId: fx.kp.a.bedId },
    }),
    status: 422,
    outOfScope: (fx) => ({
      url: `/api/v1/checkpoint-holds/${fx.occupantInB}/placement`,
      payload: { siteId: fx.kp.b.siteId, bedId: fx.kp.b.bedId },
    }),
    expectOutOfScope: notFound,
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
    inScope: (fx) => ({
      url: '/api/v1/checkpoints',
      payload: { regionId: fx.villageA.id, name: '新卡口', kind: 'marketEntrance' },
    }),
    outOfScope: (fx) => ({
      url: '/api/v1/checkpoints',
      payload: { regionId: fx.villageB.id, name: '外卡口', kind: 'marketEntrance' },
    }),
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
    // An out-of-scope filter yields the exporter line and the header, no rows.
    expectOutOfScope: emptySheet(2),
  },
  'GET /api/v1/checkpoint-entries/residents': {
    // By the last digits of the ID number, as the form searches (answered masked).
    inScope: () => ({ url: '/api/v1/checkpoint-entries/residents?q=1010010' }),
    expectInScope: (body) => expect((body as { items: unknown[] }).items).toHaveLength(1),
    outOfScope: () => ({ url: '/api/v1/checkpoint-entries/residents?q=2020022' }),
    expectOutOfScope: (status, body, key) => {
      expect(status, key).toBe(200);
      expect((body as { items: unknown[] }).items, key).toEqual([]);
    },
  },
  'GET /api/v1/checkpoint-entries/last-occupants': {
    // The form refills the occupants of a plate seen before, ID numbers included, to register them again (audited).
    unmasked: 'checkpoint staff re-register the occupants of a plate seen before',
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
  'GET /api/v1/duty-shifts/export': {
    inScope: (fx) => ({ url: `/api/v1/duty-shifts/export?from=${today()}&to=${today()}&regionId=${fx.villageA.id}` }),
    outOfScope: (fx) => ({
      url: `/api/v1/duty-shifts/export?from=${today()}&to=${today()}&regionId=${fx.villageB.id}`,
    }),
    expectOutOfScope: notFound,
  },
  'GET /api/v1/duty-shifts': {
    inScope: (fx) => ({ url: `/api/v1/duty-shifts?from=${today()}&to=${today()}&regionId=${fx.villageA.id}` }),
    expectInScope: (body) =>
      expect(
        (body as { gaps: unknown[]; shifts: unknown[] }).gaps.length + (body as { shifts: unknown[] }).shifts.length,
      ).toBeGreaterThan(0),
    outOfScope: (fx) => ({
      url: `/api/v1/duty-shifts?from=${today()}&to=${today()}&checkpointId=${fx.checkpointInB.id}`,
    }),
    expectOutOfScope: (status, body, key) => {
      expect(status, key).toBe(200);
      expect(body, key).toMatchObject({ shifts: [], gaps: [] });
    },
  },
  'PUT /api/v1/checkpoints/:id/duty-shifts/:day': {
    inScope: (fx) => ({
      url: `/api/v1/checkpoints/${fx.checkpointInA.id}/duty-shifts/${today()}`,
      payload: { members: [{ name: '张组长', role: 'leader' }] },
    }),
    outOfScope: (fx) => ({
      url: `/api/v1/checkpoints/${fx.checkpointInB.id}/duty-shifts/${today()}`,
      payload: { members: [{ name: '张组长', role: 'leader' }] },
    }),
    expectOutOfScope: notFound,
  },
  'PUT /api/v1/offices/:regionId/duty-shifts/:day': {
    inScope: (fx) => ({
      url: `/api/v1/offices/${fx.townshipA.id}/duty-shifts/${today()}`,
      payload: { members: [{ name: '王镇长', role: 'leader' }] },
    }),
    outOfScope: (fx) => ({
      url: `/api/v1/offices/${fx.townshipB.id}/duty-shifts/${today()}`,
      payload: { members: [{ name: '王镇长', role: 'leader' }] },
    }),
    expectOutOfScope: notFound,
  },
  'GET /api/v1/checkpoint-stats/export': {
    inScope: (fx) => ({
      url: `/api/v1/checkpoint-stats/export?from=${today()}&to=${today()}&checkpointId=${fx.checkpointInA.id}`,
    }),
    outOfScope: (fx) => ({
      url: `/api/v1/checkpoint-stats/export?from=${today()}&to=${today()}&checkpointId=${fx.checkpointInB.id}`,
    }),
    // Out of scope: title, exporter, header and a zero total, no rows.
    expectOutOfScope: emptySheet(4),
  },
  'GET /api/v1/checkpoint-stats': {
    inScope: (fx) => ({
      url: `/api/v1/checkpoint-stats?from=${today()}&to=${today()}&checkpointId=${fx.checkpointInA.id}`,
    }),
    expectInScope: (body) => expect((body as { totals: { vehicles: number } }).totals.vehicles).toBeGreaterThan(0),
    outOfScope: (fx) => ({
      url: `/api/v1/checkpoint-stats?from=${today()}&to=${today()}&checkpointId=${fx.checkpointInB.id}`,
    }),
    expectOutOfScope: (status, body, key) => {
      expect(status, key).toBe(200);
      expect((body as { rows: unknown[] }).rows, key).toEqual([]);
    },
  },
  'GET /api/v1/duty-shifts/volunteers': {
    inScope: (fx) => ({ url: `/api/v1/duty-shifts/volunteers?checkpointId=${fx.checkpointInA.id}` }),
    outOfScope: (fx) => ({ url: `/api/v1/duty-shifts/volunteers?checkpointId=${fx.checkpointInB.id}` }),
    expectOutOfScope: notFound,
  },
};
