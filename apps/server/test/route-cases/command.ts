import { uuidv7 } from '../../src/db/ids.js';
import { emptyList, notFound, notFoundField, type RouteCase } from './shared.js';

const inADay = () => new Date(Date.now() + 86_400_000).toISOString();

/** Route cases of the command structure (指挥部, 专责组, 战区) and 调度 tasks. */
export const commandCases: Record<string, RouteCase> = {
  'GET /api/v1/command-units': {
    inScope: (fx) => ({ url: `/api/v1/command-units?regionId=${fx.townshipA.id}` }),
    outOfScope: (fx) => ({ url: `/api/v1/command-units?regionId=${fx.townshipB.id}` }),
    expectOutOfScope: emptyList,
  },
  'POST /api/v1/command-units': {
    inScope: (fx) => ({
      url: '/api/v1/command-units',
      payload: { regionId: fx.townshipA.id, kind: 'workingGroup', name: '医疗救治组' },
    }),
    outOfScope: (fx) => ({
      url: '/api/v1/command-units',
      payload: { regionId: fx.townshipB.id, kind: 'workingGroup', name: '医疗救治组' },
    }),
    expectOutOfScope: notFoundField('regionId'),
  },
  'POST /api/v1/command-units/:id/members': {
    inScope: () => ({
      url: `/api/v1/command-units/${uuidv7()}/members`,
      payload: { name: '张组长', position: '组长' },
    }),
    status: 404,
    outOfScope: () => ({
      url: `/api/v1/command-units/${uuidv7()}/members`,
      payload: { name: '张组长', position: '组长' },
    }),
    expectOutOfScope: notFound,
  },
  'DELETE /api/v1/command-units/:id/members/:memberId': {
    inScope: () => ({ url: `/api/v1/command-units/${uuidv7()}/members/${uuidv7()}` }),
    status: 404,
    outOfScope: () => ({ url: `/api/v1/command-units/${uuidv7()}/members/${uuidv7()}` }),
    expectOutOfScope: notFound,
  },
  'GET /api/v1/dispatches': {
    inScope: () => ({ url: '/api/v1/dispatches?box=outbox' }),
    // Nobody's inbox holds another township's tasks; the walk's fixtures send none, so both are empty.
    outOfScope: () => ({ url: '/api/v1/dispatches?box=inbox&status=closed' }),
    expectOutOfScope: emptyList,
  },
  'POST /api/v1/dispatches': {
    inScope: (fx) => ({
      url: '/api/v1/dispatches',
      payload: { toRegionId: fx.villageA.id, title: '今日18时前报送返乡人员核查情况', deadline: inADay() },
    }),
    outOfScope: (fx) => ({
      url: '/api/v1/dispatches',
      payload: { toRegionId: fx.villageB.id, title: '越权下发', deadline: inADay() },
    }),
    expectOutOfScope: notFoundField('toRegionId'),
  },
  'POST /api/v1/dispatches/:id/reply': {
    inScope: () => ({ url: `/api/v1/dispatches/${uuidv7()}/reply`, payload: { reply: '已办结' } }),
    status: 404,
    outOfScope: () => ({ url: `/api/v1/dispatches/${uuidv7()}/reply`, payload: { reply: '已办结' } }),
    expectOutOfScope: notFound,
  },
  'POST /api/v1/dispatches/:id/follow-up': {
    inScope: () => ({ url: `/api/v1/dispatches/${uuidv7()}/follow-up`, payload: { action: 'close' } }),
    status: 404,
    outOfScope: () => ({ url: `/api/v1/dispatches/${uuidv7()}/follow-up`, payload: { action: 'close' } }),
    expectOutOfScope: notFound,
  },
};
