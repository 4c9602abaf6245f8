import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  blindIndexes,
  decrypt,
  encrypt,
  generateDataKey,
  installKeyRing,
  keyRingOf,
  loadDataKeys,
  PersonalDataKeyError,
  readKeyFile,
  tailIndexes,
} from './personal-data-crypto.js';

const ID = '510121199001011234';
const A = generateDataKey();
const B = generateDataKey();

afterEach(() => installKeyRing(keyRingOf([A])));

describe('personal data crypto', () => {
  it('encrypts with a fresh nonce each time and decrypts back', () => {
    installKeyRing(keyRingOf([A]));
    const one = encrypt('idNumber', ID);
    const two = encrypt('idNumber', ID);
    expect(one).not.toBe(two);
    expect(one).not.toContain(ID);
    expect(one).not.toContain('1234');
    expect(decrypt('idNumber', one)).toBe(ID);
    expect(decrypt('phone', encrypt('phone', '13800138000'))).toBe('13800138000');
  });

  it('carries the same blind and tail indexes for the same value, different ones for another', () => {
    installKeyRing(keyRingOf([A]));
    const [, bidx, t4, t6] = encrypt('idNumber', ID).split('$');
    expect(bidx).toBe(blindIndexes('idNumber', ID)[0]);
    expect(encrypt('idNumber', ID).split('$')[1]).toBe(bidx);
    expect(t4).toBe(tailIndexes('1234')[0]);
    expect(t6).toBe(tailIndexes('011234')[0]);
    expect(blindIndexes('idNumber', '510121199001011242')[0]).not.toBe(bidx);
    // The same digits as a phone and as an ID number hash apart; tail and blind keys are separate.
    expect(blindIndexes('phone', ID)[0]).not.toBe(bidx);
    expect(tailIndexes('1234')[0]).not.toBe(blindIndexes('idNumber', '1234')[0]!.slice(0, 11));
  });

  it('refuses a wrong key with a clear error, never garbage', () => {
    installKeyRing(keyRingOf([A]));
    const stored = encrypt('idNumber', ID);
    installKeyRing(keyRingOf([B]));
    expect(() => decrypt('idNumber', stored)).toThrow(PersonalDataKeyError);
    expect(() => decrypt('idNumber', stored)).toThrow(/not among the loaded keys/);
    // An altered value under the right key, or a phone moved into an ID number column.
    installKeyRing(keyRingOf([A]));
    const parts = stored.split('$');
    const body = Buffer.from(parts[4]!, 'base64url');
    body[14]! ^= 1;
    parts[4] = body.toString('base64url');
    expect(() => decrypt('idNumber', parts.join('$'))).toThrow(/altered or the key is wrong/);
    expect(() => decrypt('idNumber', encrypt('phone', '13800138000'))).toThrow(PersonalDataKeyError);
  });

  it('reads values of every loaded key while a rotation is under way; writes under the first', () => {
    installKeyRing(keyRingOf([A]));
    const old = encrypt('idNumber', ID);
    installKeyRing(keyRingOf([B, A]));
    expect(decrypt('idNumber', old)).toBe(ID);
    expect(blindIndexes('idNumber', ID)).toHaveLength(2);
    expect(blindIndexes('idNumber', ID)).toContain(old.split('$')[1]);
    expect(encrypt('idNumber', ID).split('$')[0]).toBe(keyRingOf([B]).keys[0]!.id);
  });

  it('makes a 0600 key file in the data directory when no key is given, and reads it back', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fangkong-key-'));
    const said: string[] = [];
    const { file } = loadDataKeys({}, dir, (m) => said.push(m));
    expect(file).toBe(path.join(dir, 'data-key'));
    expect(statSync(file!).mode & 0o777).toBe(0o600);
    expect(said.join()).toMatch(/generated the personal data key/);
    const stored = encrypt('phone', '13800138000');
    const key = readKeyFile(file!);
    installKeyRing(keyRingOf([B]));
    loadDataKeys({}, dir);
    expect(readKeyFile(file!)).toEqual(key);
    expect(decrypt('phone', stored)).toBe('13800138000');
    expect(readFileSync(file!, 'utf8')).toMatch(/^# Fangkong personal data keys/);
  });

  it('refuses a key that is not 32 bytes, and a named key file that does not exist', () => {
    expect(() => keyRingOf([Buffer.alloc(16).toString('base64')])).toThrow(/32 bytes/);
    expect(() => loadDataKeys({ FANGKONG_DATA_KEY_FILE: '/nonexistent/key' })).toThrow(/does not exist/);
  });
});
