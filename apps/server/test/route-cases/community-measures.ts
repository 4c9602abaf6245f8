import { emptyList, notFound, notFoundField, type RouteCase } from './shared.js';

const now = () => new Date().toISOString();

/** Route cases of venues, their orders and checks, and gatherings (社会面管控). */
export const communityMeasureCases: Record<string, RouteCase> = {
  'GET /api/v1/venues': {
    inScope: (fx) => ({ url: `/api/v1/venues?regionId=${fx.villageA.id}` }),
    outOfScope: (fx) => ({ url: `/api/v1/venues?regionId=${fx.villageB.id}` }),
    expectOutOfScope: emptyList,
  },
  'GET /api/v1/venues/unchecked': {
    inScope: (fx) => ({ url: `/api/v1/venues/unchecked?regionId=${fx.villageA.id}&days=3` }),
    outOfScope: (fx) => ({ url: `/api/v1/venues/unchecked?regionId=${fx.villageB.id}&days=3` }),
    expectOutOfScope: emptyList,
  },
  'GET /api/v1/venues/:id': {
    inScope: (fx) => ({ url: `/api/v1/venues/${fx.venueInA.id}` }),
    outOfScope: (fx) => ({ url: `/api/v1/venues/${fx.venueInB.id}` }),
    expectOutOfScope: notFound,
  },
  'POST /api/v1/venues': {
    inScope: (fx) => ({
      url: '/api/v1/venues',
      payload: { regionId: fx.villageA.id, type: 'teaHouse', name: '五凤茶楼' },
    }),
    outOfScope: (fx) => ({
      url: '/api/v1/venues',
      payload: { regionId: fx.villageB.id, type: 'teaHouse', name: '石板茶楼' },
    }),
    expectOutOfScope: notFoundField('regionId'),
  },
  'POST /api/v1/venues/:id/checks': {
    inScope: (fx) => ({
      url: `/api/v1/venues/${fx.venueInA.id}/checks`,
      payload: { checkedAt: now(), result: 'compliant' },
    }),
    outOfScope: (fx) => ({
      url: `/api/v1/venues/${fx.venueInB.id}/checks`,
      payload: { checkedAt: now(), result: 'compliant' },
    }),
    expectOutOfScope: notFound,
  },
  'GET /api/v1/venue-checks': {
    inScope: (fx) => ({ url: `/api/v1/venue-checks?regionId=${fx.villageA.id}` }),
    outOfScope: (fx) => ({ url: `/api/v1/venue-checks?regionId=${fx.villageB.id}` }),
    expectOutOfScope: emptyList,
  },
  'GET /api/v1/venue-orders': {
    inScope: (fx) => ({ url: `/api/v1/venue-orders?regionId=${fx.villageA.id}` }),
    outOfScope: (fx) => ({ url: `/api/v1/venue-orders?regionId=${fx.villageB.id}` }),
    expectOutOfScope: emptyList,
  },
  'POST /api/v1/venue-orders': {
    inScope: (fx) => ({
      url: '/api/v1/venue-orders',
      payload: { venueId: fx.venueInA.id, kind: 'restrictHours', hours: '08:00-20:00', effectiveFrom: '2024-03-01' },
    }),
    outOfScope: (fx) => ({
      url: '/api/v1/venue-orders',
      payload: { venueId: fx.venueInB.id, kind: 'restrictHours', effectiveFrom: '2024-03-01' },
    }),
    expectOutOfScope: notFoundField('venueId'),
  },
  'POST /api/v1/venue-orders/:id/lift': {
    inScope: (fx) => ({ url: `/api/v1/venue-orders/${fx.venueInA.orderId}/lift` }),
    outOfScope: (fx) => ({ url: `/api/v1/venue-orders/${fx.venueInB.orderId}/lift` }),
    expectOutOfScope: notFound,
  },
  'GET /api/v1/gatherings': {
    inScope: (fx) => ({ url: `/api/v1/gatherings?regionId=${fx.villageA.id}` }),
    outOfScope: (fx) => ({ url: `/api/v1/gatherings?regionId=${fx.villageB.id}` }),
    expectOutOfScope: emptyList,
  },
  'GET /api/v1/gatherings/:id': {
    inScope: (fx) => ({ url: `/api/v1/gatherings/${fx.gatheringInA.id}` }),
    outOfScope: (fx) => ({ url: `/api/v1/gatherings/${fx.gatheringInB.id}` }),
    expectOutOfScope: notFound,
  },
  'POST /api/v1/gatherings': {
    inScope: (fx) => ({
      url: '/api/v1/gatherings',
      payload: {
        regionId: fx.villageA.id,
        kind: 'banquet',
        host: '事主',
        date: '2024-03-05',
        place: '五凤村',
        tables: 5,
        persons: 50,
        outcome: 'cancelled',
        settledAt: now(),
      },
    }),
    outOfScope: (fx) => ({
      url: '/api/v1/gatherings',
      payload: {
        regionId: fx.villageB.id,
        kind: 'banquet',
        host: '事主',
        date: '2024-03-05',
        place: '石板村',
        tables: 5,
        persons: 50,
        outcome: 'cancelled',
        settledAt: now(),
      },
    }),
    expectOutOfScope: notFoundField('regionId'),
  },
  'GET /api/v1/disinfections': {
    inScope: (fx) => ({ url: `/api/v1/disinfections?regionId=${fx.villageA.id}` }),
    outOfScope: (fx) => ({ url: `/api/v1/disinfections?regionId=${fx.villageB.id}` }),
    expectOutOfScope: emptyList,
  },
  'POST /api/v1/disinfections': {
    inScope: (fx) => ({
      url: '/api/v1/disinfections',
      payload: {
        regionId: fx.villageA.id,
        placeKind: 'stairwell',
        place: '五凤村安置小区',
        doneAt: now(),
        areaM2: 100,
      },
    }),
    outOfScope: (fx) => ({
      url: '/api/v1/disinfections',
      payload: { regionId: fx.villageB.id, placeKind: 'stairwell', place: '石板村', doneAt: now(), areaM2: 100 },
    }),
    expectOutOfScope: notFoundField('regionId'),
  },
  'GET /api/v1/publicity': {
    inScope: (fx) => ({ url: `/api/v1/publicity?regionId=${fx.villageA.id}` }),
    outOfScope: (fx) => ({ url: `/api/v1/publicity?regionId=${fx.villageB.id}` }),
    expectOutOfScope: emptyList,
  },
  'POST /api/v1/publicity': {
    inScope: (fx) => ({
      url: '/api/v1/publicity',
      payload: { regionId: fx.villageA.id, kind: 'leaflet', day: now().slice(0, 10), quantity: 50 },
    }),
    outOfScope: (fx) => ({
      url: '/api/v1/publicity',
      payload: { regionId: fx.villageB.id, kind: 'leaflet', day: now().slice(0, 10), quantity: 50 },
    }),
    expectOutOfScope: notFoundField('regionId'),
  },
};
