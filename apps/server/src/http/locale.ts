import type { FastifyRequest } from 'fastify';
import type { Locale } from '@fangkong/domain';

/** zh-CN unless the client prefers English. */
export function localeOf(request: FastifyRequest): Locale {
  const header = request.headers['accept-language'] ?? '';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en-US' : 'zh-CN';
}
