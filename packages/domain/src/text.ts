// The one normalisation and validation layer for text that people type or upload: every string of
// every request (the server runs cleanInput before any route schema) and every cell of an uploaded
// sheet goes through it. Text is stored in NFC; it never holds NUL or other control characters
// (tab and line breaks aside), characters that change the writing direction (U+202E turns
// "gpj.exe" into "exe.jpg" on screen), invisible ones (zero-width space, BOM, soft hyphen) that make
// two equal-looking names differ, or lone UTF-16 surrogates (no character at all; PostgreSQL
// refuses them in JSON).
import { z } from 'zod';

export const TEXT_ERRORS = ['nul', 'control', 'invisible', 'surrogate'] as const;
export type TextError = (typeof TEXT_ERRORS)[number];

const NUL = /\u0000/;
// C0 controls but tab, line feed and carriage return; DEL; C1 controls.
const CONTROL = /[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// Direction marks, embeddings, overrides and isolates; zero-width and invisible formatting
// characters; line/paragraph separators; the BOM; interlinear annotation marks.
const INVISIBLE =
  /[\u00AD\u061C\u115F\u1160\u180E\u200B-\u200F\u2028-\u202E\u2060-\u206F\u3164\uFEFF\uFFA0\uFFF9-\uFFFB]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What is wrong with a text, or null when it may be stored. */
export function textError(value: string): TextError | null {
  if (NUL.test(value)) return 'nul';
  if (LONE_SURROGATE.test(value)) return 'surrogate';
  if (CONTROL.test(value)) return 'control';
  if (INVISIBLE.test(value)) return 'invisible';
  return null;
}

/** The stored form of a text: NFC (a name typed on two keyboards compares equal). */
export const normalizeText = (value: string) => value.normalize('NFC');

export interface InputIssue {
  path: (string | number)[];
  /** A message key: `text.<TextError>`. */
  key: `text.${TextError}`;
}

const isPlain = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;

/**
 * Every string of a parsed request (JSON body, query, params), keys included, normalised to NFC;
 * with the path of each one that may not be stored. Buffers (uploads) and other objects pass as they are.
 */
export function cleanInput(
  input: unknown,
  path: (string | number)[] = [],
  issues: InputIssue[] = [],
): { value: unknown; issues: InputIssue[] } {
  const visit = (v: unknown, at: (string | number)[]): unknown => {
    if (typeof v === 'string') {
      const error = textError(v);
      if (error) {
        issues.push({ path: at, key: `text.${error}` });
        return v;
      }
      return normalizeText(v);
    }
    if (Array.isArray(v)) return v.map((item, i) => visit(item, [...at, i]));
    if (isPlain(v)) {
      const out: Record<string, unknown> = {};
      for (const [k, item] of Object.entries(v)) {
        const error = textError(k);
        if (error) issues.push({ path: [...at, k], key: `text.${error}` });
        out[error ? k : normalizeText(k)] = visit(item, [...at, k]);
      }
      return out;
    }
    return v;
  };
  return { value: visit(input, path), issues };
}

/**
 * A free text field: NFC, trimmed, with its length limits; refuses what textError refuses (for
 * schemas used outside the server's request layer, such as the web's forms and sheet rows).
 */
export const textSchema = ({ min = 0, max }: { min?: number; max: number }) =>
  z
    .string({ error: (issue) => (issue.input === undefined || issue.input === null ? 'required' : 'invalid') })
    .superRefine((value, ctx) => {
      const error = textError(value);
      if (error) ctx.addIssue({ code: 'custom', message: `text.${error}`, input: value });
    })
    .transform((value) => normalizeText(value).trim())
    .pipe(
      z
        .string()
        .min(min, min <= 1 ? 'required' : 'tooShort')
        .max(max, 'tooLong'),
    );
