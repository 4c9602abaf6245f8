import { expect } from 'vitest';
import { uuidv7 } from '../../src/db/ids.js';
import {
  emptyList,
  emptySheet,
  type Fixtures,
  nonEmptyList,
  notFound,
  notFoundField,
  replay,
  type RouteCase,
  uniqueName,
} from './shared.js';

/** Route cases of key persons, health checks, leads, observation sites and self check-in. */
export const keyPersonFileCases: Record<string, RouteCase> = {
  ...keyPersonCases(),
  ...leadCases(),
  'GET /api/v1/observation-sites': {
    inScope: (fx) => ({ url: `/api/v1/observation-sites?regionId=${fx.villageA.id}` }),
    expectInScope: nonEmptyList,
    outOfScope: (fx) => ({ url: `/api/v1/observation-sites?regionId=${fx.villageB.id}` }),
    expectOutOfScope: notFound,
  },
  'GET /api/v1/observation-sites/:id': {
    inScope: (fx) => ({ url: `/api/v1/observation-sites/${fx.kp.a.siteId}` }),
    outOfScope: (fx) => ({ url: `/api/v1/observation-sites/${fx.kp.b.siteId}` }),
    expectOutOfScope: notFound,
  },
  'GET /api/v1/observation-sites/:id/export': {
    inScope: (fx) => ({ url: `/api/v1/observation-sites/${fx.kp.a.siteId}/export` }),
    outOfScope: (fx) => ({ url: `/api/v1/observation-sites/${fx.kp.b.siteId}/export` }),
    expectOutOfScope: notFound,
  },
  'POST /api/v1/observation-sites': {
    auditNone: 'every role after the first replays the same site id',
    inScope: (fx) => ({
      url: '/api/v1/observation-sites',
      payload: { id: replay.site, regionId: fx.villageA.id, name: '镇卫生院留观点', rooms: [{ room: '201', beds: 2 }] },
    }),
    outOfScope: (fx) => ({
      url: '/api/v1/observation-sites',
      payload: { regionId: fx.villageB.id, name: '外镇留观点', rooms: [{ room: '201', beds: 2 }] },
    }),
    expectOutOfScope: notFoundField('regionId'),
  },
  'POST /api/v1/observation-sites/:id/rooms': {
    inScope: (fx) => ({
      url: `/api/v1/observation-sites/${fx.kp.a.siteId}/rooms`,
      payload: { rooms: [{ room: '301', beds: 1 }] },
    }),
    outOfScope: (fx) => ({
      url: `/api/v1/observation-sites/${fx.kp.b.siteId}/rooms`,
      payload: { rooms: [{ room: '301', beds: 1 }] },
    }),
    expectOutOfScope: notFound,
  },
  // The fixture's key person is isolated at home: every allowed role gets the same refusal.
  'POST /api/v1/observation-sites/:id/placements': {
    inScope: (fx) => ({
      url: `/api/v1/observation-sites/${fx.kp.a.siteId}/placements`,
      payload: { keyPersonId: fx.kp.a.keyPersonId, bedId: fx.kp.a.bedId },
    }),
    status: 422,
    outOfScope: (fx) => ({
      url: `/api/v1/observation-sites/${fx.kp.b.siteId}/placements`,
      payload: { keyPersonId: fx.kp.b.keyPersonId, bedId: fx.kp.b.bedId },
    }),
    expectOutOfScope: notFound,
  },
  'POST /api/v1/observation-sites/:id/placements/:placementId/end': {
    inScope: (fx) => ({ url: `/api/v1/observation-sites/${fx.kp.a.siteId}/placements/${uuidv7()}/end` }),
    status: 404,
    outOfScope: (fx) => ({ url: `/api/v1/observation-sites/${fx.kp.b.siteId}/placements/${uuidv7()}/end` }),
    expectOutOfScope: notFound,
  },
  'POST /api/v1/key-persons/:id/check-in-links': {
    inScope: (fx) => ({ url: `/api/v1/key-persons/${fx.kp.a.keyPersonId}/check-in-links` }),
    outOfScope: (fx) => ({ url: `/api/v1/key-persons/${fx.kp.b.keyPersonId}/check-in-links` }),
    expectOutOfScope: notFound,
  },
  // Public: the token is the authorisation. The fixture's tokens have expired (success is tested in check-in.test.ts).
  'GET /api/public/check-in/:token': {
    noScope: 'public: the secret token is the only key',
    inScope: (fx) => ({ url: `/api/public/check-in/${fx.kp.a.expiredToken}` }),
    status: 404,
    expectOutOfScope: () => {},
  },
  'POST /api/public/check-in/:token': {
    noScope: 'public: the secret token is the only key',
    inScope: (fx) => ({ url: `/api/public/check-in/${fx.kp.a.expiredToken}`, payload: { temperature: 36.5 } }),
    status: 404,
    expectOutOfScope: () => {},
  },
};

