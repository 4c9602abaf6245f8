import { uuidv7 } from '../../src/db/ids.js';
import { emptyList, notFound, notFoundField, type RouteCase } from './shared.js';

/** Route cases of volunteer and party-member teams (志愿服务队). */
export const volunteerTeamCases: Record<string, RouteCase> = {
  'GET /api/v1/volunteer-teams': {
    inScope: (fx) => ({ url: `/api/v1/volunteer-teams?regionId=${fx.villageA.id}` }),
    outOfScope: (fx) => ({ url: `/api/v1/volunteer-teams?regionId=${fx.villageB.id}` }),
    expectOutOfScope: emptyList,
  },
  'POST /api/v1/volunteer-teams': {
    inScope: (fx) => ({
      url: '/api/v1/volunteer-teams',
      payload: { regionId: fx.villageA.id, kind: 'partyMember', name: '五凤村党员志愿服务队' },
    }),
    outOfScope: (fx) => ({
      url: '/api/v1/volunteer-teams',
      payload: { regionId: fx.villageB.id, kind: 'volunteer', name: '外村服务队' },
    }),
    expectOutOfScope: notFoundField('regionId'),
  },
  'POST /api/v1/volunteer-teams/:id/members': {
    inScope: () => ({ url: `/api/v1/volunteer-teams/${uuidv7()}/members`, payload: { name: '志愿者甲' } }),
    status: 404,
    outOfScope: () => ({ url: `/api/v1/volunteer-teams/${uuidv7()}/members`, payload: { name: '志愿者甲' } }),
    expectOutOfScope: notFound,
  },
  'DELETE /api/v1/volunteer-teams/:id/members/:volunteerId': {
    inScope: () => ({ url: `/api/v1/volunteer-teams/${uuidv7()}/members/${uuidv7()}` }),
    status: 404,
    outOfScope: () => ({ url: `/api/v1/volunteer-teams/${uuidv7()}/members/${uuidv7()}` }),
    expectOutOfScope: notFound,
  },
};
