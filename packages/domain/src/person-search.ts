// What a cadre typed into the person search box: a name, a whole ID number, the last digits of
// one (what people read out over the phone), or a mobile number — with or without +86 and spaces.
import { normalizeIdNumber, parseIdNumber } from './id-number.js';
import { parsePhone } from './phone.js';

export type PersonSearch =
  | { kind: 'idNumber'; value: string }
  | { kind: 'idSuffix'; value: string }
  | { kind: 'phone'; value: string }
  | { kind: 'name'; value: string };

/** Classifies a search term; digits that are neither a phone nor an ID number search ID endings. */
export function classifyPersonSearch(raw: string): PersonSearch {
  const compact = normalizeIdNumber(raw.trim());
  const phone = parsePhone(raw);
  if (phone.ok && !/^\d{15}$|^\d{17}[\dX]$/.test(compact)) return { kind: 'phone', value: phone.value };
  if (/^\d{15}$|^\d{17}[\dX]$/.test(compact)) {
    const id = parseIdNumber(compact);
    return { kind: 'idNumber', value: id.ok ? id.value.idNumber : compact };
  }
  if (/^\d{3,17}X?$/.test(compact)) return { kind: 'idSuffix', value: compact };
  return { kind: 'name', value: raw.trim().normalize('NFC') };
}
