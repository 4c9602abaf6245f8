import { uuidv7 } from '../../src/db/ids.js';
import { emptyList, notFound, today, uniqueName, type Fixtures, type RouteCase } from './shared.js';

const kp = (fx: Fixtures, side: 'a' | 'b') => `/api/v1/key-persons/${fx.kp[side].keyPersonId}`;
const read = (part: string): RouteCase => ({
  inScope: (fx) => ({ url: `${kp(fx, 'a')}/${part}` }),
  outOfScope: (fx) => ({ url: `${kp(fx, 'b')}/${part}` }),
  expectOutOfScope: notFound,
});
const write = (part: string, payload: () => Record<string, unknown>): RouteCase => ({
  inScope: (fx) => ({ url: `${kp(fx, 'a')}/${part}`, payload: payload() }),
  outOfScope: (fx) => ({ url: `${kp(fx, 'b')}/${part}`, payload: payload() }),
  expectOutOfScope: notFound,
});

/** Route cases of a key-person file's trajectory, close contacts, services and notices. */
export const keyPersonFilePartCases: Record<string, RouteCase> = {
  'GET /api/v1/key-persons/:id/trajectory': read('trajectory'),
  'POST /api/v1/key-persons/:id/trajectory': write('trajectory', () => ({
    place: '成都东站',
    startDate: today(),
    transport: 'train',
  })),
  'GET /api/v1/key-persons/:id/contacts': read('contacts'),
  // A new person each time: every allowed role links its own contact.
  'POST /api/v1/key-persons/:id/contacts': write('contacts', () => ({
    newPerson: { name: uniqueName() },
    relation: 'coTraveller',
    lastContactDate: today(),
  })),
  'GET /api/v1/key-persons/:id/services': read('services'),
  'POST /api/v1/key-persons/:id/services': write('services', () => ({
    kind: 'groceries',
    date: today(),
    deliveredBy: '孙网格',
  })),
  'GET /api/v1/key-persons/:id/notices': read('notices'),
  'POST /api/v1/key-persons/:id/notices': write('notices', () => ({
    kind: 'homeIsolationNotice',
    date: today(),
    handedBy: '李干部',
    outcome: 'signed',
  })),
  'GET /api/v1/key-persons/:id/household-members': read('household-members'),
  'GET /api/v1/key-persons/:id/incidents': read('incidents'),
  'POST /api/v1/key-persons/:id/incidents': write('incidents', () => ({
    kind: 'leftHome',
    occurredAt: new Date(Date.now() - 60_000).toISOString(),
    witnessedBy: '孙网格',
  })),
  // No incident of that id on the file: every allowed role gets the same not found.
  'PATCH /api/v1/key-persons/:id/incidents/:incidentId': {
    inScope: (fx) => ({ url: `${kp(fx, 'a')}/incidents/${uuidv7()}`, payload: { outcome: '批评教育' } }),
    status: 404,
    outOfScope: (fx) => ({ url: `${kp(fx, 'b')}/incidents/${uuidv7()}`, payload: { outcome: '批评教育' } }),
    expectOutOfScope: notFound,
  },
  'GET /api/v1/key-person-incidents': {
    inScope: (fx) => ({ url: `/api/v1/key-person-incidents?regionId=${fx.villageA.id}` }),
    outOfScope: (fx) => ({ url: `/api/v1/key-person-incidents?regionId=${fx.villageB.id}` }),
    expectOutOfScope: emptyList,
  },
};
