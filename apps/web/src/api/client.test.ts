import type { FormInstance } from 'antd';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiRequest, applyFieldErrors, downloadUrl, errorMessage, setCsrfToken } from './client';

function mockFetch(status: number, body: unknown, contentType = 'application/json') {
  const fn = vi.fn(
    async (_url: string, _init?: RequestInit) =>
      new Response(body === undefined ? null : JSON.stringify(body), {
        status,
        headers: { 'Content-Type': contentType },
      }),
  );
  vi.stubGlobal('fetch', fn);
  return fn;
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe('apiRequest', () => {
  it('sends the locale, and the CSRF token only on writes', async () => {
    setCsrfToken('tok');
    const fetchFn = mockFetch(200, { ok: true });
    await apiRequest('/api/v1/regions', { query: { q: '城关', page: 1, parentId: undefined } });
    await apiRequest('/api/v1/users', { method: 'POST', body: { a: 1 } });
    const [getUrl, getInit] = fetchFn.mock.calls[0]!;
    const [, postInit] = fetchFn.mock.calls[1]!;
    expect(getUrl).toBe('/api/v1/regions?q=%E5%9F%8E%E5%85%B3&page=1');
    expect(new Headers(getInit?.headers).get('Accept-Language')).toBe('zh-CN');
    expect(new Headers(getInit?.headers).has('x-csrf-token')).toBe(false);
    expect(new Headers(postInit?.headers).get('x-csrf-token')).toBe('tok');
    expect(getInit?.credentials).toBe('same-origin');
  });

  it('sends a Blob raw with the given content type', async () => {
    const fetchFn = mockFetch(200, { created: 1, updated: 0, errors: [] });
    const file = new Blob(['code,name\n'], { type: '' });
    await apiRequest('/api/v1/regions/import', { method: 'POST', body: file, contentType: 'text/csv' });
    const init = fetchFn.mock.calls[0]![1]!;
    expect(init.body).toBe(file);
    expect(new Headers(init.headers).get('Content-Type')).toBe('text/csv');
  });

  it('throws ApiError carrying the problem and its field errors', async () => {
    mockFetch(
      422,
      {
        type: 'about:blank',
        title: '校验失败',
        status: 422,
        detail: '填写的内容有误',
        errors: [{ field: 'regionId', message: '请选择区划' }],
      },
      'application/problem+json',
    );
    const error = await apiRequest('/api/v1/users', { method: 'POST', body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(422);
    expect((error as ApiError).fieldErrors).toEqual([{ field: 'regionId', message: '请选择区划' }]);
    expect(errorMessage(error)).toBe('填写的内容有误 · 请选择区划');
  });

  it('returns undefined for 204', async () => {
    mockFetch(204, undefined);
    await expect(apiRequest('/api/auth/logout', { method: 'POST' })).resolves.toBeUndefined();
  });
});

describe('applyFieldErrors', () => {
  const fakeForm = (names: string[][]) => {
    const setFields = vi.fn();
    const form = { getFieldsError: () => names.map((name) => ({ name, errors: [], warnings: [] })), setFields };
    return { form: form as unknown as FormInstance, setFields };
  };
  const problem = (fields: string[]) =>
    new ApiError(422, {
      type: 'x',
      title: 't',
      status: 422,
      errors: fields.map((field) => ({ field, message: `${field}!` })),
    });

  it('sets errors on matching fields and reports whether all landed', () => {
    const { form, setFields } = fakeForm([['username'], ['address', 'street']]);
    expect(applyFieldErrors(form, problem(['username', 'address.street']))).toBe(true);
    expect(setFields).toHaveBeenCalledWith([
      { name: ['username'], errors: ['username!'] },
      { name: ['address', 'street'], errors: ['address.street!'] },
    ]);
    expect(applyFieldErrors(form, problem(['username', 'unknown']))).toBe(false);
    expect(applyFieldErrors(form, new Error('x'))).toBe(false);
  });
});

describe('downloadUrl', () => {
  it('keeps the filled-in filters, encoded, and nothing else', () => {
    expect(
      downloadUrl('/api/v1/checkpoint-entries/export', { plate: '川A', idNumber: '', from: undefined, page: 2 }),
    ).toBe('/api/v1/checkpoint-entries/export?plate=%E5%B7%9DA&page=2');
    expect(downloadUrl('/api/v1/leads/lists/x/feedback')).toBe('/api/v1/leads/lists/x/feedback');
  });
});
