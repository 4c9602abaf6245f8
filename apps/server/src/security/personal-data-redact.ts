// The audit log says what was done, never whose ID number or phone it was: a filter, a search or a
// free text carried into an audit row's detail has any ID number or mobile number in it replaced by
// a placeholder before it is written (the audit table cannot be corrected afterwards, issue 16).
const ID_NUMBER = /(?<![\dA-Za-z])(?:\d{17}[\dXx]|\d{15})(?![\dA-Za-z])/g;
const MOBILE = /(?<!\d)(?:\+?86[- ]?)?1[3-9]\d{9}(?!\d)/g;

export const ID_NUMBER_PLACEHOLDER = '<idNumber>';
export const PHONE_PLACEHOLDER = '<phone>';

export const redactText = (s: string) => s.replace(ID_NUMBER, ID_NUMBER_PLACEHOLDER).replace(MOBILE, PHONE_PLACEHOLDER);

/** A copy of `value` (any JSON) whose strings carry no ID number or mobile number. */
export function redactPersonal<T>(value: T): T {
  if (typeof value === 'string') return redactText(value) as T;
  if (Array.isArray(value)) return value.map(redactPersonal) as T;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactPersonal(v)])) as T;
  }
  return value;
}
