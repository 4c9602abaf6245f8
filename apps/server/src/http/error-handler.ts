import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { translate } from '@fangkong/domain';
import { localeOf } from './locale.js';
import { Problem, type FieldError } from './problem.js';
import { UPLOAD_LIMIT_MB } from '../files/table-reader.js';

// Zod's own issue codes, for schemas that carry no message key of ours.
const zodCodeKeys: Record<string, string> = {
  invalid_type: 'invalid',
  too_big: 'tooLong',
  too_small: 'tooShort',
  invalid_format: 'invalid',
  invalid_value: 'invalidEnum',
  unrecognized_keys: 'invalid',
};

function fieldErrorsFromValidation(error: FastifyError & { validation: { instancePath: string; keyword: string; message?: string; params?: Record<string, unknown> }[] }): FieldError[] {
  return error.validation.map((v) => {
    const field = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const missing = v.keyword === 'invalid_type' && v.params?.input === undefined;
    const key = v.message && /^[a-zA-Z]+(\.[a-zA-Z]+)*$/.test(v.message) ? v.message : missing ? 'required' : (zodCodeKeys[v.keyword] ?? 'invalid');
    // Zod names its limits `minimum`/`maximum`, the placeholders the messages use.
    const params = Object.fromEntries(Object.entries(v.params ?? {}).filter(([, x]) => typeof x === 'number' || typeof x === 'string')) as Record<string, string | number>;
    return { field, key, params };
  });
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
      key = status === 413 ? (upload ? 'fileTooLarge' : 'payloadTooLarge') : status === 415 ? 'unsupportedMediaType' : status === 429 ? 'rateLimited' : 'badRequest';
    } else {
      request.log.error({ err: error }, 'unhandled error');
    }
    const params = error instanceof Problem ? error.params : key === 'fileTooLarge' ? { mb: UPLOAD_LIMIT_MB } : undefined;
    return reply
      .status(status)
      .type('application/problem+json')
      .send({
        type: `https://fangkong.dev/problems/${key}`,
        title: translate(locale, key, params),
        status,
        detail: fields.length ? fields.map((f) => translate(locale, f.key, f.params)).join('; ') : translate(locale, key, params),
        errors: fields.map((f) => ({ field: f.field, message: translate(locale, f.key, f.params) })),
      });
  });
  app.setNotFoundHandler((request, reply) => {
    const locale = localeOf(request);
    return reply.status(404).type('application/problem+json').send({
      type: 'https://fangkong.dev/problems/notFound',
      title: translate(locale, 'notFound'),
      status: 404,
      detail: translate(locale, 'notFound'),
      errors: [],
    });
  });
}
