import { expect } from 'vitest';
import { emptyList, notFound, notFoundField, type RouteCase } from './shared.js';

const sale = (sentinelId: string) => ({
  sentinelId,
  idNumber: '510121198001010010',
  name: '居民甲',
  drugClasses: ['antipyretic'],
  symptoms: ['fever'],
});

const walkIn = (sentinelId: string) => ({
  sentinelId,
  idNumber: '510121198001010010',
  name: '居民甲',
  temperature: 38.1,
  symptoms: ['cough'],
});
const referral = () => ({ referredTo: '县人民医院发热门诊', transferredAt: new Date().toISOString() });

/** Route cases of sentinel pharmacies (哨点药店): sites, their accounts, sales and the villages' counts. */
export const sentinelCases: Record<string, RouteCase> = {
  'GET /api/v1/sentinels': {
    inScope: (fx) => ({ url: `/api/v1/sentinels?regionId=${fx.villageA.id}` }),
    outOfScope: (fx) => ({ url: `/api/v1/sentinels?regionId=${fx.villageB.id}` }),
    expectOutOfScope: emptyList,
  },
  'POST /api/v1/sentinels': {
    inScope: (fx) => ({
      url: '/api/v1/sentinels',
      payload: { regionId: fx.villageA.id, kind: 'pharmacy', name: '五凤药店' },
    }),
    outOfScope: (fx) => ({
      url: '/api/v1/sentinels',
      payload: { regionId: fx.villageB.id, kind: 'pharmacy', name: '石板药店' },
    }),
    expectOutOfScope: notFoundField('regionId'),
  },
  'POST /api/v1/sentinels/:id/accounts': {
    inScope: (fx) => ({ url: `/api/v1/sentinels/${fx.sentinelInA.id}/accounts`, payload: { userId: fx.sentinelUser } }),
    outOfScope: (fx) => ({
      url: `/api/v1/sentinels/${fx.sentinelInB.id}/accounts`,
      payload: { userId: fx.sentinelUser },
    }),
    expectOutOfScope: notFound,
  },
  'GET /api/v1/sentinels/mine': {
    noScope: "the account's own site, whatever its scope",
    inScope: () => ({ url: '/api/v1/sentinels/mine' }),
    expectOutOfScope: () => {},
  },
  'POST /api/v1/sentinel-sales': {
    inScope: (fx) => ({ url: '/api/v1/sentinel-sales', payload: sale(fx.sentinelInA.id) }),
    outOfScope: (fx) => ({ url: '/api/v1/sentinel-sales', payload: sale(fx.sentinelInB.id) }),
    expectOutOfScope: notFoundField('sentinelId'),
  },
  'GET /api/v1/sentinel-sales': {
    inScope: (fx) => ({ url: `/api/v1/sentinel-sales?regionId=${fx.villageA.id}` }),
    outOfScope: (fx) => ({ url: `/api/v1/sentinel-sales?regionId=${fx.villageB.id}` }),
    expectOutOfScope: emptyList,
  },
  'GET /api/v1/sentinel-sales/by-village': {
    inScope: (fx) => ({ url: `/api/v1/sentinel-sales/by-village?regionId=${fx.villageA.id}` }),
    outOfScope: (fx) => ({ url: `/api/v1/sentinel-sales/by-village?regionId=${fx.villageB.id}` }),
    expectOutOfScope: (status, body, key) => {
      expect(status, key).toBe(200);
      expect((body as { villages: unknown[] }).villages, key).toEqual([]);
    },
  },
  'GET /api/v1/walk-ins': {
    inScope: (fx) => ({ url: `/api/v1/walk-ins?regionId=${fx.villageA.id}` }),
    outOfScope: (fx) => ({ url: `/api/v1/walk-ins?regionId=${fx.villageB.id}` }),
    expectOutOfScope: emptyList,
  },
  'POST /api/v1/walk-ins': {
    inScope: (fx) => ({ url: '/api/v1/walk-ins', payload: walkIn(fx.sentinelInA.id) }),
    outOfScope: (fx) => ({ url: '/api/v1/walk-ins', payload: walkIn(fx.sentinelInB.id) }),
    expectOutOfScope: notFoundField('sentinelId'),
  },
  'POST /api/v1/walk-ins/:id/referral': {
    inScope: (fx) => ({ url: `/api/v1/walk-ins/${fx.walkInA.id}/referral`, payload: referral() }),
    outOfScope: (fx) => ({ url: `/api/v1/walk-ins/${fx.walkInB.id}/referral`, payload: referral() }),
    expectOutOfScope: notFound,
  },
};
