import { emptyList, nonEmptyList, notFound, notFoundField, uniqueName, type RouteCase } from './shared.js';

/** Route cases of supplies: the county's catalogue, stores, stock and movements. */
export const supplyCases: Record<string, RouteCase> = {
  'GET /api/v1/supply-settings': {
    noScope: "the county's threshold, the same for all of it",
    inScope: () => ({ url: '/api/v1/supply-settings' }),
    expectOutOfScope: () => {},
  },
  'PUT /api/v1/supply-settings': {
    noScope: 'county accounts only (the walkers get 403)',
    inScope: () => ({ url: '/api/v1/supply-settings', payload: { lowCoverDays: 5 } }),
    status: 403,
    expectOutOfScope: () => {},
  },
  'GET /api/v1/supply-items': {
    noScope: "the county's catalogue, the same for all of it",
    inScope: () => ({ url: '/api/v1/supply-items' }),
    expectInScope: nonEmptyList,
    expectOutOfScope: () => {},
  },
  // Every walker is scoped to a township: only county-level users change the county's catalogue.
  'POST /api/v1/supply-items': {
    noScope: 'county accounts only (the walkers get 403)',
    inScope: () => ({ url: '/api/v1/supply-items', payload: { name: '裹尸袋', category: 'other', unit: 'piece' } }),
    status: 403,
    expectOutOfScope: () => {},
  },
  'PATCH /api/v1/supply-items/:id': {
    noScope: 'county accounts only (the walkers get 403)',
    inScope: (fx) => ({ url: `/api/v1/supply-items/${fx.supplyItemId}`, payload: { name: '口罩' } }),
    status: 403,
    expectOutOfScope: () => {},
  },
  'GET /api/v1/supply-stores': {
    inScope: (fx) => ({ url: `/api/v1/supply-stores?regionId=${fx.villageA.id}` }),
    expectInScope: nonEmptyList,
    outOfScope: (fx) => ({ url: `/api/v1/supply-stores?regionId=${fx.villageB.id}` }),
    expectOutOfScope: emptyList,
  },
  'POST /api/v1/supply-stores': {
    inScope: (fx) => ({ url: '/api/v1/supply-stores', payload: { regionId: fx.villageA.id, name: uniqueName() } }),
    outOfScope: (fx) => ({ url: '/api/v1/supply-stores', payload: { regionId: fx.villageB.id, name: uniqueName() } }),
    expectOutOfScope: notFoundField('regionId'),
  },
  'GET /api/v1/supply-stores/:id/stock': {
    inScope: (fx) => ({ url: `/api/v1/supply-stores/${fx.storeInA.id}/stock` }),
    outOfScope: (fx) => ({ url: `/api/v1/supply-stores/${fx.storeInB.id}/stock` }),
    expectOutOfScope: notFound,
  },
  'GET /api/v1/supply-stores/:id/movements': {
    inScope: (fx) => ({ url: `/api/v1/supply-stores/${fx.storeInA.id}/movements` }),
    expectInScope: nonEmptyList,
    outOfScope: (fx) => ({ url: `/api/v1/supply-stores/${fx.storeInB.id}/movements` }),
    expectOutOfScope: notFound,
  },
  'POST /api/v1/supply-stores/:id/movements': {
    inScope: (fx) => ({
      url: `/api/v1/supply-stores/${fx.storeInA.id}/movements`,
      payload: { kind: 'receipt', itemId: fx.supplyItemId, quantity: 10 },
    }),
    outOfScope: (fx) => ({
      url: `/api/v1/supply-stores/${fx.storeInB.id}/movements`,
      payload: { kind: 'receipt', itemId: fx.supplyItemId, quantity: 10 },
    }),
    expectOutOfScope: notFound,
  },
};
