import { expect } from 'vitest';
import { emptyList, nonEmptyList, notFound, notFoundField, type RouteCase } from './shared.js';

/** Route cases of the register and screening. */
export const registerCases: Record<string, RouteCase> = {
  'GET /api/v1/households': {
    inScope: (fx) => ({ url: `/api/v1/households?regionId=${fx.villageA.id}` }),
    expectInScope: nonEmptyList,
    outOfScope: (fx) => ({ url: `/api/v1/households?regionId=${fx.villageB.id}` }),
    expectOutOfScope: emptyList,
  },
  'GET /api/v1/households/:id': {
    inScope: (fx) => ({ url: `/api/v1/households/${fx.householdA.id}` }),
    outOfScope: (fx) => ({ url: `/api/v1/households/${fx.householdB.id}` }),
    expectOutOfScope: notFound,
  },
  'POST /api/v1/households': {
    inScope: (fx) => ({ url: '/api/v1/households', payload: { regionId: fx.villageA.id, address: '五凤村9号' } }),
    outOfScope: (fx) => ({ url: '/api/v1/households', payload: { regionId: fx.villageB.id, address: '石板村9号' } }),
    expectOutOfScope: notFoundField('regionId'),
  },
  'PATCH /api/v1/households/:id': {
    inScope: (fx) => ({ url: `/api/v1/households/${fx.householdA.id}`, payload: { status: 'resident' } }),
    outOfScope: (fx) => ({ url: `/api/v1/households/${fx.householdB.id}`, payload: { status: 'resident' } }),
    expectOutOfScope: notFound,
  },
  'GET /api/v1/persons': {
    inScope: (fx) => ({ url: `/api/v1/persons?householdId=${fx.householdA.id}` }),
    expectInScope: nonEmptyList,
    outOfScope: (fx) => ({ url: `/api/v1/persons?householdId=${fx.householdB.id}` }),
    expectOutOfScope: emptyList,
  },
  'GET /api/v1/persons/:id': {
    inScope: (fx) => ({ url: `/api/v1/persons/${fx.householdA.memberIds[0]}` }),
    outOfScope: (fx) => ({ url: `/api/v1/persons/${fx.householdB.memberIds[0]}` }),
    expectOutOfScope: notFound,
  },
  'GET /api/v1/persons/:id/full': {
    inScope: (fx) => ({ url: `/api/v1/persons/${fx.householdA.memberIds[0]}/full` }),
    outOfScope: (fx) => ({ url: `/api/v1/persons/${fx.householdB.memberIds[0]}/full` }),
    expectOutOfScope: notFound,
  },
  'POST /api/v1/persons': {
    inScope: (fx) => ({
      url: '/api/v1/persons',
      payload: { name: '新人', birthDate: '1990-01-01', householdId: fx.householdA.id },
    }),
    outOfScope: (fx) => ({
      url: '/api/v1/persons',
      payload: { name: '新人', birthDate: '1990-01-01', householdId: fx.householdB.id },
    }),
    expectOutOfScope: notFoundField('householdId'),
  },
  'PATCH /api/v1/persons/:id': {
    inScope: (fx) => ({
      url: `/api/v1/persons/${fx.householdA.memberIds[0]}`,
      payload: { vulnerableGroups: ['disabled'] },
    }),
    outOfScope: (fx) => ({
      url: `/api/v1/persons/${fx.householdB.memberIds[0]}`,
      payload: { vulnerableGroups: ['disabled'] },
    }),
    expectOutOfScope: notFound,
  },
  // Moving into the household the person is already in changes nothing, so every role can repeat it.
  'POST /api/v1/persons/:id/move': {
    auditNone: 'the person already lives there: nothing changes',
    inScope: (fx) => ({
      url: `/api/v1/persons/${fx.householdA.memberIds[1]}/move`,
      payload: { householdId: fx.householdA2.id },
    }),
    outOfScope: (fx) => ({
      url: `/api/v1/persons/${fx.householdB.memberIds[1]}/move`,
      payload: { householdId: fx.householdA2.id },
    }),
    expectOutOfScope: notFound,
  },
  'GET /api/v1/risk-areas': {
    noScope: 'risk areas are county-wide, the same for every user of the county',
    inScope: () => ({ url: '/api/v1/risk-areas' }),
    expectInScope: nonEmptyList,
    expectOutOfScope: () => {},
  },
  // The walk's actors hold township A: the county list answers them 403 (riskArea.countyOnly);
  // risk-areas.test.ts covers county accounts.
  'POST /api/v1/risk-areas': {
    noScope: 'county accounts only (the walkers get 403)',
    inScope: () => ({ url: '/api/v1/risk-areas', payload: { name: '某地', level: 'high', startsOn: '2026-11-01' } }),
    status: 403,
    expectOutOfScope: () => {},
  },
  'PATCH /api/v1/risk-areas/:id': {
    noScope: 'county accounts only (the walkers get 403)',
    inScope: (fx) => ({ url: `/api/v1/risk-areas/${fx.riskArea.id}`, payload: { endsOn: '2026-12-01' } }),
    status: 403,
    expectOutOfScope: () => {},
  },
  'GET /api/v1/screening/rounds': {
    noScope: "one list of the caller's scope; expectInScope checks township B's round is absent",
    inScope: () => ({ url: '/api/v1/screening/rounds' }),
    // Round A (over the actor's township) but not round B (over township B).
    expectInScope: (body) => {
      const names = (body as { items: { regionName: string }[] }).items.map((r) => r.regionName);
      expect(names).toContain('淮口街道');
      expect(names).not.toContain('官仓街道');
    },
    expectOutOfScope: () => {},
  },
  'GET /api/v1/screening/rounds/:id': {
    inScope: (fx) => ({ url: `/api/v1/screening/rounds/${fx.roundA.id}` }),
    outOfScope: (fx) => ({ url: `/api/v1/screening/rounds/${fx.roundB.id}` }),
    expectOutOfScope: notFound,
  },
  'POST /api/v1/screening/rounds': {
    inScope: (fx) => ({
      url: '/api/v1/screening/rounds',
      payload: {
        regionId: fx.villageA.id,
        name: '第二轮',
        startsOn: '2026-11-20',
        deadline: '2026-11-30',
        travelSince: '2026-11-01',
      },
    }),
    outOfScope: (fx) => ({
      url: '/api/v1/screening/rounds',
      payload: {
        regionId: fx.villageB.id,
        name: '第二轮',
        startsOn: '2026-11-20',
        deadline: '2026-11-30',
        travelSince: '2026-11-01',
      },
    }),
    expectOutOfScope: notFoundField('regionId'),
  },
  'PATCH /api/v1/screening/rounds/:id': {
    inScope: (fx) => ({ url: `/api/v1/screening/rounds/${fx.roundA.id}`, payload: { deadline: '2026-12-31' } }),
    outOfScope: (fx) => ({ url: `/api/v1/screening/rounds/${fx.roundB.id}`, payload: { deadline: '2026-12-31' } }),
    expectOutOfScope: notFound,
  },
  'GET /api/v1/screening/rounds/:id/coverage': {
    inScope: (fx) => ({ url: `/api/v1/screening/rounds/${fx.roundA.id}/coverage` }),
    expectInScope: (body) => expect((body as { total: { households: number } }).total.households).toBeGreaterThan(0),
    outOfScope: (fx) => ({ url: `/api/v1/screening/rounds/${fx.roundB.id}/coverage` }),
    expectOutOfScope: notFound,
  },
  'GET /api/v1/screening/rounds/:id/households': {
    inScope: (fx) => ({ url: `/api/v1/screening/rounds/${fx.roundA.id}/households?state=missing` }),
    expectInScope: nonEmptyList,
    outOfScope: (fx) => ({ url: `/api/v1/screening/rounds/${fx.roundB.id}/households` }),
    expectOutOfScope: notFound,
  },
  'GET /api/v1/screening/rounds/:id/export/statistics': {
    inScope: (fx) => ({ url: `/api/v1/screening/rounds/${fx.roundA.id}/export/statistics` }),
    outOfScope: (fx) => ({ url: `/api/v1/screening/rounds/${fx.roundB.id}/export/statistics` }),
    expectOutOfScope: notFound,
  },
  'GET /api/v1/screening/rounds/:id/export/progress': {
    inScope: (fx) => ({ url: `/api/v1/screening/rounds/${fx.roundA.id}/export/progress` }),
    outOfScope: (fx) => ({ url: `/api/v1/screening/rounds/${fx.roundB.id}/export/progress` }),
    expectOutOfScope: notFound,
  },
  'GET /api/v1/screening/rounds/:id/visits': {
    inScope: (fx) => ({ url: `/api/v1/screening/rounds/${fx.roundA.id}/visits` }),
    outOfScope: (fx) => ({ url: `/api/v1/screening/rounds/${fx.roundB.id}/visits` }),
    expectOutOfScope: notFound,
  },
  'POST /api/v1/screening/rounds/:id/visits': {
    inScope: (fx) => ({
      url: `/api/v1/screening/rounds/${fx.roundA.id}/visits`,
      payload: { householdId: fx.householdA.id, outcome: 'nobodyHome' },
    }),
    outOfScope: (fx) => ({
      url: `/api/v1/screening/rounds/${fx.roundA.id}/visits`,
      payload: { householdId: fx.householdB.id, outcome: 'nobodyHome' },
    }),
    expectOutOfScope: notFoundField('householdId'),
  },
  'GET /api/v1/persons/duplicates': {
    noScope: "one list of the caller's scope, with no filter that could name another region",
    inScope: () => ({ url: '/api/v1/persons/duplicates' }),
    expectOutOfScope: () => {},
  },
  // A real merge would eat the walk's fixtures: merging a person with itself answers 422 (persons.test.ts merges).
  'POST /api/v1/persons/:id/merge': {
    inScope: (fx) => ({
      url: `/api/v1/persons/${fx.householdA.memberIds[0]}/merge`,
      payload: { duplicateId: fx.householdA.memberIds[0] },
    }),
    status: 422,
    outOfScope: (fx) => ({
      url: `/api/v1/persons/${fx.householdB.memberIds[0]}/merge`,
      payload: { duplicateId: fx.householdA.memberIds[1] },
    }),
    expectOutOfScope: notFound,
  },
  'GET /api/v1/persons/ledger-template': {
    noScope: 'no record: the empty template',
    inScope: () => ({ url: '/api/v1/persons/ledger-template' }),
    expectOutOfScope: () => {},
  },
  'POST /api/v1/persons/import': {
    auditNone: 'the import job writes person.import when it finishes, after the answer',
    inScope: (fx) => ({
      url: '/api/v1/persons/import',
      payload: `所属区划代码,地址,姓名,出生日期\n${fx.villageA.code},五凤村7号,导入人,1990-01-01\n`,
      headers: { 'content-type': 'text/csv' },
    }),
    outOfScope: (fx) => ({
      url: '/api/v1/persons/import',
      payload: `所属区划代码,地址,姓名,出生日期\n${fx.villageB.code},石板村7号,导入人,1990-01-01\n`,
      headers: { 'content-type': 'text/csv' },
    }),
    // A job starts either way; its rows out of scope are rejected (file-jobs.test.ts, ledger.test.ts).
    expectOutOfScope: (status, _body, key) => expect(status, key).toBe(202),
  },
  'POST /api/v1/persons/export-jobs': {
    inScope: (fx) => ({ url: `/api/v1/persons/export-jobs?regionId=${fx.villageA.id}` }),
    outOfScope: (fx) => ({ url: `/api/v1/persons/export-jobs?regionId=${fx.villageB.id}` }),
    expectOutOfScope: notFound,
  },
  // A job and its file belong to whoever started it: each walker downloads its own export (once),
  // and gets not found for the export of another user inside its own scope (whose file stays).
  'GET /api/v1/jobs/:id/file': {
    inScope: (fx, role) => ({ url: `/api/v1/jobs/${role ? fx.ownExport[role] : fx.exportInA}/file` }),
    outOfScope: (fx) => ({ url: `/api/v1/jobs/${fx.exportInA}/file` }),
    expectOutOfScope: notFound,
  },
  'GET /api/v1/jobs/:id': {
    inScope: (fx, role) => ({ url: `/api/v1/jobs/${role ? fx.ownJob[role] : fx.jobInA}` }),
    outOfScope: (fx) => ({ url: `/api/v1/jobs/${fx.jobInA}` }),
    expectOutOfScope: notFound,
  },
  // Reads only the uploaded file's header: nothing in it is scoped.
  'POST /api/v1/persons/import/columns': {
    noScope: "no record: reads the uploaded file's header only",
    inScope: () => ({
      url: '/api/v1/persons/import/columns',
      payload: '区划代码,住址,名字\n',
      headers: { 'content-type': 'text/csv' },
    }),
    expectInScope: (body) =>
      expect((body as { mapping: { column: string | null }[] }).mapping.map((m) => m.column)).toEqual([
        '所属区划代码',
        '地址',
        '姓名',
      ]),
    expectOutOfScope: () => {},
  },
  'GET /api/v1/persons/export': {
    inScope: (fx) => ({ url: `/api/v1/persons/export?regionId=${fx.villageA.id}` }),
    outOfScope: (fx) => ({ url: `/api/v1/persons/export?regionId=${fx.villageB.id}` }),
    expectOutOfScope: notFound,
  },
};
