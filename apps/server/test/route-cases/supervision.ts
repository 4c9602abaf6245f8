import { expect } from 'vitest';
import { uuidv7 } from '../../src/db/ids.js';
import { emptyList, notFound, notFoundField, type RouteCase } from './shared.js';

/** Route cases of supervision (督查): checklists, inspections, findings and their rectification. */
export const supervisionCases: Record<string, RouteCase> = {
  'GET /api/v1/inspection-checklists': {
    inScope: () => ({ url: '/api/v1/inspection-checklists' }),
    noScope: "the county's checklists, the same for every township and village",
    expectOutOfScope: () => {},
  },
  'PUT /api/v1/inspection-checklists/:placeKind': {
    // The walkers are township accounts: only the county's supervision office keeps the lists.
    inScope: () => ({ url: '/api/v1/inspection-checklists/village', payload: { items: [{ label: 'x' }] } }),
    status: 403,
    noScope: 'county-level accounts only; below the county every caller is refused',
    expectOutOfScope: () => {},
  },
  'GET /api/v1/supervision-groups': {
    inScope: (fx) => ({ url: `/api/v1/supervision-groups?regionId=${fx.villageA.id}` }),
    expectInScope: (body) => expect((body as { items: unknown[] }).items).toHaveLength(1),
    outOfScope: (fx) => ({ url: `/api/v1/supervision-groups?regionId=${fx.villageB.id}` }),
    expectOutOfScope: (status, body, key) => {
      expect(status, key).toBe(200);
      expect((body as { items: unknown[] }).items, key).toEqual([]);
    },
  },
  'POST /api/v1/supervision-groups': {
    inScope: (fx) => ({
      url: '/api/v1/supervision-groups',
      payload: { name: '第三督导组', leaderName: '王某', townshipIds: [fx.townshipA.id], startsOn: '2022-01-28' },
    }),
    status: 403,
    noScope: 'county-level accounts only; below the county every caller is refused',
    expectOutOfScope: () => {},
  },
  'PATCH /api/v1/supervision-groups/:id': {
    inScope: (fx) => ({ url: `/api/v1/supervision-groups/${fx.groupA}`, payload: { members: ['李某'] } }),
    status: 403,
    noScope: 'county-level accounts only; below the county every caller is refused',
    expectOutOfScope: () => {},
  },
  'GET /api/v1/inspections': {
    inScope: (fx) => ({ url: `/api/v1/inspections?regionId=${fx.villageA.id}` }),
    outOfScope: (fx) => ({ url: `/api/v1/inspections?regionId=${fx.villageB.id}` }),
    expectOutOfScope: emptyList,
  },
  'POST /api/v1/inspections': {
    inScope: (fx) => ({
      url: '/api/v1/inspections',
      payload: {
        placeKind: 'village',
        regionId: fx.villageA.id,
        unannounced: false,
        answers: [{ key: 'noticesPosted', ok: true }],
      },
    }),
    outOfScope: (fx) => ({
      url: '/api/v1/inspections',
      payload: { placeKind: 'village', regionId: fx.villageB.id, unannounced: false, answers: [] },
    }),
    expectOutOfScope: notFoundField('regionId'),
  },
  'GET /api/v1/inspections/:id': {
    inScope: (fx) => ({ url: `/api/v1/inspections/${fx.inspectionInA.id}` }),
    outOfScope: (fx) => ({ url: `/api/v1/inspections/${fx.inspectionInB.id}` }),
    expectOutOfScope: notFound,
  },
  'GET /api/v1/findings': {
    inScope: (fx) => ({ url: `/api/v1/findings?regionId=${fx.villageA.id}` }),
    outOfScope: (fx) => ({ url: `/api/v1/findings?regionId=${fx.villageB.id}` }),
    expectOutOfScope: emptyList,
  },
  'GET /api/v1/findings/:id': {
    inScope: (fx) => ({ url: `/api/v1/findings/${fx.inspectionInA.findingId}` }),
    outOfScope: (fx) => ({ url: `/api/v1/findings/${fx.inspectionInB.findingId}` }),
    expectOutOfScope: notFound,
  },
  // The steps change the finding, so every role's in-scope call would meet a state already moved:
  // they name a finding that does not exist (the life itself is tested in supervision.test.ts).
  'POST /api/v1/findings/:id/rectification': {
    inScope: () => ({ url: `/api/v1/findings/${uuidv7()}/rectification`, payload: { action: 'start' } }),
    status: 404,
    outOfScope: (fx) => ({
      url: `/api/v1/findings/${fx.inspectionInB.findingId}/rectification`,
      payload: { action: 'start' },
    }),
    expectOutOfScope: notFound,
  },
  'POST /api/v1/findings/:id/review': {
    inScope: () => ({ url: `/api/v1/findings/${uuidv7()}/review`, payload: { action: 'sendBack', note: 'x' } }),
    status: 404,
    outOfScope: (fx) => ({
      url: `/api/v1/findings/${fx.inspectionInB.findingId}/review`,
      payload: { action: 'sendBack', note: 'x' },
    }),
    expectOutOfScope: notFound,
  },
};
