// What every route case is made of: the fixtures of the route walk and the expected answers.
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import ExcelJS from 'exceljs';
import { shanghaiDateOf, type Role } from '@fangkong/domain';
import { uuidv7 } from '../../src/db/ids.js';
import type {
  buildCheckpoint,
  buildCounty,
  buildGrid,
  buildHousehold,
  buildKeyPersonFixtures,
  buildRiskArea,
  buildRound,
  buildUser,
} from '../factories.js';
import type { buildInspection, buildSpotCheck } from '../supervision-factories.js';
import type { buildGathering, buildVenue, buildSupplyStore } from '../community-factories.js';

type Built<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;
export type Fixtures = Built<typeof buildCounty> & {
  userInA: Built<typeof buildUser>;
  userInB: Built<typeof buildUser>;
  kp: Built<typeof buildKeyPersonFixtures>;
  checkpointInA: Built<typeof buildCheckpoint>;
  checkpointInB: Built<typeof buildCheckpoint>;
  /** An entry stored at each checkpoint. */
  entryInA: string;
  entryInB: string;
  /** The first occupant of each entry. */
  occupantInA: string;
  occupantInB: string;
  reportInA: { id: string };
  reportInB: { id: string };
  householdA: Built<typeof buildHousehold>;
  /** Empty, in village A: where moves go. */
  householdA2: Built<typeof buildHousehold>;
  householdB: Built<typeof buildHousehold>;
  riskArea: Built<typeof buildRiskArea>;
  /** Over township A (the actors' scope) and township B. */
  roundA: Built<typeof buildRound>;
  roundB: Built<typeof buildRound>;
  /** An import job started by a user of each village. */
  jobInA: string;
  jobInB: string;
  /** An import job started by each role's walking user. */
  ownJob: Record<Role, string>;
  /** A finished export with its file waiting, of each role's walking user. */
  ownExport: Record<Role, string>;
  /** A finished export of the user of village A (inside the walkers' scope, but not theirs). */
  exportInA: string;
  /** A live session of a user of each village (users `session-a`, `session-b`), by id. */
  sessionInA: string;
  sessionInB: string;
  gridInA: Built<typeof buildGrid>;
  gridInB: Built<typeof buildGrid>;
  /** An inspection of each village with one open finding addressed to it. */
  inspectionInA: Built<typeof buildInspection>;
  inspectionInB: Built<typeof buildInspection>;
  /** A supervision group sent to each township. */
  groupA: string;
  groupB: string;
  /** A spot check of each village with one pending sampled record. */
  spotCheckInA: Built<typeof buildSpotCheck>;
  spotCheckInB: Built<typeof buildSpotCheck>;
  /** A KTV under a close order from today, in each village. */
  venueInA: Built<typeof buildVenue>;
  venueInB: Built<typeof buildVenue>;
  gatheringInA: Built<typeof buildGathering>;
  gatheringInB: Built<typeof buildGathering>;
  /** A county item, and a store in each village holding 100 of it. */
  supplyItemId: string;
  storeInA: Built<typeof buildSupplyStore>;
  storeInB: Built<typeof buildSupplyStore>;
  /** A photo of a tip in each village. */
  photoInA: string;
  photoInB: string;
  /** A sentinel pharmacy in each village; the walking `u-sentinel` is bound to the one in A. */
  sentinelInA: { id: string; regionId: string; regionPath: string };
  sentinelInB: { id: string; regionId: string; regionPath: string };
  /** A walk-in patient with a fever at each clinic, with an open triage task. */
  walkInA: { id: string };
  walkInB: { id: string };
  sentinelUser: string;
};

export const today = () => shanghaiDateOf(new Date());

export interface Req {
  url: string;
  payload?: string | Record<string, unknown>;
  headers?: Record<string, string>;
}

export interface RouteCase {
  /** The walking role, when the record depends on who asks (their own jobs); absent for anonymous calls. */
  inScope(fx: Fixtures, role?: Role): Req;
  /** The status an allowed, in-scope call answers with, when it is not a success. */
  status?: number;
  /** A never-ending stream (server-sent events): checked over real HTTP, reading only the status. */
  stream?: boolean;
  expectInScope?(body: unknown): void;
  /** Required: a request about records outside the actor's scope (or not theirs), unless `noScope` says why there is none. */
  outOfScope?(fx: Fixtures, role?: Role): Req;
  /** Why the route touches no scoped record (health, login, the region tree…): then no out-of-scope probe. */
  noScope?: string;
  /** Why a successful call may write no audit row (a replayed id, nothing changed, rows reported with errors). */
  auditNone?: string;
  /** Why a refused call still writes its declared audit row (a failed password change is itself audited). */
  auditOnRefusal?: string;
  /** Why the answer may carry full ID numbers or phones to a role without persons.readFull (the walk checks every other). */
  unmasked?: string;
  /** What an out-of-scope request must look like: not found, or an empty list. */
  /** `body` is the parsed JSON, or the bytes of a file answer (a workbook). */
  expectOutOfScope(status: number, body: unknown, key: string): void | Promise<void>;
}

export const notFound = (status: number, _body: unknown, key: string) => expect(status, key).toBe(404);
export const emptyList = (status: number, body: unknown, key: string) => {
  expect(status, key).toBe(200);
  expect((body as { total: number }).total, key).toBe(0);
};
/** A reference to an out-of-scope record is reported as not found on its field. */
export const notFoundField = (field: string) => (status: number, body: unknown, key: string) => {
  expect(status, key).toBe(422);
  expect(
    (body as { errors: { field: string }[] }).errors.map((e) => e.field),
    key,
  ).toEqual([field]);
};
/** An export asked about records out of scope: a workbook with its `headRows` and no record rows. */
export const emptySheet = (headRows: number) => async (status: number, body: unknown, key: string) => {
  expect(status, key).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as never);
  expect(wb.worksheets[0]!.rowCount, key).toBe(headRows);
};
export const nonEmptyList = (body: unknown) => expect((body as { total: number }).total).toBeGreaterThan(0);
/** Ids that every role's call replays: the first call creates, the others get the same record back. */
export const replay = { keyPerson: uuidv7(), check: uuidv7(), site: uuidv7() };
export const uniqueName = () => `u${Math.random().toString(36).slice(2, 10)}`;
export const entryPayload = () => ({
  id: randomUUID(),
  kind: 'vehicle',
  plate: '川A12345',
  direction: 'in',
  decision: 'pass',
  recordedAt: new Date().toISOString(),
  occupants: [{ idNumber: '11010519491231002X', name: '王五', temperature: 36.5 }],
});

/** One entry per registered route: `METHOD url`. */