function leadCases(): Record<string, RouteCase> {
  const csv = (text: string) => ({
    url: '/api/v1/leads/import?issuer=县卫健局',
    payload: text,
    headers: { 'content-type': 'text/csv' },
  });
  return {
    'GET /api/v1/leads': {
      inScope: () => ({ url: '/api/v1/leads?q=线索五凤村' }),
      expectInScope: nonEmptyList,
      outOfScope: () => ({ url: '/api/v1/leads?q=线索石板村' }),
      expectOutOfScope: emptyList,
    },
    'GET /api/v1/leads/:id': {
      inScope: (fx) => ({ url: `/api/v1/leads/${fx.kp.a.leadId}` }),
      outOfScope: (fx) => ({ url: `/api/v1/leads/${fx.kp.b.leadId}` }),
      expectOutOfScope: notFound,
    },
    // The lead names someone already under a measure: every allowed role gets the same conflict.
    'POST /api/v1/leads/:id/verify': {
      inScope: (fx) => ({
        url: `/api/v1/leads/${fx.kp.a.leadId}/verify`,
        payload: { category: 'returnee', measure: 'homeIsolation', startDate: fx.kp.a.checkDay },
      }),
      status: 409,
      outOfScope: (fx) => ({
        url: `/api/v1/leads/${fx.kp.b.leadId}/verify`,
        payload: { category: 'returnee', measure: 'homeIsolation', startDate: fx.kp.b.checkDay },
      }),
      expectOutOfScope: notFound,
    },
    'POST /api/v1/leads/:id/dismiss': {
      inScope: (fx) => ({ url: `/api/v1/leads/${fx.kp.a.dismissedLeadId}/dismiss`, payload: { reason: '重复' } }),
      status: 409,
      outOfScope: (fx) => ({ url: `/api/v1/leads/${fx.kp.b.dismissedLeadId}/dismiss`, payload: { reason: '重复' } }),
      expectOutOfScope: notFound,
    },
    // The fixture's lead is matched to a person: every allowed role gets the same refusal (leads.unmatched.test.ts places, links and merges).
    'POST /api/v1/leads/:id/place': {
      inScope: (fx) => ({ url: `/api/v1/leads/${fx.kp.a.leadId}/place`, payload: { regionId: fx.villageA.id } }),
      status: 409,
      outOfScope: (fx) => ({ url: `/api/v1/leads/${fx.kp.b.leadId}/place`, payload: { regionId: fx.villageB.id } }),
      expectOutOfScope: notFound,
    },
    'POST /api/v1/leads/:id/link': {
      inScope: (fx) => ({ url: `/api/v1/leads/${fx.kp.a.leadId}/link`, payload: { personId: fx.kp.a.freePersonId } }),
      status: 409,
      outOfScope: (fx) => ({
        url: `/api/v1/leads/${fx.kp.b.leadId}/link`,
        payload: { personId: fx.kp.b.freePersonId },
      }),
      expectOutOfScope: notFound,
    },
    // The two leads name two persons: every allowed role gets the same refusal.
    'POST /api/v1/leads/:id/merge': {
      inScope: (fx) => ({ url: `/api/v1/leads/${fx.kp.a.leadId}/merge`, payload: { leadId: fx.kp.a.dismissedLeadId } }),
      status: 422,
      outOfScope: (fx) => ({
        url: `/api/v1/leads/${fx.kp.b.leadId}/merge`,
        payload: { leadId: fx.kp.b.dismissedLeadId },
      }),
      expectOutOfScope: notFound,
    },
    // Every list with rows in the caller's scope; leads.test.ts checks which rows count.
    'GET /api/v1/leads/lists': {
      noScope:
        "one list of the lists with rows in the caller's scope; leads.test.ts checks a village sees only its rows",
      inScope: () => ({ url: '/api/v1/leads/lists' }),
      expectInScope: (body) => expect((body as { items: unknown[] }).items.length).toBeGreaterThan(0),
      expectOutOfScope: () => {},
    },
    'GET /api/v1/leads/lists/:listId/feedback': {
      inScope: (fx) => ({ url: `/api/v1/leads/lists/${fx.kp.a.listId}/feedback` }),
      outOfScope: (fx) => ({ url: `/api/v1/leads/lists/${fx.kp.b.listId}/feedback` }),
      expectOutOfScope: notFound,
    },
    'GET /api/v1/leads/import-template': {
      noScope: 'no record: the empty 协查名单 template',
      inScope: () => ({ url: '/api/v1/leads/import-template' }),
      expectOutOfScope: () => {},
    },
    'POST /api/v1/leads/import': {
      inScope: (fx) => csv(`姓名,身份证号\n线索五凤村,${fx.kp.a.idNumber}\n`),
      expectInScope: (body) => expect(body).toMatchObject({ matched: 1, errors: [] }),
      outOfScope: (fx) => csv(`姓名,身份证号\n线索石板村,${fx.kp.b.idNumber}\n`),
      // A person registered in another township: raised at the county, touching and revealing nothing there.
      expectOutOfScope: (status, body, key) => {
        expect(status, key).toBe(200);
        expect(body, key).toMatchObject({ matched: 0, unmatched: 1, created: 1, merged: 0, errors: [] });
      },
    },
  };
}

