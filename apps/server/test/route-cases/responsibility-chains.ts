import { uuidv7 } from '../../src/db/ids.js';
import { emptyList, notFound, type RouteCase, uniqueName } from './shared.js';

/** Route cases of responsibility chains (包保) and escalations. */
export const responsibilityChainCases: Record<string, RouteCase> = {
  'GET /api/v1/regions/:id/responsibility-chain': {
    inScope: (fx) => ({ url: `/api/v1/regions/${fx.villageA.id}/responsibility-chain` }),
    outOfScope: (fx) => ({ url: `/api/v1/regions/${fx.villageB.id}/responsibility-chain` }),
    expectOutOfScope: notFound,
  },
  'POST /api/v1/regions/:id/responsibility-chain': {
    inScope: (fx) => ({
      url: `/api/v1/regions/${fx.villageA.id}/responsibility-chain`,
      payload: { duty: 'cadre', name: uniqueName() },
    }),
    outOfScope: (fx) => ({
      url: `/api/v1/regions/${fx.villageB.id}/responsibility-chain`,
      payload: { duty: 'cadre', name: uniqueName() },
    }),
    expectOutOfScope: notFound,
  },
  'DELETE /api/v1/regions/:id/responsibility-chain/:memberId': {
    inScope: (fx) => ({ url: `/api/v1/regions/${fx.villageA.id}/responsibility-chain/${uuidv7()}` }),
    status: 404,
    outOfScope: (fx) => ({ url: `/api/v1/regions/${fx.villageB.id}/responsibility-chain/${uuidv7()}` }),
    expectOutOfScope: notFound,
  },
  'GET /api/v1/escalations': {
    inScope: (fx) => ({ url: `/api/v1/escalations?regionId=${fx.villageA.id}` }),
    outOfScope: (fx) => ({ url: `/api/v1/escalations?regionId=${fx.villageB.id}` }),
    expectOutOfScope: emptyList,
  },
};
