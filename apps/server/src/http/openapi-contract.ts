import type { SwaggerTransform, SwaggerTransformObject } from '@fastify/swagger';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

// The OpenAPI document is a contract a client is generated from: every operation has an id, says
// which errors it answers (problem+json), which header a write needs, and what a download holds.
// Written here, in the generator, so that no route has to remember it.

type Schema = Record<string, unknown>;

const PROBLEM_MEDIA = 'application/problem+json';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const ERROR_WORDS: Record<number, string> = {
  400: 'The request is malformed',
  401: 'No session, or the session ended',
  403: 'Not allowed for this role or region, a missing x-csrf-token, or a password to change first',
  404: 'No such record in the reader’s scope',
  409: 'Conflicts with a record that exists',
  412: 'The record changed since it was read (If-Match)',
  413: 'The upload is larger than the limit',
  422: 'A field is invalid: errors[] names each field with a message in the user’s language',
  429: 'Too many requests: retry after the Retry-After seconds',
};

/** The error answers an operation can give, from what it takes and who may call it. */
function errorStatuses(method: string, schema: Schema, isPublic: boolean): number[] {
  const statuses = new Set<number>([400, 429]);
  if (!isPublic) [401, 403].forEach((s) => statuses.add(s));
  if (schema.params) statuses.add(404);
  if (schema.body || schema.querystring || schema.params) statuses.add(422);
  if (!SAFE.has(method)) [409, 422].forEach((s) => statuses.add(s));
  if (schema.consumes) statuses.add(413);
  return [...statuses].sort();
}

/** `GET /api/v1/key-persons/:id/checks` → `getKeyPersonsByIdChecks`. */
export function operationIdOf(method: string, url: string): string {
  const words = url
    .replace(/^\/api(\/v\d+)?\//, '')
    .split('/')
    .filter(Boolean)
    .flatMap((part) => (part.startsWith(':') ? ['by', part.slice(1)] : part.split(/[-_.]/)));
  return [method.toLowerCase(), ...words.map((w) => w.charAt(0).toUpperCase() + w.slice(1))].join('');
}

export const contractTransform: SwaggerTransform = (input) => {
  const { schema, url } = jsonSchemaTransform(input as never) as { schema: Schema | undefined; url: string };
  if (!schema || schema.hide) return { schema: schema ?? {}, url };
  const method = [input.route.method].flat()[0]!.toUpperCase();
  const isPublic = (input.route.config as { access?: string } | undefined)?.access === 'public';
  const out: Schema = { ...schema, operationId: schema.operationId ?? operationIdOf(method, url) };
  if (isPublic) out.security = [];
  if (!isPublic && !SAFE.has(method)) {
    const headers = (schema.headers as Schema | undefined) ?? { type: 'object', properties: {} };
    out.headers = {
      ...headers,
      properties: {
        ...(headers.properties as Schema),
        'x-csrf-token': {
          type: 'string',
          description: 'The csrfToken of GET /api/auth/me: every write of a session needs it',
        },
      },
      required: [...((headers.required as string[] | undefined) ?? []), 'x-csrf-token'],
    };
  }
  const response: Schema = { ...((schema.response as Schema | undefined) ?? {}) };
  const produces = schema.produces as string[] | undefined;
  if (produces) {
    // A download answers bytes: its 200 says which files, not the placeholder a route may declare.
    response[200] = {
      description: 'The file',
      content: Object.fromEntries(produces.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])),
    };
  }
  if (!Object.keys(response).some((status) => status.startsWith('2')))
    response[200] = { description: 'Default Response' };
  for (const status of errorStatuses(method, schema, isPublic)) {
    response[status] ??= {
      description: ERROR_WORDS[status],
      content: { [PROBLEM_MEDIA]: { schema: { $ref: '#/components/schemas/Problem' } } },
    };
  }
  out.response = response;
  return { schema: out, url };
};

const PROBLEM_SCHEMA = {
  type: 'object',
  description: 'An error (RFC 9457), its title and messages in the user’s language (Accept-Language)',
  properties: {
    type: { type: 'string', format: 'uri' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          field: { type: 'string' },
          message: { type: 'string' },
          row: { type: 'integer', description: 'The row of an uploaded file' },
        },
        required: ['field', 'message'],
      },
    },
  },
  required: ['type', 'title', 'status', 'detail', 'errors'],
};

/** The `$ref`s reachable from `value`. */
function refsIn(value: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => refsIn(v, into));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') into.add(v.replace('#/components/schemas/', ''));
      else refsIn(v, into);
    }
  }
  return into;
}

export const contractTransformObject: SwaggerTransformObject = (input) => {
  const doc = jsonSchemaTransformObject(input as never) as { paths?: unknown; components?: { schemas?: unknown } };
  const all: Record<string, Schema> = {
    ...(doc.components?.schemas as Record<string, Schema>),
    Problem: PROBLEM_SCHEMA,
  };
  // Only the schemas an operation reaches: the registry also holds each schema's unused input twin.
  const used = refsIn(doc.paths, new Set());
  for (let grew = true; grew; ) {
    const before = used.size;
    for (const name of [...used]) refsIn(all[name], used);
    grew = used.size > before;
  }
  const schemas = Object.fromEntries(
    Object.entries(all)
      .filter(([name]) => used.has(name))
      .sort(([a], [b]) => a.localeCompare(b))
      // A component's `$id`/`$schema` are not valid inside an OpenAPI document's components.
      .map(([name, { $id: _id, $schema: _schema, ...rest }]) => [name, rest]),
  );
  const contract = {
    ...doc,
    servers: [{ url: '/', description: 'This server' }],
    components: { ...doc.components, schemas },
  };
  return contract as ReturnType<SwaggerTransformObject>;
};
