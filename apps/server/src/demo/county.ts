// The region tree of the demo county 金堂县 (510121): townships, villages/communities, groups, and
// how many households of which size live in each group. Sized to the requested number of persons.
import { regionPathLabel, type RegionLevel } from '@fangkong/domain';
import { uuidv7 } from '../db/ids.js';
import { chineseNumeral } from './names.js';
import { weighted, type Random } from './random.js';

export const COUNTY_CODE = '510121';
export const COUNTY_NAME = '金堂县';

export interface RegionRow {
  id: string;
  code: string;
  name: string;
  level: RegionLevel;
  parentId: string | null;
  path: string;
}

export interface GroupPlan extends RegionRow {
  /** Persons in each household of the group, in address order; 0 is a vacant household. */
  households: Uint8Array;
}

export interface VillagePlan extends RegionRow {
  township: RegionRow;
  /** A 社区 (urban community, groups are 小区 with flats) rather than a 村. */
  community: boolean;
  groups: GroupPlan[];
  householdCount: number;
}

export interface CountyPlan {
  county: RegionRow;
  townships: RegionRow[];
  villages: VillagePlan[];
  /** Every region, parents before children (county, townships, then each village and its groups). */
  regions: RegionRow[];
  persons: number;
  households: number;
}

/** The townships (code suffix = position + 1) and their relative population. */
export const TOWNSHIPS: readonly (readonly [name: string, weight: number])[] = [
  ['赵镇街道', 2.0],
  ['淮口街道', 1.6],
  ['官仓街道', 1.0],
  ['栖贤街道', 1.0],
  ['白果街道', 0.8],
  ['高板街道', 0.8],
  ['福兴镇', 0.9],
  ['三溪镇', 0.8],
  ['竹篙镇', 0.7],
  ['转龙镇', 0.6],
  ['土桥镇', 0.6],
];

const PLACE_FIRST =
  '金五石白青红黄新太高万永长大双三福兴安平和明光桂花松柏竹梅兰云天玉宝德清龙凤鹤鸣杨柳桃李马牛水河江山';
const PLACE_SECOND = '山河桥湾坝林塘堰峰岭园兴丰平安龙凤泉池田溪岗庙寺坡坪口滩沟店场埝观花桥坎井';
const URBAN_FIRST = '金文新和平滨桂玉红锦华龙凤城兴南北东西中正建阳怡康';
const URBAN_SECOND = '龙华江桥城苑河湖山坊街安兴盛祥泰源和';
const COMMUNITY_STEMS = [
  ...'金龙 文化 新华 和平 滨江 桂花 玉虹 红旗 五一 光明 兴隆 城南 城北 城东 城西 南街 北街 东街 西街 迎宾 平安 金桥 锦绣 阳光'.split(
    ' ',
  ),
  ...'幸福 建设 人民 胜利 团结 清江 沱江 双龙 凤凰 白塔 金山 云绣 玉带 长林 明月 翠湖 学府 园林 花溪 龙泉 凤台 金河 新民'.split(
    ' ',
  ),
  ...'先锋 同心 复兴 永兴 太平 长安 福宁 康宁 青龙 白鹤 紫荆 桃源 金港 江滨 工农 梓潼 宝山 星光 瑞祥 安居'.split(' '),
];
const ESTATE_STEMS =
  '锦华 金桂 滨江 翠竹 碧水 阳光 锦绣 金色 御景 丽景 怡和 盛世 南湖 书香 紫荆 香樟 银杏 兰亭 水岸 龙湖 鑫城 华府 江南 温馨 雅居 祥和 东方 金都 天府 蓝湾 绿洲 清水 玉龙'.split(
    ' ',
  );
const ESTATE_SUFFIX = ['小区', '小区', '花园', '家园', '苑', '名苑', '华庭'];

/** Household sizes 1-6 with a mean of about 2.6 persons (county-town and rural mix). */
const drawHouseholdSize = weighted([
  [1, 22],
  [2, 31],
  [3, 24],
  [4, 13],
  [5, 7],
  [6, 3],
] as const);
const VACANT_SHARE = 0.01;
const PERSONS_PER_VILLAGE = 1500;

function region(code: string, name: string, level: RegionLevel, parent: RegionRow | null): RegionRow {
  const label = regionPathLabel(code);
  return {
    id: uuidv7(),
    code,
    name,
    level,
    parentId: parent?.id ?? null,
    path: parent ? `${parent.path}.${label}` : label,
  };
}

/** Splits `total` into integer shares proportional to `weights` (largest remainder), summing exactly to `total`. */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (weights.length === 0 || !(sum > 0)) throw new RangeError('apportion needs positive weights');
  const exact = weights.map((w) => (total * w) / sum);
  const shares = exact.map(Math.floor);
  let rest = total - shares.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; rest > 0; k = (k + 1) % order.length, rest--) shares[order[k]![1]]! += 1;
  return shares;
}

