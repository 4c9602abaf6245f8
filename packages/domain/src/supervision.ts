// Supervision (督查): the places an inspection looks at, the default checklists drawn from the
// seeds, and the life of a finding (问题) until its rectification (整改) is verified. Shared by
// the server, which enforces the rules, and the web app, which offers only the allowed actions.
import type { Locale } from './locale.js';

/** Where an inspection goes: a checkpoint and an observation site are records; the rest are regions. */
export const PLACE_KINDS = ['checkpoint', 'village', 'observationSite', 'office', 'clinic'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];
/** The place kinds that name a record by id rather than a region. */
export const PLACE_RECORD_KINDS = ['checkpoint', 'observationSite'] as const satisfies readonly PlaceKind[];

export const FINDING_SEVERITIES = ['minor', 'major', 'serious'] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

/**
 * 问题 → 整改: assigned to the responsible region, rectifying once it starts, reported done with
 * evidence, then the inspector verifies it (closed) or sends it back (rectifying again).
 */
export const FINDING_STATUSES = ['assigned', 'rectifying', 'reported', 'closed'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];
/** What the responsible side does (`findings.rectify`). */
export const RECTIFY_ACTIONS = ['start', 'report'] as const;
/** What the inspector does (`inspections.record`). */
export const REVIEW_ACTIONS = ['verify', 'sendBack'] as const;
export type FindingAction = (typeof RECTIFY_ACTIONS)[number] | (typeof REVIEW_ACTIONS)[number];

const TRANSITIONS: Record<FindingAction, { from: readonly FindingStatus[]; to: FindingStatus }> = {
  start: { from: ['assigned'], to: 'rectifying' },
  report: { from: ['assigned', 'rectifying'], to: 'reported' },
  verify: { from: ['reported'], to: 'closed' },
  sendBack: { from: ['reported'], to: 'rectifying' },
};

/** The status a finding moves to by `action`, or null when the action is not allowed from `status`. */
export function nextFindingStatus(status: FindingStatus, action: FindingAction): FindingStatus | null {
  const t = TRANSITIONS[action];
  return t.from.includes(status) ? t.to : null;
}

/** The actions allowed from `status`. */
export function findingActions(status: FindingStatus): FindingAction[] {
  return (Object.keys(TRANSITIONS) as FindingAction[]).filter((a) => nextFindingStatus(status, a) !== null);
}

/** The statuses in which the responsible side still owes the rectification. */
export const FINDING_OWED_STATUSES = ['assigned', 'rectifying'] as const satisfies readonly FindingStatus[];

/**
 * Overdue (逾期): the rectification is still owed and its deadline day is over. A deadline is a
 * Shanghai date: 即知即改 is today, so a finding due today is overdue from tomorrow on. A finding
 * reported done waits on the inspector and is not overdue; sent back, it is owed again.
 */
export function isFindingOverdue(
  f: { status: FindingStatus; deadline: string; waiting?: boolean },
  today: string,
): boolean {
  return !f.waiting && (FINDING_OWED_STATUSES as readonly string[]).includes(f.status) && f.deadline < today;
}

/** A sampled record of a data-truth spot check (数据核查): not yet asked, matches, or does not. */
export const SPOT_CHECK_OUTCOMES = ['pending', 'confirmed', 'discrepant'] as const;
export type SpotCheckOutcome = (typeof SPOT_CHECK_OUTCOMES)[number];
/** 在岗在位: at the post, away from it, or someone else standing in. */
export const CADRE_PRESENCES = ['present', 'absent', 'replaced'] as const;
export type CadrePresence = (typeof CADRE_PRESENCES)[number];

/** mulberry32: a small seeded generator, so that a spot check's sample can be drawn again from its seed. */
function seededRandom(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `size` distinct positions out of `total`, in drawing order: the same seed, total and size always
 * give the same positions (a partial Fisher–Yates shuffle over a sparse array).
 */
export function seededSample(seed: number, total: number, size: number): number[] {
  const next = seededRandom(seed);
  const swapped = new Map<number, number>();
  const out: number[] = [];
  for (let i = 0; i < Math.min(size, total); i++) {
    const j = i + Math.floor(next() * (total - i));
    out.push(swapped.get(j) ?? j);
    swapped.set(j, swapped.get(i) ?? i);
  }
  return out;
}

/** A checklist item: `key` stays the same when the county rewords it, so answers stay comparable. */
export interface ChecklistItem {
  key: string;
  label: string;
}

const DEFAULT_ITEMS: Record<PlaceKind, string[]> = {
  checkpoint: [
    'staffed24h',
    'tentAndThermometers',
    'everyVehicleRegistered',
    'observationRoom',
    'leaderOnDuty',
    'noCongestion',
  ],
  village: [
    'screeningLedger',
    'keyPersonOfficersReachable',
    'noticesPosted',
    'vehiclesRegistered',
    'noDuplicateScreening',
  ],
  observationSite: ['observationRoom', 'staffed24h', 'twiceDailyChecks', 'leaderOnDuty'],
  office: ['leaderOnDuty', 'dutyRosterPosted', 'dailyReportOnTime'],
  clinic: ['preTriage', 'feverReportedToTownship', 'fourDrugsRegister'],
};

const ITEM_WORDS: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    staffed24h: '24小时有人值守',
    tentAndThermometers: '配备御寒帐篷和体温检测设备',
    everyVehicleRegistered: '进出车辆逐一登记',
    observationRoom: '设立临时留观室',
    leaderOnDuty: '带班领导在岗在位',
    noCongestion: '登记有序，未造成交通拥堵',
    screeningLedger: '入户排查台账完整',
    keyPersonOfficersReachable: '重点人员包保责任人联系畅通',
    noticesPosted: '张贴防控通告',
    vehiclesRegistered: '本村进出车辆登记',
    noDuplicateScreening: '无扎堆排查、重复核查',
    twiceDailyChecks: '一天两测一报落实',
    dutyRosterPosted: '值班表公示',
    dailyReportOnTime: '日报告按时报送',
    preTriage: '落实预检分诊',
    feverReportedToTownship: '发热病人及时报告乡镇',
    fourDrugsRegister: '四类药品购买登记',
  },
  'en-US': {
    staffed24h: 'Staffed around the clock',
    tentAndThermometers: 'Heated tent and thermometers in place',
    everyVehicleRegistered: 'Every vehicle in and out registered',
    observationRoom: 'Temporary observation room set up',
    leaderOnDuty: 'Leader on duty present',
    noCongestion: 'Registration orderly, no traffic jam',
    screeningLedger: 'Screening ledger complete',
    keyPersonOfficersReachable: "Key persons' responsible officers reachable",
    noticesPosted: 'Prevention notices posted',
    vehiclesRegistered: 'Vehicles in and out of the village registered',
    noDuplicateScreening: 'No crowded or duplicate screening',
    twiceDailyChecks: 'Two checks a day done and reported',
    dutyRosterPosted: 'Duty roster posted',
    dailyReportOnTime: 'Daily report sent on time',
    preTriage: 'Pre-triage in place',
    feverReportedToTownship: 'Fevers reported to the township at once',
    fourDrugsRegister: 'Purchases of the four drug kinds registered',
  },
};

/** The checklist a county starts with for a kind of place, worded in `locale`. */
export function defaultChecklist(kind: PlaceKind, locale: Locale): ChecklistItem[] {
  return DEFAULT_ITEMS[kind].map((key) => ({ key, label: ITEM_WORDS[locale][key] ?? key }));
}
