// The bundled GB/T 2260 list of county-level divisions (county-codes.tsv beside this file), read once.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface CountyCode {
  code: string;
  name: string;
  province: string;
  prefecture: string;
}

const FILE = fileURLToPath(new URL('./county-codes.tsv', import.meta.url));
let byCode: Map<string, CountyCode> | undefined;

function load(): Map<string, CountyCode> {
  byCode ??= new Map(
    readFileSync(FILE, 'utf8')
      .split('\n')
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => {
        const [code = '', name = '', province = '', prefecture = ''] = line.split('\t');
        return [code, { code, name, province, prefecture }] as const;
      }),
  );
  return byCode;
}

/** The county with this 6-digit code, or its 12-digit statistical form (6 digits + 000000). */
export function countyOfCode(code: string): CountyCode | undefined {
  const six = /^\d{6}$/.test(code) ? code : /^\d{6}0{6}$/.test(code) ? code.slice(0, 6) : null;
  return six ? load().get(six) : undefined;
}
