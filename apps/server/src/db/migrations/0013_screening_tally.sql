CREATE TABLE "household_visit_state" (
	"round_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"grid_id" uuid,
	"state" text NOT NULL,
	"last_visit_at" timestamp with time zone NOT NULL,
	"visits" integer NOT NULL,
	"persons" integer NOT NULL,
	"leads" integer NOT NULL,
	CONSTRAINT "household_visit_state_round_id_household_id_pk" PRIMARY KEY("round_id","household_id")
);
--> statement-breakpoint
CREATE TABLE "screening_tally" (
	"round_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"grid_id" uuid,
	"visited" integer DEFAULT 0 NOT NULL,
	"away" integer DEFAULT 0 NOT NULL,
	"nobody_home" integer DEFAULT 0 NOT NULL,
	"refused" integer DEFAULT 0 NOT NULL,
	"persons" integer DEFAULT 0 NOT NULL,
	"leads" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "screening_tally_key" UNIQUE NULLS NOT DISTINCT("round_id","region_id","grid_id")
);
--> statement-breakpoint
ALTER TABLE "household_visit_state" ADD CONSTRAINT "household_visit_state_round_id_screening_round_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."screening_round"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_visit_state" ADD CONSTRAINT "household_visit_state_household_id_household_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."household"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_tally" ADD CONSTRAINT "screening_tally_round_id_screening_round_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."screening_round"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_tally" ADD CONSTRAINT "screening_tally_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "household_visit_state_household_idx" ON "household_visit_state" USING btree ("household_id");--> statement-breakpoint
-- Recomputes, from the records, the standing of each (round, household) given and moves its
-- contribution in screening_tally: the old row's figures out, the new row's in. Recomputing (not
-- adding deltas) keeps a replayed, revised or deleted visit, a merged person or lead and a moved
-- household exact; statements touch few households except bulk loads, which stay set-based.
CREATE OR REPLACE FUNCTION screening_refresh(rounds uuid[], households uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  WITH old AS (
    DELETE FROM household_visit_state s USING (SELECT DISTINCT * FROM unnest(rounds, households) AS k(round_id, household_id)) k
    WHERE s.round_id = k.round_id AND s.household_id = k.household_id
    RETURNING s.*
  )
  INSERT INTO screening_tally AS t (round_id, region_id, grid_id, visited, away, nobody_home, refused, persons, leads)
  SELECT round_id, region_id, grid_id, -count(*) FILTER (WHERE state = 'visited'), -count(*) FILTER (WHERE state = 'away'),
         -count(*) FILTER (WHERE state = 'nobodyHome'), -count(*) FILTER (WHERE state = 'refused'), -sum(persons), -sum(leads)
  FROM old GROUP BY round_id, region_id, grid_id
  ORDER BY round_id, region_id, grid_id
  ON CONFLICT ON CONSTRAINT screening_tally_key DO UPDATE SET
    visited = t.visited + excluded.visited, away = t.away + excluded.away, nobody_home = t.nobody_home + excluded.nobody_home,
    refused = t.refused + excluded.refused, persons = t.persons + excluded.persons, leads = t.leads + excluded.leads;

  WITH k AS MATERIALIZED (
    SELECT DISTINCT * FROM unnest(rounds, households) AS k(round_id, household_id)
  ), v AS MATERIALIZED (
    SELECT v.round_id, v.household_id, v.id, v.outcome, v.visited_at FROM visit v JOIN k USING (round_id, household_id)
  ), latest AS (
    SELECT DISTINCT ON (round_id, household_id) round_id, household_id, outcome, visited_at FROM v ORDER BY round_id, household_id, visited_at DESC, id DESC
  ), n AS (
    SELECT round_id, household_id, count(*)::int AS visits FROM v GROUP BY round_id, household_id
  ), p AS (
    SELECT v.round_id, v.household_id, count(DISTINCT m.person_id)::int AS persons FROM v JOIN visit_member m ON m.visit_id = v.id GROUP BY v.round_id, v.household_id
  ), l AS (
    SELECT v.round_id, v.household_id, count(DISTINCT ls.lead_id)::int AS leads FROM v JOIN lead_source ls ON ls.source_ref = v.id AND ls.source = 'screening' GROUP BY v.round_id, v.household_id
  ), fresh AS (
    INSERT INTO household_visit_state (round_id, household_id, region_id, grid_id, state, last_visit_at, visits, persons, leads)
    SELECT latest.round_id, latest.household_id, h.region_id, h.grid_id, latest.outcome, latest.visited_at, n.visits, coalesce(p.persons, 0), coalesce(l.leads, 0)
    FROM latest JOIN household h ON h.id = latest.household_id JOIN n USING (round_id, household_id)
    LEFT JOIN p USING (round_id, household_id) LEFT JOIN l USING (round_id, household_id)
    RETURNING *
  )
  INSERT INTO screening_tally AS t (round_id, region_id, grid_id, visited, away, nobody_home, refused, persons, leads)
  SELECT round_id, region_id, grid_id, count(*) FILTER (WHERE state = 'visited'), count(*) FILTER (WHERE state = 'away'),
         count(*) FILTER (WHERE state = 'nobodyHome'), count(*) FILTER (WHERE state = 'refused'), sum(persons), sum(leads)
  FROM fresh GROUP BY round_id, region_id, grid_id
  ORDER BY round_id, region_id, grid_id
  ON CONFLICT ON CONSTRAINT screening_tally_key DO UPDATE SET
    visited = t.visited + excluded.visited, away = t.away + excluded.away, nobody_home = t.nobody_home + excluded.nobody_home,
    refused = t.refused + excluded.refused, persons = t.persons + excluded.persons, leads = t.leads + excluded.leads;
END $$;
--> statement-breakpoint
-- One trigger function for the four tables: TG_TABLE_NAME says how a changed row names its
-- (round, household). Transition tables allow one event per trigger, hence a trigger per event.
CREATE OR REPLACE FUNCTION screening_tally_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  keys text;
  rows_of text := CASE TG_OP WHEN 'INSERT' THEN 'new_rows' WHEN 'DELETE' THEN 'old_rows' ELSE '(SELECT * FROM new_rows UNION ALL SELECT * FROM old_rows)' END;
  r uuid[];
  h uuid[];
BEGIN
  IF TG_TABLE_NAME = 'visit' THEN
    keys := format('SELECT round_id, household_id FROM %s x', rows_of);
  ELSIF TG_TABLE_NAME = 'visit_member' THEN
    keys := format('SELECT v.round_id, v.household_id FROM %s x JOIN visit v ON v.id = x.visit_id', rows_of);
  ELSIF TG_TABLE_NAME = 'lead_source' THEN
    keys := format('SELECT v.round_id, v.household_id FROM %s x JOIN visit v ON v.id = x.source_ref WHERE x.source = ''screening''', rows_of);
  ELSE -- household: only a move to another region or grid changes a tally
    keys := 'SELECT s.round_id, s.household_id FROM new_rows n JOIN old_rows o USING (id) JOIN household_visit_state s ON s.household_id = n.id
             WHERE n.region_id IS DISTINCT FROM o.region_id OR n.grid_id IS DISTINCT FROM o.grid_id';
  END IF;
  EXECUTE format('SELECT array_agg(round_id), array_agg(household_id) FROM (SELECT DISTINCT * FROM (%s) q) d', keys) INTO r, h;
  IF r IS NOT NULL THEN
    PERFORM screening_refresh(r, h);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER visit_tally_insert AFTER INSERT ON visit REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION screening_tally_apply();
--> statement-breakpoint
CREATE TRIGGER visit_tally_update AFTER UPDATE ON visit REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION screening_tally_apply();
--> statement-breakpoint
CREATE TRIGGER visit_tally_delete AFTER DELETE ON visit REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION screening_tally_apply();
--> statement-breakpoint
CREATE TRIGGER visit_member_tally_insert AFTER INSERT ON visit_member REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION screening_tally_apply();
--> statement-breakpoint
CREATE TRIGGER visit_member_tally_update AFTER UPDATE ON visit_member REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION screening_tally_apply();
--> statement-breakpoint
CREATE TRIGGER visit_member_tally_delete AFTER DELETE ON visit_member REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION screening_tally_apply();
--> statement-breakpoint
CREATE TRIGGER lead_source_tally_insert AFTER INSERT ON lead_source REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION screening_tally_apply();
--> statement-breakpoint
CREATE TRIGGER lead_source_tally_update AFTER UPDATE ON lead_source REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION screening_tally_apply();
--> statement-breakpoint
CREATE TRIGGER lead_source_tally_delete AFTER DELETE ON lead_source REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION screening_tally_apply();
--> statement-breakpoint
CREATE TRIGGER household_screening_tally_update AFTER UPDATE ON household REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION screening_tally_apply();
--> statement-breakpoint
-- Rounds already under way: every household with a visit.
SELECT screening_refresh(array_agg(round_id), array_agg(household_id)) FROM (SELECT DISTINCT round_id, household_id FROM visit) d;

CREATE INDEX "person_walk_order_idx" ON "person" USING btree ("region_path","household_id","birth_date","id");
