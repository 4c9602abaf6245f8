// Vocabulary and defaults of key-person management (重点人员管理), shared by server and web.
import type { Role } from './roles.js';

export const KEY_PERSON_CATEGORIES = [
  'returnee',
  'closeContact',
  'suspected',
  'confirmed',
  'asymptomatic',
  'fever',
  'other',
] as const;
export type KeyPersonCategory = (typeof KEY_PERSON_CATEGORIES)[number];

export const MEASURES = ['homeIsolation', 'centralIsolation', 'healthMonitoring', 'hospitalized'] as const;
export type Measure = (typeof MEASURES)[number];

export const KEY_PERSON_STATUSES = ['active', 'released', 'transferred', 'hospitalized', 'lostToFollowUp'] as const;
export type KeyPersonStatus = (typeof KEY_PERSON_STATUSES)[number];

export const KEY_PERSON_SOURCES = [
  'screening',
  'checkpoint',
  'tip',
  'selfReport',
  'assistRequest',
  'sentinel',
  'contactTracing',
  'other',
] as const;
export type KeyPersonSource = (typeof KEY_PERSON_SOURCES)[number];

/** 六级包保: 联系领导, 驻村干部, 派出所民警, 村干部, 医护人员, 网格员. */
export const OFFICER_ROLES = ['leader', 'cadre', 'police', 'villageCadre', 'doctor', 'gridWorker', 'outsider'] as const;
export type OfficerRole = (typeof OFFICER_ROLES)[number];

/**
 * Which user accounts can serve in each officer role. The village's own officers must be accounts (the
 * file then reaches their worklists); the contact leader and the police officer often have no account
 * (there is no police role), and an outsider (a relative, a neighbour) never has one.
 */
export const OFFICER_ACCOUNT_ROLES: Readonly<Record<OfficerRole, readonly Role[] | 'any'>> = {
  leader: ['commander', 'townshipOfficer'],
  cadre: ['townshipOfficer', 'villageCadre', 'commander'],
  police: 'any',
  villageCadre: ['villageCadre'],
  doctor: ['doctor'],
  gridWorker: ['gridWorker'],
  outsider: [],
};
/** Officer roles that may be a name without an account. */
export const NAME_ONLY_OFFICER_ROLES: readonly OfficerRole[] = ['leader', 'police', 'outsider'];
/** Whether a user of `role` can serve as an officer in `officerRole`. */
export const accountFitsOfficerRole = (officerRole: OfficerRole, role: Role): boolean => {
  const fits = OFFICER_ACCOUNT_ROLES[officerRole];
  return fits === 'any' ? role !== 'viewer' : fits.includes(role);
};

export const MEASURED_BY = ['doctor', 'gridWorker', 'self'] as const;
export type MeasuredBy = (typeof MEASURED_BY)[number];

/** Who took a check entered by a user of this role: a doctor's own, anyone else's 网格员代测. */
export function measuredByOfRole(role: string): MeasuredBy {
  return role === 'doctor' ? 'doctor' : 'gridWorker';
}

export const SYMPTOMS = [
  'cough',
  'soreThroat',
  'fatigue',
  'diarrhoea',
  'lossOfSmell',
  'shortnessOfBreath',
  'chestPain',
  'confusion',
] as const;
export type Symptom = (typeof SYMPTOMS)[number];
/** Symptoms that send a person to triage whatever the temperature. */
export const RED_FLAG_SYMPTOMS: readonly Symptom[] = ['shortnessOfBreath', 'chestPain', 'confusion', 'lossOfSmell'];

/** Days of a measure by category when the county sets nothing else (14 days, seed 001). */
export const DEFAULT_MEASURE_DAYS: Readonly<Record<KeyPersonCategory, number>> = {
  returnee: 14,
  closeContact: 14,
  suspected: 14,
  confirmed: 14,
  asymptomatic: 14,
  fever: 7,
  other: 14,
};

/** Officers each key person needs by category when the county sets nothing else (三包一, 五包一). */
export const DEFAULT_REQUIRED_OFFICERS: Readonly<Record<KeyPersonCategory, number>> = {
  returnee: 3,
  closeContact: 5,
  suspected: 5,
  confirmed: 5,
  asymptomatic: 5,
  fever: 3,
  other: 3,
};

/** Statuses a key person may move to from a status; only an active file changes. */
export const KEY_PERSON_TRANSITIONS: Readonly<Record<KeyPersonStatus, readonly KeyPersonStatus[]>> = {
  active: ['released', 'hospitalized', 'lostToFollowUp'],
  hospitalized: ['active', 'released'],
  lostToFollowUp: ['active'],
  released: [],
  transferred: [],
};

/** True when a check needs triage: a fever (≥ 37.3 °C) or any red-flag symptom. */
export function needsTriage(temperature: number, symptoms: readonly string[], feverThreshold = 37.3): boolean {
  return temperature >= feverThreshold || symptoms.some((s) => (RED_FLAG_SYMPTOMS as readonly string[]).includes(s));
}
