import type { FastifySchemaCompiler } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { cleanInput } from '@fangkong/domain';

// The mark fastify-type-provider-zod puts on its validation errors, which the error handler reads.
const ZOD_ERROR = Symbol.for('ZodFastifySchemaValidationError');

/**
 * The route schemas' validator, behind the domain's text layer: every string of a body, query or
 * path is normalised (NFC) and refused with a field error when it holds NUL, control, invisible or
 * direction characters or a lone surrogate, before any schema sees it. No route can forget it.
 */
export const validator: FastifySchemaCompiler<unknown> = (route) => {
  const inner = (validatorCompiler as FastifySchemaCompiler<unknown>)(route);
  if (route.httpPart === 'headers') return inner;
  return (data) => {
    const { value, issues } = cleanInput(data);
    if (!issues.length) return inner(value);
    return {
      error: issues.map((issue) => ({
        [ZOD_ERROR]: true,
        keyword: 'custom',
        instancePath: `/${issue.path.join('/')}`,
        schemaPath: `#/${issue.path.join('/')}/custom`,
        message: issue.key,
        params: {},
      })),
    } as never;
  };
};