/**
 * A place name not yet in `used`: a listed name while some are left, else two characters drawn
 * from `first` and `second`, else a numbered one.
 */
function placeName(
  r: Random,
  used: Set<string>,
  stems: readonly string[],
  first: string,
  second: string,
  suffix: () => string,
): string {
  const take = (name: string) => (used.add(name), name);
  const fresh = stems.filter((stem) => !used.has(stem + suffix()));
  if (fresh.length) return take(r.pick(fresh) + suffix());
  for (let attempt = 0; attempt < 200; attempt++) {
    const a = r.pick([...first]);
    const b = r.pick([...second]);
    if (a !== b && !used.has(a + b + suffix())) return take(a + b + suffix());
  }
  for (let n = 1; ; n++) {
    const name = `${first[0]}${n <= 999 ? chineseNumeral(n) : n}${suffix()}`;
    if (!used.has(name)) return take(name);
  }
}

/** Household sizes for a village of `persons` people, with about 1 % vacant households. */
function householdSizes(r: Random, persons: number): number[] {
  const sizes: number[] = [];
  let left = persons;
  while (left > 0) {
    if (r.chance(VACANT_SHARE)) sizes.push(0);
    const size = Math.min(left, drawHouseholdSize(r));
    sizes.push(size);
    left -= size;
  }
  return sizes;
}

/** Plans the demo county for `persons` people: about 1,500 people per village, at least 2 villages per township. */
export function planCounty(persons: number, r: Random): CountyPlan {
  const county = region(`${COUNTY_CODE}000000`, COUNTY_NAME, 'county', null);
  const regions: RegionRow[] = [county];
  const townships: RegionRow[] = [];
  const villages: VillagePlan[] = [];
  const usedNames = new Set<string>();

  const villageTotal = Math.max(TOWNSHIPS.length * 2, Math.ceil(persons / PERSONS_PER_VILLAGE));
  const villagesPer = apportion(
    villageTotal - TOWNSHIPS.length * 2,
    TOWNSHIPS.map(([, w]) => w),
  ).map((n) => n + 2);
  const villageWeights = Array.from({ length: villageTotal }, () => 0.6 + 0.8 * r.next());
  const villagePersons = apportion(persons, villageWeights);

  let v = 0;
  TOWNSHIPS.forEach(([townshipName], t) => {
    const townshipCode = `${COUNTY_CODE}${String(t + 1).padStart(3, '0')}000`;
    const township = region(townshipCode, townshipName, 'township', county);
    townships.push(township);
    regions.push(township);
    const urban = townshipName.endsWith('街道');
    const count = villagesPer[t]!;
    // Communities come first in the code list, as in the statistical codes.
    const communities = urban ? Math.ceil(count / 2) : Math.max(1, Math.round(count * 0.15));
    for (let i = 0; i < count; i++, v++) {
      const community = i < communities;
      const code = `${townshipCode.slice(0, 9)}${String(i + 1).padStart(3, '0')}`;
      const name = community
        ? placeName(r, usedNames, COMMUNITY_STEMS, URBAN_FIRST, URBAN_SECOND, () => '社区')
        : placeName(r, usedNames, [], PLACE_FIRST, PLACE_SECOND, () => '村');
      const village: VillagePlan = {
        ...region(code, name, 'village', township),
        township,
        community,
        groups: [],
        householdCount: 0,
      };
      regions.push(village);
      villages.push(village);
      const sizes = householdSizes(r, villagePersons[v]!);
      village.householdCount = sizes.length;
      const perGroup = community ? r.int(80, 200) : r.int(30, 50);
      const groupCount = Math.min(999, Math.max(1, Math.round(sizes.length / perGroup)));
      const groupSizes = apportion(
        sizes.length,
        Array.from({ length: groupCount }, () => 0.7 + 0.6 * r.next()),
      );
      const estates = new Set<string>();
      let offset = 0;
      groupSizes.forEach((n, g) => {
        const estateSuffix = r.pick(ESTATE_SUFFIX);
        const groupName = community
          ? placeName(r, estates, ESTATE_STEMS, URBAN_FIRST, URBAN_SECOND, () => estateSuffix)
          : `${chineseNumeral(g + 1)}组`;
        const group = region(`${code}${String(g + 1).padStart(3, '0')}`, groupName, 'group', village);
        village.groups.push({ ...group, households: Uint8Array.from(sizes.slice(offset, offset + n)) });
        regions.push(group);
        offset += n;
      });
    }
  });
  const households = villages.reduce((a, x) => a + x.householdCount, 0);
  return { county, townships, villages, regions, persons, households };
}
