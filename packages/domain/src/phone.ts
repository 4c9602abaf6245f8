// Mainland China mobile numbers (手机号码). Landlines (固定电话) are deliberately NOT accepted by
// parsePhone: every phone field in Fangkong is for SMS/calls to a person, so only mobiles are valid.
import { SEPARATOR_PATTERN, toHalfWidth } from './half-width.js';
import type { ParseResult } from './result.js';

/** Why a phone number was rejected; UIs translate `phone.<reason>`. */
export const PHONE_ERRORS = ['empty', 'characters', 'length', 'prefix'] as const;
export type PhoneError = (typeof PHONE_ERRORS)[number];

export type PhoneResult = ParseResult<string, PhoneError>;

/** Converts full-width characters, strips spaces/hyphens and a +86, 0086 or 86 country prefix. */
export function normalizePhone(raw: string): string {
  const compact = toHalfWidth(raw).replace(SEPARATOR_PATTERN, '');
  if (compact.startsWith('+86')) return compact.slice(3);
  if (compact.startsWith('0086')) return compact.slice(4);
  // A bare "86" is only a country prefix when an 11-digit mobile number follows it.
  if (/^861[3-9]\d{9}$/.test(compact)) return compact.slice(2);
  return compact;
}

/** Parses a mainland mobile number (11 digits, 1[3-9]…); value is the normalized 11 digits. Landlines are rejected. */
export function parsePhone(raw: string | null | undefined): PhoneResult {
  const phone = typeof raw === 'string' ? normalizePhone(raw) : '';
  if (phone === '') return { ok: false, reason: 'empty' };
  if (!/^\d+$/.test(phone)) return { ok: false, reason: 'characters' };
  if (phone.length !== 11) return { ok: false, reason: 'length' };
  if (!/^1[3-9]/.test(phone)) return { ok: false, reason: 'prefix' };
  return { ok: true, value: phone };
}

/** True when `raw` is a valid mainland mobile number. */
export function isMobilePhone(raw: string | null | undefined): boolean {
  return parsePhone(raw).ok;
}

/** Masks a phone number for display, keeping the first 3 and last 4 digits ('138****5678'). */
export function maskPhone(phone: string): string {
  const n = normalizePhone(phone);
  if (n.length <= 7) return '*'.repeat(n.length);
  return n.slice(0, 3) + '*'.repeat(n.length - 7) + n.slice(-4);
}
