import { uuidv7 } from '../../src/db/ids.js';
import { emptyList, notFound, notFoundField, type RouteCase } from './shared.js';

/** Route cases of data-truth spot checks (数据核查), findings waiting on supplies, the ledger and the circular. */
export const spotCheckCases: Record<string, RouteCase> = {
  'GET /api/v1/spot-checks': {
    inScope: (fx) => ({ url: `/api/v1/spot-checks?regionId=${fx.villageA.id}` }),
    outOfScope: (fx) => ({ url: `/api/v1/spot-checks?regionId=${fx.villageB.id}` }),
    expectOutOfScope: emptyList,
  },
  'POST /api/v1/spot-checks': {
    inScope: (fx) => ({
      url: '/api/v1/spot-checks',
      payload: { regionId: fx.villageA.id, section: 'keyPersons', figure: 'active', size: 2, seed: 7 },
    }),
    outOfScope: (fx) => ({
      url: '/api/v1/spot-checks',
      payload: { regionId: fx.villageB.id, section: 'keyPersons', figure: 'active', size: 2, seed: 7 },
    }),
    expectOutOfScope: notFoundField('regionId'),
  },
  'GET /api/v1/spot-checks/:id': {
    inScope: (fx) => ({ url: `/api/v1/spot-checks/${fx.spotCheckInA.id}` }),
    outOfScope: (fx) => ({ url: `/api/v1/spot-checks/${fx.spotCheckInB.id}` }),
    expectOutOfScope: notFound,
  },
  // Recording changes the sampled record, so every role's in-scope call names one that does not exist
  // (the outcomes themselves are tested in spot-checks.test.ts).
  'POST /api/v1/spot-checks/:id/records/:recordId': {
    inScope: (fx) => ({
      url: `/api/v1/spot-checks/${fx.spotCheckInA.id}/records/${uuidv7()}`,
      payload: { outcome: 'confirmed' },
    }),
    status: 404,
    outOfScope: (fx) => ({
      url: `/api/v1/spot-checks/${fx.spotCheckInB.id}/records/${fx.spotCheckInB.recordId}`,
      payload: { outcome: 'confirmed' },
    }),
    expectOutOfScope: notFound,
  },
  'GET /api/v1/spot-check-records': {
    inScope: (fx) => ({ url: `/api/v1/spot-check-records?regionId=${fx.villageA.id}` }),
    outOfScope: (fx) => ({ url: `/api/v1/spot-check-records?regionId=${fx.villageB.id}` }),
    expectOutOfScope: emptyList,
  },
  'POST /api/v1/findings/:id/waiting': {
    inScope: (fx) => ({
      url: `/api/v1/findings/${uuidv7()}/waiting`,
      payload: { action: 'wait', storeId: fx.storeInA.id },
    }),
    status: 404,
    outOfScope: (fx) => ({
      url: `/api/v1/findings/${fx.inspectionInB.findingId}/waiting`,
      payload: { action: 'wait', storeId: fx.storeInB.id },
    }),
    expectOutOfScope: notFound,
  },
  'GET /api/v1/findings/:id/supply-stores': {
    inScope: (fx) => ({ url: `/api/v1/findings/${fx.inspectionInA.findingId}/supply-stores` }),
    outOfScope: (fx) => ({ url: `/api/v1/findings/${fx.inspectionInB.findingId}/supply-stores` }),
    expectOutOfScope: notFound,
  },
  'GET /api/v1/findings/ledger': {
    inScope: (fx) => ({ url: `/api/v1/findings/ledger?regionId=${fx.villageA.id}` }),
    outOfScope: (fx) => ({ url: `/api/v1/findings/ledger?regionId=${fx.villageB.id}` }),
    expectOutOfScope: notFound,
  },
  'GET /api/v1/findings/circular': {
    inScope: (fx) => ({ url: `/api/v1/findings/circular?regionId=${fx.villageA.id}` }),
    outOfScope: (fx) => ({ url: `/api/v1/findings/circular?regionId=${fx.villageB.id}` }),
    expectOutOfScope: notFound,
  },
};
