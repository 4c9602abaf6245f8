// The members of one demo household: family structure, ages, names, resident ID numbers, phones,
// where they are registered (户籍) and which vulnerable groups (特殊群体) they belong to.
import { makeIdNumber, type Sex } from '@fangkong/domain';
import { COUNTY_CODE } from './county.js';
import { randomGivenName, randomPhone, randomSurname } from './names.js';
import { weighted, type Random } from './random.js';

export type VulnerableGroup = 'extremePoverty' | 'subsistenceAllowance' | 'disabled' | 'elderlyAlone';
type Relation = 'head' | 'spouse' | 'child' | 'childSpouse' | 'grandchild' | 'parent';

export interface Member {
  relation: Relation;
  name: string;
  sex: Sex;
  birthDate: string;
  idNumber: string;
  phone: string | null;
  /** The 6-digit county where the person is registered. */
  registeredCounty: string;
  vulnerableGroups: VulnerableGroup[];
}

/** Counties people registered elsewhere come from: mostly Chengdu and Sichuan, some from other provinces. */
const drawOtherCounty = weighted([
  ['510104', 6],
  ['510105', 4],
  ['510106', 4],
  ['510107', 4],
  ['510108', 4],
  ['510112', 5],
  ['510113', 5],
  ['510114', 4],
  ['510116', 3],
  ['510117', 3],
  ['510182', 3],
  ['510185', 4],
  ['510681', 5],
  ['510623', 5],
  ['512002', 4],
  ['511002', 4],
  ['511302', 3],
  ['510703', 3],
  ['511621', 2],
  ['500101', 3],
  ['500110', 2],
  ['420106', 2],
  ['420102', 1],
  ['430102', 1],
  ['440305', 1],
  ['330106', 1],
  ['320106', 1],
  ['520102', 1],
  ['530102', 1],
] as const);

const drawHeadAge = weighted([
  [[25, 34], 12],
  [[35, 44], 18],
  [[45, 54], 24],
  [[55, 64], 22],
  [[65, 74], 16],
  [[75, 90], 8],
] as const);

const DAY_MS = 86_400_000;
/** Days since 1970-01-01 of a 'YYYY-MM-DD' date. */
export const dayOf = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

