// Users in bulk from the 用户导入模板 (姓名, 手机号, 角色, 区划代码, 网格, 用户名): every row checked first,
// nothing written unless every row is good; each new account gets a one-time initial password shown once.
import { blindIndexList } from '../../security/personal-data-sql.js';
import { randomInt } from 'node:crypto';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { templateXlsx } from '../../files/workbook.js';
import { ROLE_LABELS, ROLES, parsePhone, translate, type Role } from '@fangkong/domain';
import type { Db } from '../../db/client.js';
import { grid, gridWorker, region, users } from '../../db/schema/index.js';
import { uuidv7 } from '../../db/ids.js';
import type { Actor } from '../../auth/actor.js';
import { hashPassword } from '../../auth/password.js';
import { inScope } from '../../auth/scope.js';
import { audit } from '../../audit/audit.js';
import { pick, readTable } from '../../files/table-reader.js';

const NAME = ['姓名', 'name'];
const PHONE = ['手机号', '手机', '电话', 'phone'];
const ROLE = ['角色', 'role'];
const REGION = ['区划代码', '区划', 'region'];
const GRID = ['网格', 'grid'];
const USERNAME = ['用户名', 'username'];
export const USER_TEMPLATE_HEADERS = ['姓名', '手机号', '角色', '区划代码', '网格', '用户名'];

const roleByWord = new Map<string, Role>(
  ROLES.flatMap(
    (r) =>
      [
        [r.toLowerCase(), r],
        [ROLE_LABELS['zh-CN'][r], r],
        [ROLE_LABELS['en-US'][r].toLowerCase(), r],
      ] as [string, Role][],
  ),
);
// No 0/O, 1/l/I: read out over the phone and typed on a handset.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const initialPassword = () => Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');

/** The empty template with one example row. */
export async function userTemplateXlsx(): Promise<Buffer> {
  return templateXlsx(
    '用户导入',
    USER_TEMPLATE_HEADERS,
    [['张网格', '13800000000', '网格员', '510121001001', '第一网格', '']],
    () => 16,
  );
}

export async function importUsers(db: Db, actor: Actor, body: Buffer, contentType: string) {
  const rows = (await readTable(body, contentType)).map((r) => ({
    row: r.row,
    name: pick(r.values, NAME).trim(),
    phone: pick(r.values, PHONE).trim(),
    role: pick(r.values, ROLE).trim(),
    regionCode: pick(r.values, REGION).replace(/\s/g, ''),
    gridName: pick(r.values, GRID).trim(),
    username: pick(r.values, USERNAME).trim(),
  }));
  const errors: { row: number; field: string; message: string }[] = [];
  const say = (row: number, field: string, key: string) =>
    errors.push({ row, field, message: translate(actor.locale, key) });

  const codes = [...new Set(rows.map((r) => r.regionCode).filter(Boolean))];
  const regions = new Map(
    (codes.length
      ? await db
          .select({ id: region.id, code: region.code, path: region.path, level: region.level })
          .from(region)
          .where(and(inArray(region.code, codes), inScope(actor, region.path)))
      : []
    ).map((r) => [r.code, r]),
  );
  const regionIds = [...regions.values()].map((r) => r.id);
  const grids = regionIds.length
    ? await db
        .select({ id: grid.id, name: grid.name, regionId: grid.regionId })
        .from(grid)
        .where(and(inArray(grid.regionId, regionIds), isNull(grid.retiredAt)))
    : [];
  const phones = rows.map((r) => parsePhone(r.phone)).flatMap((p) => (p.ok ? [p.value] : []));
  const takenPhones = new Set(
    phones.length
      ? (
          await db
            .select({ phone: users.phone })
            .from(users)
            .where(and(inArray(users.phoneBidx, blindIndexList('phone', phones)), eq(users.disabled, false)))
        ).map((u) => u.phone)
      : [],
  );
  const wantedNames = rows
    .map((r) => {
      const p = parsePhone(r.phone);
      return r.username || (p.ok ? p.value : '');
    })
    .filter(Boolean);
  const takenNames = new Set(
    wantedNames.length
      ? (await db.select({ username: users.username }).from(users).where(inArray(users.username, wantedNames))).map(
          (u) => u.username,
        )
      : [],
  );

  const seenPhones = new Set<string>();
  const seenNames = new Set<string>();
  const planned: {
    row: number;
    id: string;
    username: string;
    displayName: string;
    role: Role;
    regionId: string;
    regionPath: string;
    phone: string;
    gridId: string | null;
  }[] = [];
  for (const r of rows) {
    if (!r.name) {
      say(r.row, 'name', 'required');
      continue;
    }
    const phone = parsePhone(r.phone);
    if (!phone.ok) {
      say(r.row, 'phone', `phone.${phone.reason}`);
      continue;
    }
    if (seenPhones.has(phone.value)) {
      say(r.row, 'phone', 'duplicateInFile');
      continue;
    }
    seenPhones.add(phone.value);
    if (takenPhones.has(phone.value)) {
      say(r.row, 'phone', 'user.phoneTaken');
      continue;
    }
    const role = roleByWord.get(r.role.toLowerCase()) ?? roleByWord.get(r.role);
    if (!role) {
      say(r.row, 'role', 'user.unknownRole');
      continue;
    }
    const reg = regions.get(r.regionCode);
    if (!reg) {
      say(r.row, 'region', 'user.unknownRegion');
      continue;
    }
    let gridId: string | null = null;
    if (r.gridName) {
      gridId = grids.find((g) => g.regionId === reg.id && g.name === r.gridName)?.id ?? null;
      if (!gridId) {
        say(r.row, 'grid', 'user.unknownGrid');
        continue;
      }
    }
    const username = r.username || phone.value;
    if (!/^[A-Za-z0-9_.-]{3,32}$/.test(username)) {
      say(r.row, 'username', 'username.format');
      continue;
    }
    if (takenNames.has(username) || seenNames.has(username)) {
      say(r.row, 'username', 'username.taken');
      continue;
    }
    seenNames.add(username);
    planned.push({
      row: r.row,
      id: uuidv7(),
      username,
      displayName: r.name,
      role,
      regionId: reg.id,
      regionPath: reg.path,
      phone: phone.value,
      gridId,
    });
  }
  if (errors.length) return { created: 0, users: [], errors };

  const withPasswords = await Promise.all(
    planned.map(async (p) => {
      const password = initialPassword();
      return { ...p, password, passwordHash: await hashPassword(password) };
    }),
  );
  await db.transaction(async (tx) => {
    for (let i = 0; i < withPasswords.length; i += 500) {
      await tx.insert(users).values(
        withPasswords
          .slice(i, i + 500)
          .map(({ id, username, displayName, passwordHash, role, regionId, regionPath, phone }) => ({
            id,
            username,
            displayName,
            passwordHash,
            mustChangePassword: true,
            role,
            regionId,
            regionPath,
            phone,
          })),
      );
    }
    const workers = withPasswords.filter((p) => p.gridId).map((p) => ({ gridId: p.gridId!, userId: p.id }));
    if (workers.length) await tx.insert(gridWorker).values(workers);
    await audit(tx, actor, {
      event: 'user.import',
      targetType: 'user',
      regionPath: actor.scopePath,
      detail: { rows: withPasswords.length, gridWorkers: workers.length },
    });
  });
  return {
    created: withPasswords.length,
    users: withPasswords.map((p) => ({
      row: p.row,
      username: p.username,
      displayName: p.displayName,
      initialPassword: p.password,
    })),
    errors: [],
  };
}
