import { notFound, today, uniqueName, type Fixtures, type RouteCase } from './shared.js';

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
};
