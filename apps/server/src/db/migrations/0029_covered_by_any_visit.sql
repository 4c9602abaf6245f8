-- A household is covered in a round by any visit that covered it (visited, or the family away):
-- a later call that finds nobody home does not undo it. Its state is therefore the latest covering
-- visit's outcome when there is one, else the latest visit's; last_visit_at stays the latest visit.
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
    SELECT DISTINCT ON (round_id, household_id) round_id, household_id, outcome, max(visited_at) OVER (PARTITION BY round_id, household_id) AS visited_at FROM v
    ORDER BY v.round_id, v.household_id, v.outcome IN ('visited', 'away') DESC, v.visited_at DESC, v.id DESC
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
SELECT screening_refresh(array_agg(round_id), array_agg(household_id)) FROM (SELECT DISTINCT round_id, household_id FROM visit) d;
