import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  idNumberSchema,
  isoDateSchema,
  localeSchema,
  pageQuerySchema,
  phoneSchema,
  plateSchema,
  regionCodeSchema,
  regionLevelSchema,
  roleSchema,
  sexSchema,
  temperatureSchema,
  uuidSchema,
} from './schemas.js';

/** The issue messages (translation keys) of a failed parse, or the parsed data. */
function run(schema: z.ZodType, input: unknown): { data: unknown } | { messages: string[] } {
  const r = schema.safeParse(input);
  return r.success ? { data: r.data } : { messages: r.error.issues.map((i) => i.message) };
}

describe('idNumberSchema', () => {
  it('outputs the canonical 18-character number', () => {
    expect(run(idNumberSchema, ' 11010519491231002x ')).toEqual({ data: '11010519491231002X' });
    expect(run(idNumberSchema, '１１０１０５１９４９１２３１００２Ｘ')).toEqual({ data: '11010519491231002X' });
    expect(run(idNumberSchema, '510121850615102')).toEqual({ data: '51012119850615102X' });
  });

  it.each([
    ['', 'idNumber.empty'],
    ['11010519491231002', 'idNumber.length'],
    ['1101051949123100Y2', 'idNumber.characters'],
    ['99010519491231002X', 'idNumber.region'],
    ['510121202302290011', 'idNumber.birthDate'],
    ['110105194912310021', 'idNumber.checkDigit'],
  ])('%j → %s', (input, key) => {
    expect(run(idNumberSchema, input)).toEqual({ messages: [key] });
  });

  it('reports required / invalid for non-strings', () => {
    expect(run(idNumberSchema, undefined)).toEqual({ messages: ['required'] });
    expect(run(idNumberSchema, null)).toEqual({ messages: ['required'] });
    expect(run(idNumberSchema, 110105)).toEqual({ messages: ['invalid'] });
  });

  it('reports required for a missing object field, with the path', () => {
    const r = z.object({ idNumber: idNumberSchema }).safeParse({});
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path, i.message])).toEqual([[['idNumber'], 'required']]);
  });

  it('keeps the path and key inside objects', () => {
    const r = z
      .object({ person: z.object({ idNumber: idNumberSchema }) })
      .safeParse({ person: { idNumber: '110105194912310021' } });
    expect(r.error?.issues.map((i) => [i.path, i.message])).toEqual([[['person', 'idNumber'], 'idNumber.checkDigit']]);
  });
});

describe('phoneSchema', () => {
  it('normalizes', () => {
    expect(run(phoneSchema, '+86 138-1234-5678')).toEqual({ data: '13812345678' });
  });
  it.each([
    ['', 'phone.empty'],
    ['1381234567x', 'phone.characters'],
    ['1381234567', 'phone.length'],
    ['12812345678', 'phone.prefix'],
  ])('%j → %s', (input, key) => {
    expect(run(phoneSchema, input)).toEqual({ messages: [key] });
  });
  it('optional phone fields work', () => {
    expect(run(phoneSchema.optional(), undefined)).toEqual({ data: undefined });
  });
});

describe('plateSchema', () => {
  it('outputs the canonical form', () => {
    expect(run(plateSchema, '川a·12345')).toEqual({ data: '川A12345' });
    expect(run(plateSchema, '川A·D12345')).toEqual({ data: '川AD12345' });
  });
  it.each([
    ['', 'plate.empty'],
    ['X12345', 'plate.province'],
    ['川I12345', 'plate.format'],
  ])('%j → %s', (input, key) => {
    expect(run(plateSchema, input)).toEqual({ messages: [key] });
  });
});

describe('temperatureSchema', () => {
  it('accepts strings and numbers', () => {
    expect(run(temperatureSchema, '36,5')).toEqual({ data: 36.5 });
    expect(run(temperatureSchema, 37.3)).toEqual({ data: 37.3 });
    expect(run(temperatureSchema, '43.0')).toEqual({ data: 43 });
  });
  it.each([
    ['', 'temperature.empty'],
    ['abc', 'temperature.format'],
    ['43.1', 'temperature.range'],
    [33.9, 'temperature.range'],
    [true, 'temperature.format'],
    [undefined, 'required'],
  ])('%j → %s', (input, key) => {
    expect(run(temperatureSchema, input)).toEqual({ messages: [key] });
  });
});

