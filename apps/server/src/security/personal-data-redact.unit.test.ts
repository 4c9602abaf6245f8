import { describe, expect, it } from 'vitest';
import { redactPersonal } from './personal-data-redact.js';

describe('redactPersonal', () => {
  it('replaces ID numbers (18 and 15 digits) and mobile numbers in every string of a document, nothing else', () => {
    const id = '01a25256-42e6-751d-8b33-c713295a4f3d';
    expect(
      redactPersonal({
        filter: { idNumber: '51012119901230015X', q: '张三 13611110005' },
        ids: ['510121900101001', id],
        entries: 3,
        at: '2026-12-07T21:08:34.663Z',
        plate: '川A12345',
      }),
    ).toEqual({
      filter: { idNumber: '<idNumber>', q: '张三 <phone>' },
      ids: ['<idNumber>', id],
      entries: 3,
      at: '2026-12-07T21:08:34.663Z',
      plate: '川A12345',
    });
    expect(redactPersonal({ phone: '+86 13611110005', short: '1361111000', batch: '20261207' })).toEqual({
      phone: '<phone>',
      short: '1361111000',
      batch: '20261207',
    });
  });
});
