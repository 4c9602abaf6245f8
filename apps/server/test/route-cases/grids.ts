import { expect } from 'vitest';
import { uuidv7 } from '../../src/db/ids.js';
import { notFound, notFoundField, type RouteCase, uniqueName } from './shared.js';

const csv = { 'content-type': 'text/csv' };

/** Route cases of grids, the set-up checklist and the user import. */
export const gridCases: Record<string, RouteCase> = {
  'GET /api/v1/grids/roster': {
    inScope: (fx) => ({ url: `/api/v1/grids/roster?regionId=${fx.villageA.id}` }),
    outOfScope: (fx) => ({ url: `/api/v1/grids/roster?regionId=${fx.villageB.id}` }),
    expectOutOfScope: notFound,
  },
  'GET /api/v1/grids/unassigned-households': {
    inScope: (fx) => ({ url: `/api/v1/grids/unassigned-households?regionId=${fx.villageA.id}` }),
    outOfScope: (fx) => ({ url: `/api/v1/grids/unassigned-households?regionId=${fx.villageB.id}` }),
    expectOutOfScope: notFound,
  },
  'POST /api/v1/grids': {
    inScope: (fx) => ({ url: '/api/v1/grids', payload: { regionId: fx.villageA.id, name: uniqueName() } }),
    outOfScope: (fx) => ({ url: '/api/v1/grids', payload: { regionId: fx.villageB.id, name: uniqueName() } }),
    expectOutOfScope: notFoundField('regionId'),
  },
  'PATCH /api/v1/grids/:id': {
    inScope: (fx) => ({ url: `/api/v1/grids/${fx.gridInA.id}`, payload: { name: uniqueName() } }),
    outOfScope: (fx) => ({ url: `/api/v1/grids/${fx.gridInB.id}`, payload: { name: uniqueName() } }),
    expectOutOfScope: notFound,
  },
  // Merging into a grid that does not exist: refused for every allowed role, nothing retired.
  'POST /api/v1/grids/:id/merge': {
    inScope: (fx) => ({ url: `/api/v1/grids/${fx.gridInA.id}/merge`, payload: { intoId: uuidv7() } }),
    status: 422,
    outOfScope: (fx) => ({ url: `/api/v1/grids/${fx.gridInB.id}/merge`, payload: { intoId: fx.gridInA.id } }),
    expectOutOfScope: notFound,
  },
  'POST /api/v1/grids/:id/retire': {
    inScope: () => ({ url: `/api/v1/grids/${uuidv7()}/retire` }),
    status: 404,
    outOfScope: (fx) => ({ url: `/api/v1/grids/${fx.gridInB.id}/retire` }),
    expectOutOfScope: notFound,
  },
  'POST /api/v1/grids/:id/households': {
    auditNone: 'households already in the grid: nothing changes',
    inScope: (fx) => ({
      url: `/api/v1/grids/${fx.gridInA.id}/households`,
      payload: { householdIds: [fx.householdA.id] },
    }),
    outOfScope: (fx) => ({
      url: `/api/v1/grids/${fx.gridInB.id}/households`,
      payload: { householdIds: [fx.householdB.id] },
    }),
    expectOutOfScope: notFound,
  },
  'POST /api/v1/grids/assignments/import': {
    auditNone: 'a file with row errors, or households already assigned, writes nothing',
    inScope: (fx) => ({
      url: `/api/v1/grids/assignments/import?regionId=${fx.villageA.id}`,
      payload: '住址,网格\n五凤村1号,第一网格\n',
      headers: csv,
    }),
    outOfScope: (fx) => ({
      url: `/api/v1/grids/assignments/import?regionId=${fx.villageB.id}`,
      payload: '住址,网格\n石板村1号,第一网格\n',
      headers: csv,
    }),
    expectOutOfScope: notFound,
  },
  'GET /api/v1/users/import-template': {
    noScope: 'a blank template',
    unmasked: "the sample row's made-up phone",
    inScope: () => ({ url: '/api/v1/users/import-template' }),
    expectOutOfScope: () => {},
  },
  // The same phone twice: refused row by row for every allowed role, so the walk can repeat it.
  'POST /api/v1/users/import': {
    auditNone: 'a file with row errors writes nothing',
    inScope: (fx) => ({
      url: '/api/v1/users/import',
      payload: `姓名,手机号,角色,区划代码\n甲,13800000001,网格员,${fx.villageA.code}\n乙,13800000001,网格员,${fx.villageA.code}\n`,
      headers: csv,
    }),
    outOfScope: (fx) => ({
      url: '/api/v1/users/import',
      payload: `姓名,手机号,角色,区划代码\n丙,13800000002,网格员,${fx.villageB.code}\n`,
      headers: csv,
    }),
    expectOutOfScope: (status, body, key) => {
      expect(status, key).toBe(200);
      expect(body, key).toMatchObject({ created: 0, errors: [{ row: 2, field: 'region' }] });
    },
  },
  'GET /api/v1/setup/checklist': {
    noScope: "counts of the caller's own county set-up, no record",
    inScope: () => ({ url: '/api/v1/setup/checklist' }),
    expectOutOfScope: () => {},
  },
};