/** 'YYYY-MM-DD' of a day number (days since 1970-01-01), by Hinnant's civil-from-days (no Date objects). */
export function isoOfDay(day: number): string {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

const other = (sex: Sex): Sex => (sex === 'male' ? 'female' : 'male');
const clampAge = (age: number) => Math.min(95, Math.max(0, age));

/**
 * Hands out resident ID numbers that are unique within one load: each (county, birth date, sex)
 * gets its own run of sequence numbers from a random start; after 500 the birth date moves a day back.
 */
export class IdNumberIssuer {
  /** (county, sex, day) → start * 1000 + numbers issued; numeric keys keep the map fast. */
  private readonly runs = new Map<number, number>();
  private readonly counties = new Map<string, number>();
  constructor(private readonly r: Random) {}

  issue(regionCode: string, birthDay: number, sex: Sex): { idNumber: string; birthDate: string } {
    let county = this.counties.get(regionCode);
    if (county === undefined) this.counties.set(regionCode, (county = this.counties.size));
    for (let day = birthDay; ; day--) {
      const key = (county * 2 + (sex === 'male' ? 1 : 0)) * 100_000 + day + 40_000;
      const run = this.runs.get(key) ?? this.r.int(0, 499) * 2 * 1000;
      const used = run % 1000;
      if (used >= 500) continue;
      this.runs.set(key, run + 1);
      const sequence = ((Math.floor(run / 1000) + 2 * used) % 1000) + (sex === 'male' ? 1 : 0);
      const birthDate = isoOfDay(day);
      return { idNumber: makeIdNumber({ regionCode, birthDate, sequence, sex }), birthDate };
    }
  }
}

interface Sketch {
  relation: Relation;
  sex: Sex;
  age: number;
  surname: string;
}

/** Who lives in a household of `size` persons: a head, usually a spouse, children, in-laws, grandchildren, sometimes a parent. */
export function sketchHousehold(r: Random, size: number): Sketch[] {
  const single = size === 1;
  const headSex: Sex = r.chance(single ? 0.5 : 0.82) ? 'male' : 'female';
  const [lo, hi] = single ? (r.chance(0.45) ? [60, 94] : [20, 59]) : drawHeadAge(r);
  const head: Sketch = { relation: 'head', sex: headSex, age: r.int(lo, hi), surname: randomSurname(r) };
  const members = [head];
  let father = headSex === 'male' ? head : undefined;
  if (members.length < size && r.chance(0.9)) {
    const gap = r.int(-2, 6);
    const spouse: Sketch = {
      relation: 'spouse',
      sex: other(headSex),
      age: clampAge(head.age + (headSex === 'male' ? -gap : gap)),
      surname: randomSurname(r),
    };
    spouse.age = Math.max(20, spouse.age);
    members.push(spouse);
    father ??= spouse;
  }
  if (members.length < size && head.age + 22 <= 95 && r.chance(0.12)) {
    const sex: Sex = r.chance(0.6) ? 'female' : 'male';
    members.push({
      relation: 'parent',
      sex,
      age: Math.min(95, head.age + r.int(22, 30)),
      surname: sex === 'male' ? head.surname : randomSurname(r),
    });
  }
  while (members.length < size) {
    const gap = r.int(22, 34);
    const age = head.age - gap >= 0 ? head.age - gap : r.int(0, Math.max(0, head.age - 20));
    const surname = father && r.chance(0.95) ? father.surname : head.surname;
    const child: Sketch = { relation: 'child', sex: r.chance(0.51) ? 'male' : 'female', age, surname };
    members.push(child);
    if (child.age < 24 || members.length >= size || !r.chance(0.6)) continue;
    const inLaw: Sketch = {
      relation: 'childSpouse',
      sex: other(child.sex),
      age: clampAge(Math.max(20, child.age + r.int(-4, 4))),
      surname: randomSurname(r),
    };
    members.push(inLaw);
    const young = Math.min(child.age, inLaw.age);
    const gFamily = child.sex === 'male' ? child.surname : inLaw.surname;
    while (members.length < size && young >= 22 && r.chance(0.85)) {
      members.push({
        relation: 'grandchild',
        sex: r.chance(0.51) ? 'male' : 'female',
        age: Math.max(0, young - r.int(22, 32)),
        surname: gFamily,
      });
    }
  }
  return members;
}

/** Turns a sketch into people with names, ID numbers, phones, registration and vulnerable groups. */
export function populateHousehold(r: Random, ids: IdNumberIssuer, size: number, todayDay: number): Member[] {
  const householdCounty = r.chance(0.09) ? drawOtherCounty(r) : COUNTY_CODE;
  const lowIncome = r.chance(0.025);
  return sketchHousehold(r, size).map((s) => {
    const registeredCounty =
      householdCounty === COUNTY_CODE && (s.relation === 'spouse' || s.relation === 'childSpouse') && r.chance(0.2)
        ? drawOtherCounty(r)
        : householdCounty;
    const { idNumber, birthDate } = ids.issue(
      registeredCounty,
      todayDay - Math.floor((s.age + r.next()) * 365.2425),
      s.sex,
    );
    const hasPhone = s.age >= 16 && r.chance(s.age >= 80 ? 0.4 : s.age >= 65 ? 0.75 : 0.97);
    const vulnerableGroups: VulnerableGroup[] = [];
    if (size === 1 && s.age >= 60 && r.chance(0.08)) vulnerableGroups.push('extremePoverty');
    if (lowIncome) vulnerableGroups.push('subsistenceAllowance');
    if (r.chance(s.age >= 60 ? 0.03 : 0.008)) vulnerableGroups.push('disabled');
    if (size === 1 && s.age >= 65 && r.chance(0.5)) vulnerableGroups.push('elderlyAlone');
    return {
      relation: s.relation,
      name: s.surname + randomGivenName(r, s.sex, Number(birthDate.slice(0, 4))),
      sex: s.sex,
      birthDate,
      idNumber,
      phone: hasPhone ? randomPhone(r) : null,
      registeredCounty,
      vulnerableGroups,
    };
  });
}
