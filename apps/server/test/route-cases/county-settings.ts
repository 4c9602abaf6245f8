import { emptyList, notFound, type RouteCase } from './shared.js';

// Every walker is scoped to township A: only county-level users change settings, so they get 403.
const countyOnly = 'county accounts only (the walkers, scoped to a township, get 403 wherever the region lies)';

/** Route cases of the county settings (县级设置): read in force at a region, change, history. */
export const countySettingCases: Record<string, RouteCase> = {
  'GET /api/v1/county-settings': {
    inScope: (fx) => ({ url: `/api/v1/county-settings?regionId=${fx.villageA.id}` }),
    outOfScope: (fx) => ({ url: `/api/v1/county-settings?regionId=${fx.villageB.id}` }),
    expectOutOfScope: notFound,
  },
  'PUT /api/v1/county-settings/policy': {
    noScope: countyOnly,
    inScope: (fx) => ({
      url: `/api/v1/county-settings/policy?regionId=${fx.villageA.id}`,
      payload: { leadDeadlineHours: 2 },
    }),
    status: 403,
    expectOutOfScope: () => {},
  },
  'PUT /api/v1/county-settings/report': {
    noScope: countyOnly,
    inScope: (fx) => ({
      url: `/api/v1/county-settings/report?regionId=${fx.villageA.id}`,
      payload: { deadline: '18:00' },
    }),
    status: 403,
    expectOutOfScope: () => {},
  },
  'PUT /api/v1/county-settings/checkpoint': {
    noScope: countyOnly,
    inScope: (fx) => ({
      url: `/api/v1/county-settings/checkpoint?regionId=${fx.villageA.id}`,
      payload: { healthCodeRequired: false },
    }),
    status: 403,
    expectOutOfScope: () => {},
  },
  'GET /api/v1/county-settings/history': {
    inScope: (fx) => ({ url: `/api/v1/county-settings/history?regionId=${fx.villageA.id}` }),
    outOfScope: (fx) => ({ url: `/api/v1/county-settings/history?regionId=${fx.villageB.id}` }),
    expectOutOfScope: emptyList,
  },
};
