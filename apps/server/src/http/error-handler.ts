import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { translate } from '@fangkong/domain';
import { localeOf } from './locale.js';
import { Problem, type FieldError } from './problem.js';
import { UPLOAD_LIMIT_MB } from '../files/table-reader.js';
import { isDatabaseUnavailable } from '../db/unavailable.js';

// Zod's own issue codes, for schemas that carry no message key of ours.
const zodCodeKeys: Record<string, string> = {
  invalid_type: 'invalid',
  too_big: 'tooLong',
  too_small: 'tooShort',
  invalid_format: 'invalid',
  invalid_value: 'invalidEnum',
  unrecognized_keys: 'invalid',
};

function fieldErrorsFromValidation(
  error: FastifyError & {
    validation: { instancePath: string; keyword: string; message?: string; params?: Record<string, unknown> }[];
  },
): FieldError[] {
  return error.validation.map((v) => {
    const field = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const missing = v.keyword === 'invalid_type' && v.params?.input === undefined;
    const key =
      v.message && /^[a-zA-Z]+(\.[a-zA-Z]+)*$/.test(v.message)
        ? v.message
        : missing
          ? 'required'
          : (zodCodeKeys[v.keyword] ?? 'invalid');
    // Zod names its limits `minimum`/`maximum`, the placeholders the messages use.
    const params = Object.fromEntries(
      Object.entries(v.params ?? {}).filter(([, x]) => typeof x === 'number' || typeof x === 'string'),
    ) as Record<string, string | number>;
    return { field, key, params };
  });
}

// What PostgreSQL refuses because of the input, not because it failed: a client error, never a 500.
// (The services check these first; this is the net under them.)
const DATABASE_REFUSALS: Record<string, { status: number; key: string }> = {
  '23505': { status: 409, key: 'conflict' }, // unique_violation: e.g. a client id already used elsewhere
  '23503': { status: 422, key: 'validation' }, // foreign_key_violation: a referenced record that does not exist
  '23514': { status: 422, key: 'validation' }, // check_violation
  '22001': { status: 422, key: 'validation' }, // string_data_right_truncation
  '22003': { status: 422, key: 'validation' }, // numeric_value_out_of_range
  '22007': { status: 422, key: 'validation' }, // invalid_datetime_format
  '22008': { status: 422, key: 'validation' }, // datetime_field_overflow
  '22021': { status: 422, key: 'validation' }, // character_not_in_repertoire (NUL)
  '22P02': { status: 422, key: 'validation' }, // invalid_text_representation
  '22P05': { status: 422, key: 'validation' }, // untranslatable_character (\u0000 or a lone surrogate in JSON)
  '54000': { status: 422, key: 'validation' }, // program_limit_exceeded (an ltree or array too large)
};

/** The client error a database error stands for, if it is one. */
function databaseRefusal(error: unknown): { status: number; key: string; fields: FieldError[] } | undefined {
  for (
    let e = error as { code?: unknown; cause?: unknown; constraint?: unknown } | undefined, depth = 0;
    e && depth < 4;
    e = e.cause as typeof e, depth++
  ) {
    const refusal = typeof e.code === 'string' ? DATABASE_REFUSALS[e.code] : undefined;
    if (!refusal) continue;
    // A primary key taken: a client-made id already used by a record the caller may not see.
    const idTaken = e.code === '23505' && typeof e.constraint === 'string' && e.constraint.endsWith('_pkey');
    return { ...refusal, fields: idTaken ? [{ field: 'id', key: 'clientId.taken' }] : [] };
  }
  return undefined;
}

/** Every error leaves as application/problem+json, in the language the client asked for. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const locale = localeOf(request);
    let status = 500;
    let key = 'internal';
    let fields: FieldError[] = [];
    if (error instanceof Problem) {
      ({ status, key, fields } = error);
    } else if (hasZodFastifySchemaValidationErrors(error)) {
      status = 422;
      key = 'validation';
      fields = fieldErrorsFromValidation(error as never);
    } else if (error.statusCode && error.statusCode < 500) {
      status = error.statusCode;
      const upload = /^(text\/csv|application\/vnd\.openxmlformats)/.test(request.headers['content-type'] ?? '');
      key =
        status === 413
          ? upload
            ? 'fileTooLarge'
            : 'payloadTooLarge'
          : status === 415
            ? 'unsupportedMediaType'
            : status === 429
              ? 'rateLimited'
              : 'badRequest';
    } else if (databaseRefusal(error)) {
      ({ status, key, fields } = databaseRefusal(error)!);
      request.log.warn({ err: error }, 'input refused by the database');
    } else if (isDatabaseUnavailable(error)) {
      // PostgreSQL is restarting or unreachable: a retryable answer (the offline outbox keeps the write).
      status = 503;
      key = 'databaseUnavailable';
      void reply.header('retry-after', '5');
      request.log.warn({ code: (error as { code?: string }).code }, 'database unavailable');
    } else {
      request.log.error({ err: error }, 'unhandled error');
    }
    const params =
      error instanceof Problem ? error.params : key === 'fileTooLarge' ? { mb: UPLOAD_LIMIT_MB } : undefined;
    if (error instanceof Problem && error.headers) reply.headers(error.headers);
    return reply
      .status(status)
      .type('application/problem+json')
      .send({
        type: `https://fangkong.dev/problems/${key}`,
        title: translate(locale, key, params),
        status,
        detail: fields.length
          ? fields.map((f) => translate(locale, f.key, f.params)).join('; ')
          : translate(locale, key, params),
        errors: fields.map((f) => ({
          ...(f.row !== undefined ? { row: f.row } : {}),
          field: f.field,
          message: translate(locale, f.key, f.params),
        })),
      });
  });
  app.setNotFoundHandler((request, reply) => {
    const locale = localeOf(request);
    return reply
      .status(404)
      .type('application/problem+json')
      .send({
        type: 'https://fangkong.dev/problems/notFound',
        title: translate(locale, 'notFound'),
        status: 404,
        detail: translate(locale, 'notFound'),
        errors: [],
      });
  });
}
