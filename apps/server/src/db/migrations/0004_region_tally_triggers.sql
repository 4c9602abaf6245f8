-- Keeps region_tally (households, persons, grids held directly by each region) in step with the
-- tables, one grouped upsert per statement: a COPY of a million persons costs one upsert per region.
-- Transition tables allow one event per trigger, hence three triggers per table.
CREATE OR REPLACE FUNCTION region_tally_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  col text := TG_ARGV[0];
  upsert text := 'INSERT INTO region_tally (region_id, %1$I) SELECT region_id, %2$s FROM %3$s GROUP BY region_id '
              || 'ON CONFLICT (region_id) DO UPDATE SET %1$I = region_tally.%1$I + excluded.%1$I';
BEGIN
  IF TG_OP = 'INSERT' THEN
    EXECUTE format(upsert, col, 'count(*)', 'new_rows');
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE format(upsert, col, '-count(*)', 'old_rows');
  ELSIF TG_OP = 'UPDATE' THEN
    EXECUTE format(upsert, col, 'count(*)', '(SELECT n.region_id FROM new_rows n JOIN old_rows o USING (id) WHERE n.region_id <> o.region_id) moved');
    EXECUTE format(upsert, col, '-count(*)', '(SELECT o.region_id FROM new_rows n JOIN old_rows o USING (id) WHERE n.region_id <> o.region_id) moved');
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION region_tally_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('UPDATE region_tally SET %1$I = 0 WHERE %1$I <> 0', TG_ARGV[0]);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER person_tally_insert AFTER INSERT ON person REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION region_tally_apply('persons');
--> statement-breakpoint
CREATE TRIGGER person_tally_delete AFTER DELETE ON person REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION region_tally_apply('persons');
--> statement-breakpoint
CREATE TRIGGER person_tally_update AFTER UPDATE ON person REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION region_tally_apply('persons');
--> statement-breakpoint
CREATE TRIGGER person_tally_truncate AFTER TRUNCATE ON person FOR EACH STATEMENT EXECUTE FUNCTION region_tally_truncate('persons');
--> statement-breakpoint
CREATE TRIGGER household_tally_insert AFTER INSERT ON household REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION region_tally_apply('households');
--> statement-breakpoint
CREATE TRIGGER household_tally_delete AFTER DELETE ON household REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION region_tally_apply('households');
--> statement-breakpoint
CREATE TRIGGER household_tally_update AFTER UPDATE ON household REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION region_tally_apply('households');
--> statement-breakpoint
CREATE TRIGGER household_tally_truncate AFTER TRUNCATE ON household FOR EACH STATEMENT EXECUTE FUNCTION region_tally_truncate('households');
--> statement-breakpoint
CREATE TRIGGER grid_tally_insert AFTER INSERT ON grid REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION region_tally_apply('grids');
--> statement-breakpoint
CREATE TRIGGER grid_tally_delete AFTER DELETE ON grid REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION region_tally_apply('grids');
--> statement-breakpoint
CREATE TRIGGER grid_tally_update AFTER UPDATE ON grid REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION region_tally_apply('grids');
--> statement-breakpoint
CREATE TRIGGER grid_tally_truncate AFTER TRUNCATE ON grid FOR EACH STATEMENT EXECUTE FUNCTION region_tally_truncate('grids');
--> statement-breakpoint
INSERT INTO region_tally (region_id, households, persons, grids)
SELECT r.id,
       (SELECT count(*) FROM household h WHERE h.region_id = r.id),
       (SELECT count(*) FROM person p WHERE p.region_id = r.id),
       (SELECT count(*) FROM grid g WHERE g.region_id = r.id)
FROM region r
ON CONFLICT (region_id) DO UPDATE SET households = excluded.households, persons = excluded.persons, grids = excluded.grids;
