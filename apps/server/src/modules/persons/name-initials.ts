import { polyphonic } from 'pinyin-pro';

let byInitial: Map<string, string> | undefined;

/**
 * Every common hanzi (U+4E00–U+9FA5) filed under the first letter of each of its readings, so a
 * polyphonic surname (单 shàn/dān, 曾 zēng/céng) is found under all of them. Built once, on first use.
 */
function hanziByInitial() {
  if (byInitial) return byInitial;
  let all = '';
  for (let code = 0x4e00; code <= 0x9fa5; code++) all += String.fromCharCode(code);
  const readings = polyphonic(all, { pattern: 'first', toneType: 'none', type: 'array' });
  const sets = new Map<string, string>();
  [...all].forEach((ch, i) => {
    for (const l of new Set(readings[i]?.map((r) => r.toLowerCase())))
      if (/^[a-z]$/.test(l)) sets.set(l, (sets.get(l) ?? '') + ch);
  });
  byInitial = sets;
  return byInitial;
}

/** Two to four pinyin initials ("zs", "ZSF"): a name search the staff types with gloves on. */
export const isNameInitials = (q: string) => /^[a-zA-Z]{2,4}$/.test(q);

/**
 * A PostgreSQL regular expression matching the names whose first hanzi have these pinyin
 * initials: `zs` matches 张三, 赵帅 and 周书华 (initials typed in order, further characters free).
 */
export function initialsPattern(initials: string): string {
  const map = hanziByInitial();
  return '^' + [...initials.toLowerCase()].map((l) => `[${map.get(l) ?? ''}${l}${l.toUpperCase()}]`).join('');
}