describe('pageQuerySchema', () => {
  it('applies defaults', () => {
    expect(pageQuerySchema.parse({})).toEqual({ page: 1, pageSize: 20 });
    expect(pageQuerySchema.parse({ page: '', pageSize: '' })).toEqual({ page: 1, pageSize: 20 });
  });
  it('coerces query-string values', () => {
    expect(pageQuerySchema.parse({ page: '3', pageSize: '50' })).toEqual({ page: 3, pageSize: 50 });
    expect(pageQuerySchema.parse({ page: 2, pageSize: 200 })).toEqual({ page: 2, pageSize: 200 });
    expect(pageQuerySchema.parse({ page: '1', pageSize: '1' })).toEqual({ page: 1, pageSize: 1 });
  });
  it('drops unknown keys', () => {
    expect(pageQuerySchema.parse({ page: '1', q: 'x' })).toEqual({ page: 1, pageSize: 20 });
  });
  it.each([
    [{ page: '0' }, 'tooSmall'],
    [{ page: '-1' }, 'tooSmall'],
    [{ page: '1.5' }, 'invalidInteger'],
    [{ page: 'abc' }, 'invalidInteger'],
    [{ pageSize: '0' }, 'tooSmall'],
    [{ pageSize: '201' }, 'tooBig'],
  ])('%j → %s', (input, key) => {
    expect(run(pageQuerySchema, input)).toEqual({ messages: [key] });
  });
  it('reports the bound for translation', () => {
    const r = pageQuerySchema.safeParse({ pageSize: 500 });
    const issue = r.error?.issues[0];
    expect(issue && 'maximum' in issue ? issue.maximum : undefined).toBe(200);
  });
});

describe('uuidSchema', () => {
  it('accepts UUIDs of any version, either case', () => {
    expect(run(uuidSchema, '3f2504e0-4f89-41d3-9a0c-0305e82c3301')).toEqual({
      data: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
    });
    expect(run(uuidSchema, '3F2504E0-4F89-11D3-9A0C-0305E82C3301')).toEqual({
      data: '3F2504E0-4F89-11D3-9A0C-0305E82C3301',
    });
    // The nil UUID names nothing: a client id or a reference made of it is refused.
    expect(run(uuidSchema, '00000000-0000-0000-0000-000000000000')).toEqual({ messages: ['invalidUuid'] });
  });
  it.each([
    '',
    'abc',
    '3f2504e0-4f89-41d3-9a0c-0305e82c330',
    '3f2504e04f8941d39a0c0305e82c3301',
    'zf2504e0-4f89-41d3-9a0c-0305e82c3301',
    42,
  ])('rejects %j', (input) => {
    expect(run(uuidSchema, input)).toEqual({ messages: ['invalidUuid'] });
  });
  it('missing → required', () => {
    expect(run(uuidSchema, undefined)).toEqual({ messages: ['required'] });
  });
});

describe('other shared schemas', () => {
  it('isoDateSchema', () => {
    expect(run(isoDateSchema, '2024-02-29')).toEqual({ data: '2024-02-29' });
    expect(run(isoDateSchema, '2023-02-29')).toEqual({ messages: ['invalidDate'] });
    expect(run(isoDateSchema, '2023/02/01')).toEqual({ messages: ['invalidDate'] });
  });
  it('regionCodeSchema', () => {
    expect(run(regionCodeSchema, '510121001001')).toEqual({ data: '510121001001' });
    expect(run(regionCodeSchema, '510121000001')).toEqual({ messages: ['invalidRegionCode'] });
  });
  it('enum schemas', () => {
    expect(run(roleSchema, 'gridWorker')).toEqual({ data: 'gridWorker' });
    expect(run(roleSchema, 'root')).toEqual({ messages: ['invalidEnum'] });
    expect(run(roleSchema, undefined)).toEqual({ messages: ['required'] });
    expect(run(regionLevelSchema, 'group')).toEqual({ data: 'group' });
    expect(run(regionLevelSchema, 'province')).toEqual({ messages: ['invalidEnum'] });
    expect(run(localeSchema, 'en-US')).toEqual({ data: 'en-US' });
    expect(run(localeSchema, 'en')).toEqual({ messages: ['invalidEnum'] });
    expect(run(sexSchema, 'female')).toEqual({ data: 'female' });
    expect(run(sexSchema, 'f')).toEqual({ messages: ['invalidEnum'] });
  });
});
