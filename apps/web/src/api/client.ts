import type { FormInstance } from 'antd';
import { currentLocale, i18n } from '../i18n';
import type { Problem, ProblemFieldError } from './types';
import { noteServerDate } from './server-clock';
import { noteAnswerAge } from '../offline/service-worker';

/** An error answer from the API (problem+json), or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(status: number, problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }

  get fieldErrors(): ProblemFieldError[] {
    return this.problem.errors ?? [];
  }
}

let csrfToken: string | null = null;
/** Remembers the CSRF token from the login/me reply; sent on every non-GET request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Query;
  /** JSON-serialised unless it is a Blob (sent raw with its own content type). */
  body?: unknown;
  contentType?: string;
  signal?: AbortSignal;
  /** The ETag of the version an edit was made on: the server refuses (412) when someone changed it since. */
  ifMatch?: string;
  /** Called with the answer's ETag (the record's version after a read or a write). */
  onEtag?: (etag: string | null) => void;
}

function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function readProblem(res: Response): Promise<Problem> {
  const fallback: Problem = { type: 'about:blank', title: res.statusText || `HTTP ${res.status}`, status: res.status };
  const text = await res.text().catch(() => '');
  if (!text) return fallback;
  try {
    const parsed = JSON.parse(text) as Partial<Problem>;
    return { ...fallback, ...parsed };
  } catch {
    return { ...fallback, detail: text.slice(0, 300) };
  }
}

/** Calls the API same-origin with the session cookie; throws ApiError on any non-2xx answer. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers = new Headers({ Accept: 'application/json, application/problem+json' });
  headers.set('Accept-Language', currentLocale());
  if (method !== 'GET' && csrfToken) headers.set('x-csrf-token', csrfToken);
  if (options.ifMatch) headers.set('If-Match', options.ifMatch);

  let body: BodyInit | undefined;
  if (options.body instanceof Blob) {
    body = options.body;
    headers.set('Content-Type', options.contentType ?? (options.body.type || 'application/octet-stream'));
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers.set('Content-Type', 'application/json');
  }

  let res: Response;
  try {
    res = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, { type: 'about:blank', title: i18n.t('common.networkError'), status: 0 });
  }
  const keptAt = res.headers.get('x-fangkong-cached-at');
  noteAnswerAge(keptAt);
  // A kept answer's Date is the day it was kept, not now: only live answers set the server's clock.
  if (!keptAt) noteServerDate(res.headers.get('date'));
  if (!res.ok) throw new ApiError(res.status, await readProblem(res));
  options.onEtag?.(res.headers.get('etag'));
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => apiRequest<T>(path, { query, signal }),
  post: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'POST', body }),
  patch: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'PATCH', body }),
  put: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'PUT', body }),
  delete: <T>(path: string) => apiRequest<T>(path, { method: 'DELETE' }),
};

/** The message to show for any error thrown by a request (already in the user's language when from the API). */
/** A download link with its query: the browser sends the session cookie with it and saves the file. */
export function downloadUrl(path: string, q: object = {}): string {
  const params = new URLSearchParams(
    Object.entries(q)
      .filter(([, v]) => v !== undefined && v !== '')
      .map(([k, v]) => [k, String(v)]),
  );
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

export function errorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return i18n.t('common.unknownError');
  const head = error.problem.detail || error.problem.title || i18n.t('common.unknownError');
  const fields = error.fieldErrors.map((e) => e.message);
  return [head, ...fields].join(' · ');
}

/**
 * Puts the API's field errors onto the matching antd Form fields ('regionId', 'address.street' …).
 * Returns true when every field error landed on a field of the form; otherwise the caller should
 * show errorMessage(error) as well.
 */
export function applyFieldErrors(form: FormInstance, error: unknown): boolean {
  if (!(error instanceof ApiError) || error.fieldErrors.length === 0) return false;
  const byField = new Map<string, string[]>();
  for (const { field, message } of error.fieldErrors) byField.set(field, [...(byField.get(field) ?? []), message]);
  // Registered fields, named as dotted paths like the API's `field`.
  const known = new Set(form.getFieldsError().map((f) => f.name.join('.')));
  const fields = [...byField]
    .filter(([field]) => known.has(field))
    .map(([field, errors]) => ({ name: field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), errors }));
  form.setFields(fields);
  return fields.length === byField.size;
}
