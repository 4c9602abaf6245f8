// Synthetic Chinese names and mobile numbers for the demo county (never real people).
import type { Sex } from '@fangkong/domain';
import { weighted, type Random } from './random.js';

export { createRandom, mulberry32, seedOf, weighted, type Random } from './random.js';

/** Common surnames, most frequent first (share in %, after the 2020 census; the tail decays). */
export const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';

const TOP_SHARES = [
  7.12, 7.0, 6.74, 5.1, 4.61, 3.22, 2.45, 2.29, 2.05, 1.94, 1.69, 1.44, 1.42, 1.26, 1.24, 1.15, 1.14, 1.06, 1.03, 0.99,
  0.96, 0.85, 0.81, 0.76, 0.75, 0.71, 0.7, 0.69, 0.68, 0.66, 0.64, 0.63, 0.62, 0.61, 0.6, 0.59, 0.55, 0.54, 0.53, 0.52,
  0.51, 0.5, 0.49, 0.48, 0.47, 0.46, 0.45, 0.44, 0.43, 0.42,
];

const drawSurname = weighted(
  [...SURNAMES].map((s, i) => [s, TOP_SHARES[i] ?? Math.max(0.12, 0.41 - (i - TOP_SHARES.length) * 0.006)] as const),
);

/** Given-name characters by sex and by the generation a name belongs to. */
const GIVEN: Readonly<Record<Sex, Readonly<Record<Era, string>>>> = {
  male: {
    old: '德福贵富荣华国建军明志忠正光发祥庆全顺洪树林春清文成海金山永兴学良安康云开元朝长友义',
    mid: '伟强军勇杰涛明超斌波辉刚平磊鹏峰俊兵亮东林宏毅凯健华彬浩军勇江川宇飞龙新文斌涛',
    young: '浩宇轩博睿泽晨阳子然皓航铭煜梓俊逸宸瑞奕晟凯锦言熙哲翰霖辰沐一诚嘉宁烨',
  },
  female: {
    old: '秀英兰芳桂珍凤玉琼淑素翠菊梅莲华琴芬慧蓉群碧清香仙惠琼书容',
    mid: '芳娟敏静丽艳娜霞燕玲萍红琴雪慧婷倩丹洁莉琳蓉晓霞梅蕾佳颖雯薇',
    young: '欣怡涵萱雨梦思诗佳琪悦瑶彤妍馨可若晨语汐依诺婉柔梓一沫朵心乐',
  },
};

type Era = 'old' | 'mid' | 'young';
const eraOf = (birthYear: number): Era => (birthYear < 1965 ? 'old' : birthYear < 1995 ? 'mid' : 'young');

/** A surname drawn with realistic frequencies. */
export function randomSurname(r: Random): string {
  return drawSurname(r);
}

/** A given name of 1 or 2 characters in the style of the person's sex and generation. */
export function randomGivenName(r: Random, sex: Sex, birthYear: number): string {
  const pool = GIVEN[sex][eraOf(birthYear)];
  const first = pool[r.int(0, pool.length - 1)]!;
  if (r.chance(0.3)) return first;
  // Doubled characters (婷婷, 欢欢) are common enough for girls; otherwise two different characters.
  if (sex === 'female' && r.chance(0.04)) return first + first;
  let second = first;
  while (second === first) second = pool[r.int(0, pool.length - 1)]!;
  return first + second;
}

/** A full name (surname + given name); pass `surname` to keep a family's surname. */
export function randomName(r: Random, sex: Sex, birthYear: number, surname = randomSurname(r)): string {
  return surname + randomGivenName(r, sex, birthYear);
}

/** Mobile prefixes in real use by China Mobile, Unicom and Telecom. */
export const PHONE_PREFIXES: readonly string[] = [
  ...'0123456789'.split('').map((d) => `13${d}`),
  ...'01235789'.split('').map((d) => `15${d}`),
  '173',
  '175',
  '176',
  '177',
  '178',
  '180',
  '181',
  '182',
  '183',
  '184',
  '185',
  '186',
  '187',
  '188',
  '189',
  '191',
  '193',
  '195',
  '196',
  '198',
  '199',
];

/** An 11-digit mobile number with a valid prefix. */
export function randomPhone(r: Random): string {
  const tail = String(r.int(0, 99_999_999)).padStart(8, '0');
  return r.pick(PHONE_PREFIXES) + tail;
}

const DIGITS = '零一二三四五六七八九';

/** Chinese numerals for 1-999 as used in group and grid names: 1 一, 10 十, 12 十二, 20 二十, 105 一百零五. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 999) throw new RangeError(`chineseNumeral expects 1-999, got ${n}`);
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  let s = h ? `${DIGITS[h]}百` : '';
  if (t) s += `${h || t > 1 ? DIGITS[t] : ''}十`;
  else if (h && u) s += '零';
  if (u) s += DIGITS[u];
  return s;
}
