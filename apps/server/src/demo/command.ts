// The demo county's command structure, 包保 chains and volunteer teams, written through the same functions as the
// API (insertCommandUnit, insertChainMember) on the loading transaction's own connection.
import type pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { uuidv7 } from '../db/ids.js';
import type { Tx } from '../db/client.js';
import * as schema from '../db/schema/index.js';
import { insertCommandMember, insertCommandUnit } from '../modules/command/command.service.js';
import { insertChainMember } from '../modules/responsibility-chains/responsibility-chains.service.js';
import { insertVolunteer, insertVolunteerTeam } from '../modules/volunteer-teams/volunteer-teams.service.js';
import { DEMO_TOWNSHIP_NAME } from './accounts.js';
import type { CountyPlan } from './county.js';
import { chineseNumeral, randomName, randomPhone } from './names.js';
import type { Random } from './random.js';

/** 下设办公室和6个专责组 (seed 001). */
const GROUPS = [
  ['综合协调组', '统筹协调、信息汇总、会议组织和文件起草'],
  ['医疗救治组', '发热门诊、预检分诊、病例转运和救治'],
  ['物资保障组', '防护物资、生活物资的采购、储备和调拨'],
  ['排查管控组', '入户排查、重点人员管控和卡口值守'],
  ['宣传引导组', '政策宣传、舆情监测和群众告知'],
  ['督查组', '督查暗访、问题通报和整改跟踪'],
] as const;
const TOWNSHIPS_PER_ZONE = 3;

export interface DemoCommandCounts {
  units: number;
  chainMembers: number;
  volunteers: number;
}

export async function loadDemoCommand(client: pg.PoolClient, plan: CountyPlan, r: Random): Promise<DemoCommandCounts> {
  const tx = drizzle(client, { schema }) as unknown as Tx;
  const person = () => ({
    name: randomName(r, r.next() < 0.7 ? 'male' : 'female', 1965 + Math.floor(r.next() * 25)),
    phone: randomPhone(r),
  });
  const county = { id: plan.county.id, path: plan.county.path };
  let units = 0;
  const unit = async (body: Parameters<typeof insertCommandUnit>[4], members: string[]) => {
    const id = uuidv7();
    await insertCommandUnit(tx, null, county, id, body);
    for (const position of members)
      await insertCommandMember(tx, null, { id, name: body.name }, { ...person(), position });
    units++;
    return id;
  };
  const hq = await unit(
    {
      kind: 'headquarters',
      name: `${plan.county.name}新冠肺炎疫情防控指挥部`,
      duties: '统一领导、指挥、协调全县疫情防控工作',
      coverage: [],
    },
    ['指挥长', '副指挥长', '副指挥长'],
  );
  await unit(
    {
      kind: 'office',
      parentId: hq,
      name: '指挥部办公室',
      duties: '指挥部日常工作，24小时值班值守，调度任务的下发和督办',
      coverage: [],
    },
    ['主任', '副主任'],
  );
  for (const [name, duties] of GROUPS)
    await unit({ kind: 'workingGroup', parentId: hq, name, duties, coverage: [] }, ['组长', '副组长', '成员']);
  for (let i = 0; i * TOWNSHIPS_PER_ZONE < plan.townships.length; i++) {
    const covered = plan.townships.slice(i * TOWNSHIPS_PER_ZONE, (i + 1) * TOWNSHIPS_PER_ZONE);
    await unit(
      {
        kind: 'subHeadquarters',
        parentId: hq,
        name: `第${chineseNumeral(i + 1)}战区分指挥部`,
        duties: `${covered.map((t) => t.name).join('、')}的疫情防控统筹`,
        coverage: covered.map((t) => t.id),
      },
      ['指挥长', '联络员'],
    );
  }

  // 领导包片 per township; 驻村干部包村、派出所包段、医护人员包户 for every village of the demo township.
  let chainMembers = 0;
  for (const t of plan.townships) {
    await insertChainMember(tx, null, t, { duty: 'leader', ...person(), note: '包片联系领导' });
    chainMembers++;
  }
  for (const v of plan.villages.filter((x) => x.township.name === DEMO_TOWNSHIP_NAME)) {
    for (const duty of ['cadre', 'police', 'medical'] as const) {
      await insertChainMember(tx, null, v, { duty, ...person() });
      chainMembers++;
    }
  }
  // 党员志愿服务队 in every village of the demo township: a leader at the checkpoint, others delivering and screening.
  let volunteers = 0;
  const SERVICE = [
    ['checkpoint', '村口卡口 白班'],
    ['checkpoint', '村口卡口 夜班'],
    ['delivery', '居家隔离户代购配送'],
    ['screening', '协助入户排查'],
  ] as const;
  for (const v of plan.villages.filter((x) => x.township.name === DEMO_TOWNSHIP_NAME)) {
    const team = { id: uuidv7(), regionPath: v.path };
    await insertVolunteerTeam(tx, null, v, team.id, { kind: 'partyMember', name: `${v.name}党员志愿服务队` });
    for (const [i, [skill, assignment]] of SERVICE.entries()) {
      await insertVolunteer(tx, null, team, { ...person(), isLeader: i === 0, skills: [skill], assignment });
      volunteers++;
    }
  }
  return { units, chainMembers, volunteers };
}
