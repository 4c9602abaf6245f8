import { readFileSync } from 'node:fs';

const LOOK_ALIKES: Record<string, string> = {
  '@': 'a',
  '4': 'a',
  '0': 'o',
  '1': 'i',
  '!': 'i',
  '3': 'e',
  $: 's',
  '5': 's',
  '7': 't',
  '9': 'g',
};

/** The forms a password is compared in: as typed (lower case), with look-alikes undone, and with its tail of digits and symbols dropped. */
function forms(password: string): string[] {
  const lower = password.toLowerCase();
  const stem = lower.replace(/[^a-z]+$/, '');
  const plain = (s: string) => s.replace(/[@4013$579!]/g, (c) => LOOK_ALIKES[c] ?? c);
  return [lower, stem, plain(lower), plain(stem), plain(lower).replace(/[^a-z]+$/, '')].filter((f) => f.length > 0);
}

const list = new Set(
  readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
    .split('\n')
    .map((line) => line.trim().toLowerCase())
    .filter((line) => line && !line.startsWith('#')),
);

/** True when the password is, or is a thin disguise of, one of the bundled common passwords. */
export function isCommonPassword(password: string): boolean {
  return forms(password).some((f) => list.has(f));
}
