import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { DEFAULT_COUNTY_SETTINGS, flattenSettings } from '@fangkong/domain';
import { testApp, loginAs, type Session } from '../../../test/app.js';
import { buildCounty, buildUser } from '../../../test/factories.js';
import { settingsFor, settingsInForceSql } from './index.js';

describe('county settings (县级设置): one look-up rule, one history', async () => {
  let clock = new Date('2024-03-01T02:00:00Z');
  const { app, db } = await testApp({}, () => clock);
  let county: Awaited<ReturnType<typeof buildCounty>>;
  let commander: Session;
  let officer: Session;
  let officerB: Session;
  beforeAll(async () => {
    county = await buildCounty(db);
    await buildUser(db, { username: 'chief', role: 'commander', region: county.county, displayName: '李指挥' });
    await buildUser(db, { username: 'officer', role: 'townshipOfficer', region: county.townshipA });
    await buildUser(db, { username: 'officer-b', role: 'townshipOfficer', region: county.townshipB });
    commander = await loginAs(app, 'chief');
    officer = await loginAs(app, 'officer');
    officerB = await loginAs(app, 'officer-b');
  });
  const put = (section: string, regionId: string, payload: Record<string, unknown>, who = commander) =>
    app.inject({
      method: 'PUT',
      url: `/api/v1/county-settings/${section}?regionId=${regionId}`,
      payload,
      headers: who.headers,
    });
  const get = (regionId: string, who = commander) =>
    app.inject({ url: `/api/v1/county-settings?regionId=${regionId}`, headers: who.headers });

  it('answers the product defaults where no region set anything', async () => {
    const res = await get(county.villageA.id);
    expect(res.statusCode).toBe(200);
    expect(res.json().report).toEqual({
      values: DEFAULT_COUNTY_SETTINGS.report,
      source: { deadline: null, correctionWindowHours: null, reminderMinutesBefore: null },
    });
    expect(res.json().policy.values).toEqual(DEFAULT_COUNTY_SETTINGS.policy);
    expect(res.json().checkpoint.values).toEqual(DEFAULT_COUNTY_SETTINGS.checkpoint);
  });

  it("takes each key from the nearest region that set it: village from the township's override, township from the county, county from the default", async () => {
    expect((await put('report', county.county.id, { deadline: '20:00', correctionWindowHours: 24 })).statusCode).toBe(
      200,
    );
    const township = await put('report', county.townshipA.id, { deadline: '19:30' });
    expect(township.json().values).toEqual({ deadline: '19:30', correctionWindowHours: 24, reminderMinutesBefore: 60 });

    const village = (await get(county.villageA.id)).json();
    expect(village.report.values).toEqual({ deadline: '19:30', correctionWindowHours: 24, reminderMinutesBefore: 60 });
    expect(village.report.source.deadline).toMatchObject({
      regionId: county.townshipA.id,
      regionName: '淮口街道',
      level: 'township',
    });
    expect(village.report.source.correctionWindowHours).toMatchObject({ regionId: county.county.id, level: 'county' });
    expect(village.report.source.reminderMinutesBefore).toBeNull();
    expect((await get(county.townshipB.id)).json().report.values).toEqual({
      deadline: '20:00',
      correctionWindowHours: 24,
      reminderMinutesBefore: 60,
    });
    expect((await get(county.county.id)).json().report.values.reminderMinutesBefore).toBe(60);

    // What other modules call, and what the SQL writers embed, answer the same.
    expect(await settingsFor(db, 'report', county.villageA.path)).toEqual(village.report.values);
    const inSql = await db.execute(
      sql`SELECT ${settingsInForceSql('report', sql`${county.villageA.path}::ltree`)} AS v`,
    );
    expect(inSql.rows[0]!.v).toEqual(flattenSettings(village.report.values));
  });

  it('inherits per-category rules category by category', async () => {
    await put('policy', county.county.id, { measureDays: { closeContact: 21 } });
    await put('policy', county.townshipA.id, {
      measureDays: { returnee: 7 },
      slotWindows: { am: { opens: '07:00', closes: '11:00' }, pm: { opens: '15:00', closes: '19:00' } },
    });
    const policy = await settingsFor(db, 'policy', county.villageA.path);
    expect(policy.measureDays).toMatchObject({ returnee: 7, closeContact: 21, fever: 7 });
    expect(policy.slotWindows.am).toEqual({ opens: '07:00', closes: '11:00' });
    expect((await settingsFor(db, 'policy', county.villageB.path)).measureDays).toMatchObject({
      returnee: 14,
      closeContact: 21,
    });
  });

  it('lets a region inherit again when a key is set to null', async () => {
    const res = await put('report', county.townshipA.id, { deadline: null });
    expect(res.json().values.deadline).toBe('20:00');
    expect(res.json().source.deadline).toMatchObject({ regionId: county.county.id });
    expect((await settingsFor(db, 'report', county.villageA.path)).deadline).toBe('20:00');
  });

  it('lets only county-level users change settings; out of scope is not found', async () => {
    expect((await put('report', county.townshipA.id, { deadline: '17:00' }, officer)).statusCode).toBe(403);
    expect((await get(county.villageB.id, officer)).statusCode).toBe(404);
    expect((await put('checkpoint', county.villageA.id, { healthCodeRequired: 'yes' })).statusCode).toBe(422);
    expect((await put('report', county.county.id, { deadline: '25:00' })).json().errors[0].field).toBe('deadline');
  });

  it('keeps one history: who changed which region, when, old → new, each change audited', async () => {
    clock = new Date('2024-03-02T03:00:00Z');
    await put('checkpoint', county.townshipB.id, { nucleicAcidRequired: true });
    // The same values again change nothing and leave no history.
    await put('report', county.county.id, { deadline: '20:00' });

    const mine = (
      await app.inject({
        url: `/api/v1/county-settings/history?regionId=${county.villageA.id}&section=report`,
        headers: officer.headers,
      })
    ).json();
    expect(mine.total).toBe(3);
    expect(mine.items[0]).toMatchObject({
      regionId: county.townshipA.id,
      section: 'report',
      changedByName: '李指挥',
      changes: [{ key: 'deadline', old: '19:30', new: null }],
    });
    expect(mine.items.at(-1)).toMatchObject({
      regionId: county.county.id,
      level: 'county',
      changedAt: '2024-03-01T02:00:00.000Z',
      changes: [
        { key: 'correctionWindowHours', old: null, new: 24 },
        { key: 'deadline', old: null, new: '20:00' },
      ],
    });
    // Township A's officer sees the county's changes and their own township's, not township B's.
    const all = (
      await app.inject({ url: '/api/v1/county-settings/history?pageSize=50', headers: officer.headers })
    ).json();
    expect(all.items.map((c: { regionId: string }) => c.regionId)).not.toContain(county.townshipB.id);
    const b = (await app.inject({ url: '/api/v1/county-settings/history', headers: officerB.headers })).json();
    expect(b.items[0]).toMatchObject({
      regionId: county.townshipB.id,
      section: 'checkpoint',
      changedAt: '2024-03-02T03:00:00.000Z',
      changes: [{ key: 'nucleicAcidRequired', old: null, new: true }],
    });

    const changes = await db.execute(sql`SELECT count(*)::int AS n FROM county_setting_change`);
    const audited = await db.execute(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE event = 'countySetting.update' AND target_type = 'countySettingChange' AND target_id IN (SELECT id::text FROM county_setting_change)`,
    );
    expect(audited.rows[0]!.n).toBe(changes.rows[0]!.n);
    expect(changes.rows[0]!.n).toBe(6);
  });

  it('moves the rows of the three former tables into county_setting (migration 0039)', async () => {
    await db.execute(sql`DELETE FROM county_setting`);
    await db.execute(
      sql.raw(`
      CREATE TABLE management_policy (region_path ltree PRIMARY KEY, measure_days jsonb NOT NULL DEFAULT '{}', required_officers jsonb NOT NULL DEFAULT '{}',
        slot_windows jsonb, lead_deadline_hours integer, triage_deadline_hours integer, updated_at timestamptz NOT NULL DEFAULT now());
      CREATE TABLE report_setting (region_id uuid PRIMARY KEY, deadline time NOT NULL DEFAULT '18:00', correction_window_hours integer NOT NULL DEFAULT 48, reminder_minutes_before integer NOT NULL DEFAULT 60);
      CREATE TABLE checkpoint_setting (region_id uuid PRIMARY KEY, health_code_required boolean NOT NULL DEFAULT false, itinerary_required boolean NOT NULL DEFAULT false,
        nucleic_acid_required boolean NOT NULL DEFAULT false, updated_by uuid, updated_at timestamptz NOT NULL DEFAULT now());`),
    );
    await db.execute(
      sql`INSERT INTO management_policy (region_path, required_officers, triage_deadline_hours) VALUES (${county.county.path}::ltree, '{"closeContact": 6}', 3)`,
    );
    await db.execute(sql`INSERT INTO report_setting (region_id, deadline) VALUES (${county.county.id}, '23:59')`);
    await db.execute(
      sql`INSERT INTO checkpoint_setting (region_id, health_code_required) VALUES (${county.county.id}, true)`,
    );
    const migration = readFileSync(
      new URL('../../db/migrations/0039_county_settings_moved.sql', import.meta.url),
      'utf8',
    );
    for (const statement of migration.split('--> statement-breakpoint')) await db.execute(sql.raw(statement));
    await db.execute(
      sql.raw('DROP TABLE management_policy; DROP TABLE report_setting; DROP TABLE checkpoint_setting;'),
    );

    const policy = await settingsFor(db, 'policy', county.villageA.path);
    expect(policy).toMatchObject({
      triageDeadlineHours: 3,
      leadDeadlineHours: 2,
      slotWindows: DEFAULT_COUNTY_SETTINGS.policy.slotWindows,
    });
    expect(policy.requiredOfficers).toMatchObject({ closeContact: 6, returnee: 3 });
    expect(await settingsFor(db, 'report', county.villageA.path)).toEqual({
      deadline: '23:59',
      correctionWindowHours: 48,
      reminderMinutesBefore: 60,
    });
    expect(await settingsFor(db, 'checkpoint', county.villageB.path)).toEqual({
      healthCodeRequired: true,
      itineraryRequired: false,
      nucleicAcidRequired: false,
    });
  });
});
