// Walks the planned county group by group and yields each household with its members, ready to load.
import { uuidv7 } from '../db/ids.js';
import { COUNTY_NAME, type CountyPlan, type GroupPlan, type VillagePlan } from './county.js';
import type { GridsPlan } from './grids.js';
import { dayOf, IdNumberIssuer, populateHousehold, type VulnerableGroup } from './people.js';
import { weighted, type Random } from './random.js';

export type HouseholdStatus = 'resident' | 'away' | 'vacant';

export interface HouseholdRow {
  id: string;
  group: GroupPlan;
  gridId: string;
  address: string;
  headPersonId: string | null;
  phone: string | null;
  status: HouseholdStatus;
}

export interface PersonRow {
  id: string;
  idNumber: string;
  name: string;
  sex: 'male' | 'female';
  birthDate: string;
  phone: string | null;
  householdId: string;
  group: GroupPlan;
  registeredRegionCode: string;
  vulnerableGroups: VulnerableGroup[];
}

export interface GeneratedHousehold {
  household: HouseholdRow;
  persons: PersonRow[];
}

const AWAY_SHARE = 0.03;
const drawFloors = weighted([
  [6, 5],
  [7, 2],
  [11, 3],
  [18, 2],
  [26, 1],
] as const);

/** Door numbers of a group: '12号' along a village group, '3栋2单元501' in a residential estate. */
function doorNumbers(r: Random, community: boolean): () => string {
  if (!community) {
    let n = 0;
    return () => `${(n += r.int(1, 3))}号`;
  }
  const floors = drawFloors(r);
  const units = r.int(2, 4);
  const rooms = floors > 11 ? 4 : 2;
  let i = 0;
  return () => {
    const k = i++;
    const building = Math.floor(k / (units * floors * rooms)) + 1;
    const inBuilding = k % (units * floors * rooms);
    const unit = Math.floor(inBuilding / (floors * rooms)) + 1;
    const floor = Math.floor((inBuilding % (floors * rooms)) / rooms) + 1;
    const room = (inBuilding % rooms) + 1;
    return `${building}栋${unit}单元${floor}${String(room).padStart(2, '0')}`;
  };
}

function addressPrefix(village: VillagePlan, group: GroupPlan): string {
  return `${COUNTY_NAME}${village.township.name}${village.name}${group.name}${village.community ? '' : ' '}`;
}

/**
 * Every household of the county in region-path order (so indexes fill in order), each in a group
 * of its village and a grid of that village; vacant households have no members and no head.
 */
export function* generateHouseholds(
  plan: CountyPlan,
  grids: GridsPlan,
  r: Random,
  today: string,
): Generator<GeneratedHousehold> {
  const ids = new IdNumberIssuer(r.fork('id-numbers'));
  const todayDay = dayOf(today);
  for (const village of plan.villages) {
    const villageGrids = grids.byVillage.get(village.id) ?? [];
    let index = 0;
    for (const group of village.groups) {
      const prefix = addressPrefix(village, group);
      const door = doorNumbers(r, village.community);
      for (const size of group.households) {
        const grid = villageGrids[Math.floor((index++ * villageGrids.length) / village.householdCount)];
        if (!grid) throw new Error(`village ${village.code} has no grid`);
        const id = uuidv7();
        const members = size > 0 ? populateHousehold(r, ids, size, todayDay) : [];
        const persons = members.map(
          (m): PersonRow => ({
            id: uuidv7(),
            idNumber: m.idNumber,
            name: m.name,
            sex: m.sex,
            birthDate: m.birthDate,
            phone: m.phone,
            householdId: id,
            group,
            registeredRegionCode:
              m.registeredCounty === village.code.slice(0, 6) ? village.code : `${m.registeredCounty}000000`,
            vulnerableGroups: m.vulnerableGroups,
          }),
        );
        const head = persons[0];
        const household: HouseholdRow = {
          id,
          group,
          gridId: grid.id,
          address: prefix + door(),
          headPersonId: head?.id ?? null,
          phone: head?.phone ?? persons.find((p) => p.phone)?.phone ?? null,
          status: size === 0 ? 'vacant' : r.chance(AWAY_SHARE) ? 'away' : 'resident',
        };
        yield { household, persons };
      }
    }
  }
}
