// 哨点监测: pharmacies and clinics that record the real-name sales of four drug classes, and the
// spike rule the county reads per village. Pure, shared by server and web.
import { addDays } from './calendar.js';

/** What a sentinel site is: a pharmacy (药店) or a private clinic (个体诊所). */
export const SENTINEL_KINDS = ['pharmacy', 'privateClinic'] as const;
export type SentinelKind = (typeof SENTINEL_KINDS)[number];

/** The four classes whose sale is registered by real name (“四类”药品): 退热, 止咳, 抗病毒, 抗生素. */
export const DRUG_CLASSES = ['antipyretic', 'antitussive', 'antiviral', 'antibiotic'] as const;
export type DrugClass = (typeof DRUG_CLASSES)[number];

/** The symptoms a buyer reports, ticked in one tap. */
export const SALE_SYMPTOMS = ['fever', 'cough', 'soreThroat', 'fatigue', 'diarrhoea', 'lossOfSmell'] as const;
export type SaleSymptom = (typeof SALE_SYMPTOMS)[number];

/** Days of the baseline a village's day is compared with. */
export const SPIKE_BASELINE_DAYS = 7;
/** A day is a spike when its count exceeds this many times the baseline's daily mean … */
export const SPIKE_FACTOR = 2;
/** … and reaches at least this many sales (three sales in a quiet village are not an outbreak). */
export const SPIKE_MIN_COUNT = 5;

/**
 * 异常升高: the day's count against the mean of the 7 days before it (days without a sale count as 0).
 * `byDay` maps a Shanghai date to that day's count.
 */
export function spikeOn(day: string, byDay: Readonly<Record<string, number>>) {
  const count = byDay[day] ?? 0;
  let sum = 0;
  for (let i = 1; i <= SPIKE_BASELINE_DAYS; i++) sum += byDay[addDays(day, -i)] ?? 0;
  const baseline = sum / SPIKE_BASELINE_DAYS;
  return { count, baseline, spike: count >= SPIKE_MIN_COUNT && count > SPIKE_FACTOR * baseline };
}
