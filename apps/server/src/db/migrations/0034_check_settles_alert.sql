-- Custom SQL migration file, put your code below! --
-- A check settles its slot's overdue alert, whoever writes it. The trigger runs after the statement
-- that wrote the checks, with a snapshot of its own: an alert the scheduler committed while the
-- check waited for the file's lock (jobs/key-person-jobs.ts) is seen and settled, which the
-- statement's own snapshot, taken before the wait, could not do.
CREATE FUNCTION health_check_settles_alert() RETURNS trigger LANGUAGE plpgsql
SET search_path = public, pg_temp AS $$
BEGIN
  UPDATE check_alert a SET resolved_at = n.recorded_at
    FROM added n
   WHERE n.corrects_id IS NULL AND a.key_person_id = n.key_person_id AND a.day = n.day AND a.slot = n.slot AND a.resolved_at IS NULL;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER health_check_settles_alert AFTER INSERT ON health_check
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION health_check_settles_alert();
