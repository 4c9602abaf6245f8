import { expect } from 'vitest';
import { emptyList, notFound, notFoundField, type RouteCase } from './shared.js';

const dose = (personId: string) => ({ personId, vaccine: 'inactivated', doseNumber: 1, givenOn: '2021-06-01' });

/** Route cases of vaccination: doses, coverage, the not-vaccinated list and its reasons. */
export const vaccinationCases: Record<string, RouteCase> = {
  'GET /api/v1/vaccinations/coverage': {
    inScope: (fx) => ({ url: `/api/v1/vaccinations/coverage?regionId=${fx.villageA.id}` }),
    outOfScope: (fx) => ({ url: `/api/v1/vaccinations/coverage?regionId=${fx.villageB.id}` }),
    expectOutOfScope: notFound,
  },
  'GET /api/v1/vaccinations/coverage/export': {
    inScope: (fx) => ({ url: `/api/v1/vaccinations/coverage/export?regionId=${fx.villageA.id}` }),
    outOfScope: (fx) => ({ url: `/api/v1/vaccinations/coverage/export?regionId=${fx.villageB.id}` }),
    expectOutOfScope: notFound,
  },
  'GET /api/v1/vaccinations/persons': {
    inScope: (fx) => ({ url: `/api/v1/vaccinations/persons?regionId=${fx.villageA.id}` }),
    outOfScope: (fx) => ({ url: `/api/v1/vaccinations/persons?regionId=${fx.villageB.id}` }),
    expectOutOfScope: emptyList,
  },
  'GET /api/v1/persons/:id/vaccination-doses': {
    inScope: (fx) => ({ url: `/api/v1/persons/${fx.householdA.memberIds[0]}/vaccination-doses` }),
    outOfScope: (fx) => ({ url: `/api/v1/persons/${fx.householdB.memberIds[0]}/vaccination-doses` }),
    expectOutOfScope: notFound,
  },
  'POST /api/v1/vaccination-doses': {
    auditNone: 'the same dose again (every role after the first) answers the recorded dose and writes nothing',
    inScope: (fx) => ({ url: '/api/v1/vaccination-doses', payload: dose(fx.householdA.memberIds[0]!) }),
    outOfScope: (fx) => ({ url: '/api/v1/vaccination-doses', payload: dose(fx.householdB.memberIds[0]!) }),
    expectOutOfScope: notFoundField('personId'),
  },
  'POST /api/v1/vaccination-doses/import': {
    auditNone: 'the import job writes vaccination.import when it finishes, after the answer',
    inScope: () => ({
      url: '/api/v1/vaccination-doses/import',
      payload: '身份证号,疫苗类型,剂次,接种日期\n510121198001010010,灭活疫苗,1,2021-06-01\n',
      headers: { 'content-type': 'text/csv' },
    }),
    outOfScope: () => ({
      url: '/api/v1/vaccination-doses/import',
      payload: '身份证号,疫苗类型,剂次,接种日期\n510121198502020022,灭活疫苗,1,2021-06-01\n',
      headers: { 'content-type': 'text/csv' },
    }),
    // A job starts either way; a resident out of scope is reported as unknown (vaccinations.test.ts).
    expectOutOfScope: (status, _body, key) => expect(status, key).toBe(202),
  },
  'POST /api/v1/vaccination-follow-ups': {
    inScope: (fx) => ({
      url: '/api/v1/vaccination-follow-ups',
      payload: { personId: fx.householdA.memberIds[0], reason: 'away' },
    }),
    outOfScope: (fx) => ({
      url: '/api/v1/vaccination-follow-ups',
      payload: { personId: fx.householdB.memberIds[0], reason: 'away' },
    }),
    expectOutOfScope: notFoundField('personId'),
  },
};