function keyPersonCases(): Record<string, RouteCase> {
  const kp = (fx: Fixtures, side: 'a' | 'b') => `/api/v1/key-persons/${fx.kp[side].keyPersonId}`;
  return {
    'GET /api/v1/key-persons': {
      inScope: () => ({ url: '/api/v1/key-persons' }),
      expectInScope: nonEmptyList,
      outOfScope: (fx) => ({ url: `/api/v1/key-persons?regionId=${fx.villageB.id}` }),
      expectOutOfScope: notFound,
    },
    'GET /api/v1/key-persons/line-lists': {
      inScope: (fx) => ({ url: `/api/v1/key-persons/line-lists?regionId=${fx.villageA.id}` }),
      expectInScope: (body) => expect((body as { active: number }).active).toBeGreaterThan(0),
      outOfScope: (fx) => ({ url: `/api/v1/key-persons/line-lists?regionId=${fx.villageB.id}` }),
      expectOutOfScope: notFound,
    },
    'GET /api/v1/key-persons/export': {
      inScope: (fx) => ({ url: `/api/v1/key-persons/export?regionId=${fx.villageA.id}` }),
      outOfScope: (fx) => ({ url: `/api/v1/key-persons/export?regionId=${fx.villageB.id}` }),
      expectOutOfScope: notFound,
    },
    'GET /api/v1/key-persons/:id': {
      inScope: (fx) => ({ url: kp(fx, 'a') }),
      outOfScope: (fx) => ({ url: kp(fx, 'b') }),
      expectOutOfScope: notFound,
    },
    'POST /api/v1/key-persons': {
      inScope: (fx) => ({
        url: '/api/v1/key-persons',
        payload: {
          id: replay.keyPerson,
          personId: fx.kp.a.freePersonId,
          category: 'closeContact',
          measure: 'homeIsolation',
          startDate: fx.kp.a.checkDay,
        },
      }),
      outOfScope: (fx) => ({
        url: '/api/v1/key-persons',
        payload: {
          personId: fx.kp.b.freePersonId,
          category: 'closeContact',
          measure: 'homeIsolation',
          startDate: fx.kp.b.checkDay,
        },
      }),
      expectOutOfScope: notFoundField('personId'),
    },
    'PATCH /api/v1/key-persons/:id': {
      inScope: (fx) => ({ url: kp(fx, 'a'), payload: { category: 'returnee' } }),
      outOfScope: (fx) => ({ url: kp(fx, 'b'), payload: { category: 'returnee' } }),
      expectOutOfScope: notFound,
    },
    // Not due for release yet: every allowed role gets the same refusal, and nothing changes.
    'POST /api/v1/key-persons/:id/status': {
      inScope: (fx) => ({ url: `${kp(fx, 'a')}/status`, payload: { status: 'released' } }),
      status: 422,
      outOfScope: (fx) => ({ url: `${kp(fx, 'b')}/status`, payload: { status: 'released' } }),
      expectOutOfScope: notFound,
    },
    'POST /api/v1/key-persons/:id/transfer': {
      inScope: (fx) => ({ url: `${kp(fx, 'a')}/transfer`, payload: { regionId: fx.villageA.id, reason: '核对住址' } }),
      outOfScope: (fx) => ({
        url: `${kp(fx, 'b')}/transfer`,
        payload: { regionId: fx.villageA.id, reason: '核对住址' },
      }),
      expectOutOfScope: notFound,
    },
    'POST /api/v1/key-persons/:id/officers': {
      inScope: (fx) => ({ url: `${kp(fx, 'a')}/officers`, payload: { role: 'police', name: uniqueName() } }),
      outOfScope: (fx) => ({ url: `${kp(fx, 'b')}/officers`, payload: { role: 'police', name: uniqueName() } }),
      expectOutOfScope: notFound,
    },
    'POST /api/v1/key-persons/:id/team': {
      inScope: (fx) => ({
        url: `${kp(fx, 'a')}/team`,
        payload: { officers: [{ role: 'outsider', name: uniqueName() }] },
      }),
      outOfScope: (fx) => ({
        url: `${kp(fx, 'b')}/team`,
        payload: { officers: [{ role: 'outsider', name: uniqueName() }] },
      }),
      expectOutOfScope: notFound,
    },
    'GET /api/v1/key-persons/:id/officer-candidates': {
      inScope: (fx) => ({ url: `${kp(fx, 'a')}/officer-candidates` }),
      outOfScope: (fx) => ({ url: `${kp(fx, 'b')}/officer-candidates` }),
      expectOutOfScope: notFound,
    },
    'DELETE /api/v1/key-persons/:id/officers/:officerId': {
      inScope: (fx) => ({ url: `${kp(fx, 'a')}/officers/${uuidv7()}` }),
      status: 404,
      outOfScope: (fx) => ({ url: `${kp(fx, 'b')}/officers/${uuidv7()}` }),
      expectOutOfScope: notFound,
    },
    'GET /api/v1/health-checks': {
      inScope: (fx) => ({ url: `/api/v1/health-checks?keyPersonId=${fx.kp.a.keyPersonId}` }),
      expectInScope: nonEmptyList,
      outOfScope: (fx) => ({ url: `/api/v1/health-checks?keyPersonId=${fx.kp.b.keyPersonId}` }),
      expectOutOfScope: emptyList,
    },
    'GET /api/v1/health-checks/export': {
      inScope: (fx) => ({ url: `/api/v1/health-checks/export?keyPersonId=${fx.kp.a.keyPersonId}` }),
      outOfScope: (fx) => ({ url: `/api/v1/health-checks/export?keyPersonId=${fx.kp.b.keyPersonId}` }),
      expectOutOfScope: emptySheet(2),
    },
    'POST /api/v1/health-checks': {
      auditNone: 'every role after the first replays the same check id',
      inScope: (fx) => ({
        url: '/api/v1/health-checks',
        payload: {
          id: replay.check,
          keyPersonId: fx.kp.a.keyPersonId,
          day: fx.kp.a.checkDay,
          slot: 'am',
          temperature: 36.5,
          measuredBy: 'doctor',
        },
      }),
      outOfScope: (fx) => ({
        url: '/api/v1/health-checks',
        payload: {
          keyPersonId: fx.kp.b.keyPersonId,
          day: fx.kp.b.checkDay,
          slot: 'am',
          temperature: 36.5,
          measuredBy: 'doctor',
        },
      }),
      expectOutOfScope: notFoundField('keyPersonId'),
    },
    'POST /api/v1/health-checks/:id/corrections': {
      inScope: (fx) => ({
        url: `/api/v1/health-checks/${fx.kp.a.checkId}/corrections`,
        payload: { temperature: 38.1, reason: '复测' },
      }),
      outOfScope: (fx) => ({
        url: `/api/v1/health-checks/${fx.kp.b.checkId}/corrections`,
        payload: { temperature: 38.1, reason: '复测' },
      }),
      expectOutOfScope: notFound,
    },
    'GET /api/v1/triage-tasks': {
      inScope: (fx) => ({ url: `/api/v1/triage-tasks?keyPersonId=${fx.kp.a.keyPersonId}` }),
      expectInScope: nonEmptyList,
      outOfScope: (fx) => ({ url: `/api/v1/triage-tasks?keyPersonId=${fx.kp.b.keyPersonId}` }),
      expectOutOfScope: emptyList,
    },
    // The fixture's tasks are closed: allowed roles get the same refusal, and nothing changes.
    'POST /api/v1/triage-tasks/:id/acknowledge': {
      inScope: (fx) => ({ url: `/api/v1/triage-tasks/${fx.kp.a.triageId}/acknowledge` }),
      status: 422,
      outOfScope: (fx) => ({ url: `/api/v1/triage-tasks/${fx.kp.b.triageId}/acknowledge` }),
      expectOutOfScope: notFound,
    },
    'POST /api/v1/triage-tasks/:id/close': {
      inScope: (fx) => ({ url: `/api/v1/triage-tasks/${fx.kp.a.triageId}/close`, payload: { outcome: '排除' } }),
      status: 422,
      outOfScope: (fx) => ({ url: `/api/v1/triage-tasks/${fx.kp.b.triageId}/close`, payload: { outcome: '排除' } }),
      expectOutOfScope: notFound,
    },
  };
}
