CREATE TABLE "key_person_tally" (
	"region_id" uuid NOT NULL,
	"status" text NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "key_person_tally_region_id_status_pk" PRIMARY KEY("region_id","status")
);
--> statement-breakpoint
ALTER TABLE "key_person" ADD COLUMN "officers" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "key_person" ADD COLUMN "open_alerts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "key_person" ADD COLUMN "open_triage" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "key_person" ADD COLUMN "last_check_day" date;--> statement-breakpoint
ALTER TABLE "key_person" ADD COLUMN "last_check_slot" text;--> statement-breakpoint
ALTER TABLE "key_person_tally" ADD CONSTRAINT "key_person_tally_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "key_person_overdue_idx" ON "key_person" USING btree ("planned_end_date","id") WHERE status = 'active' AND open_alerts > 0;--> statement-breakpoint
CREATE INDEX "key_person_fever_idx" ON "key_person" USING btree ("planned_end_date","id") WHERE status = 'active' AND open_triage > 0;
--> statement-breakpoint
-- Line lists and their counts read these instead of probing the child tables for every file. One
-- grouped statement per write statement (COPY of a million checks: one UPDATE), like region_tally.
-- key_person_tally: files per region and status. Inserts and deletes per statement; a status change
-- or a transfer per row, only when one of the two actually changes (a check touching the row does not).
CREATE OR REPLACE FUNCTION key_person_tally_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO key_person_tally (region_id, status, n) SELECT region_id, status, count(*) FROM new_rows GROUP BY 1, 2
      ON CONFLICT (region_id, status) DO UPDATE SET n = key_person_tally.n + excluded.n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO key_person_tally (region_id, status, n) SELECT region_id, status, -count(*) FROM old_rows GROUP BY 1, 2
      ON CONFLICT (region_id, status) DO UPDATE SET n = key_person_tally.n + excluded.n;
  ELSIF TG_OP = 'TRUNCATE' THEN
    DELETE FROM key_person_tally;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION key_person_tally_move() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO key_person_tally (region_id, status, n) VALUES (OLD.region_id, OLD.status, -1), (NEW.region_id, NEW.status, 1)
    ON CONFLICT (region_id, status) DO UPDATE SET n = key_person_tally.n + excluded.n;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER key_person_tally_insert AFTER INSERT ON key_person REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION key_person_tally_apply();
--> statement-breakpoint
CREATE TRIGGER key_person_tally_delete AFTER DELETE ON key_person REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION key_person_tally_apply();
--> statement-breakpoint
CREATE TRIGGER key_person_tally_truncate AFTER TRUNCATE ON key_person FOR EACH STATEMENT EXECUTE FUNCTION key_person_tally_apply();
--> statement-breakpoint
CREATE TRIGGER key_person_tally_update AFTER UPDATE OF status, region_id ON key_person FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.region_id IS DISTINCT FROM NEW.region_id) EXECUTE FUNCTION key_person_tally_move();
--> statement-breakpoint
-- key_person.officers / open_alerts / open_triage: rows of a child table that meet a condition, per file.
CREATE OR REPLACE FUNCTION key_person_count_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  col text := TG_ARGV[0];
  cond text := TG_ARGV[1];
  q text := 'UPDATE key_person k SET %1$I = k.%1$I + d.n FROM (SELECT key_person_id, sum(n)::int AS n FROM (%2$s) c GROUP BY 1) d '
         || 'WHERE k.id = d.key_person_id AND d.n <> 0';
BEGIN
  IF TG_OP = 'INSERT' THEN
    EXECUTE format(q, col, format('SELECT key_person_id, 1 AS n FROM new_rows WHERE %s', cond));
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE format(q, col, format('SELECT key_person_id, -1 AS n FROM old_rows WHERE %s', cond));
  ELSIF EXISTS (SELECT 1 FROM old_rows) THEN -- an UPDATE that touched no row (settling a slot without an alert) costs nothing more
    EXECUTE format(q, col, format('SELECT key_person_id, 1 AS n FROM new_rows WHERE %1$s UNION ALL SELECT key_person_id, -1 FROM old_rows WHERE %1$s', cond));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER responsible_officer_count_insert AFTER INSERT ON responsible_officer REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION key_person_count_apply('officers', 'true');
--> statement-breakpoint
CREATE TRIGGER responsible_officer_count_delete AFTER DELETE ON responsible_officer REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION key_person_count_apply('officers', 'true');
--> statement-breakpoint
CREATE TRIGGER responsible_officer_count_update AFTER UPDATE ON responsible_officer REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION key_person_count_apply('officers', 'true');
--> statement-breakpoint
CREATE TRIGGER check_alert_count_insert AFTER INSERT ON check_alert REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION key_person_count_apply('open_alerts', 'resolved_at IS NULL');
--> statement-breakpoint
CREATE TRIGGER check_alert_count_delete AFTER DELETE ON check_alert REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION key_person_count_apply('open_alerts', 'resolved_at IS NULL');
--> statement-breakpoint
CREATE TRIGGER check_alert_count_update AFTER UPDATE ON check_alert REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION key_person_count_apply('open_alerts', 'resolved_at IS NULL');
--> statement-breakpoint
CREATE TRIGGER triage_task_count_insert AFTER INSERT ON triage_task REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION key_person_count_apply('open_triage', 'status <> ''closed''');
--> statement-breakpoint
CREATE TRIGGER triage_task_count_delete AFTER DELETE ON triage_task REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION key_person_count_apply('open_triage', 'status <> ''closed''');
--> statement-breakpoint
CREATE TRIGGER triage_task_count_update AFTER UPDATE ON triage_task REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION key_person_count_apply('open_triage', 'status <> ''closed''');
--> statement-breakpoint
-- key_person.last_check_day / last_check_slot: the latest slot with a check. Checks are refused for a
-- slot that has not opened, so the latest checked slot reaching the open slot means the open slot is done.
CREATE OR REPLACE FUNCTION key_person_last_check_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE key_person k SET last_check_day = m.day, last_check_slot = m.slot
    FROM (SELECT DISTINCT ON (key_person_id) key_person_id, day, slot FROM new_rows ORDER BY key_person_id, day DESC, slot DESC) m
   WHERE k.id = m.key_person_id AND (k.last_check_day IS NULL OR (k.last_check_day, k.last_check_slot) < (m.day, m.slot));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER health_check_last_insert AFTER INSERT ON health_check REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION key_person_last_check_apply();
--> statement-breakpoint
INSERT INTO key_person_tally (region_id, status, n) SELECT region_id, status, count(*) FROM key_person GROUP BY 1, 2;
--> statement-breakpoint
UPDATE key_person k SET officers = coalesce((SELECT count(*) FROM responsible_officer o WHERE o.key_person_id = k.id), 0),
  open_alerts = coalesce((SELECT count(*) FROM check_alert a WHERE a.key_person_id = k.id AND a.resolved_at IS NULL), 0),
  open_triage = coalesce((SELECT count(*) FROM triage_task t WHERE t.key_person_id = k.id AND t.status <> 'closed'), 0),
  (last_check_day, last_check_slot) = (SELECT h.day, h.slot FROM health_check h WHERE h.key_person_id = k.id ORDER BY h.day DESC, h.slot DESC LIMIT 1);

