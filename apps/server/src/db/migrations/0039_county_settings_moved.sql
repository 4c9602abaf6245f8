-- Custom SQL migration file, put your code below! --
-- The three settings tables (management_policy, report_setting, checkpoint_setting) move into
-- county_setting, one row per region and section, flat keys; the next migration drops them.
INSERT INTO county_setting (region_id, region_path, section, value, updated_at)
SELECT r.id, r.path, 'policy',
       (SELECT coalesce(jsonb_object_agg('measureDays.' || e.key, e.value), '{}'::jsonb) FROM jsonb_each(mp.measure_days) e)
       || (SELECT coalesce(jsonb_object_agg('requiredOfficers.' || e.key, e.value), '{}'::jsonb) FROM jsonb_each(mp.required_officers) e)
       || jsonb_strip_nulls(jsonb_build_object('slotWindows', mp.slot_windows, 'leadDeadlineHours', mp.lead_deadline_hours, 'triageDeadlineHours', mp.triage_deadline_hours)),
       mp.updated_at
  FROM management_policy mp JOIN region r ON r.path = mp.region_path;--> statement-breakpoint
INSERT INTO county_setting (region_id, region_path, section, value)
SELECT r.id, r.path, 'report',
       jsonb_build_object('deadline', to_char(s.deadline, 'HH24:MI'), 'correctionWindowHours', s.correction_window_hours, 'reminderMinutesBefore', s.reminder_minutes_before)
  FROM report_setting s JOIN region r ON r.id = s.region_id;--> statement-breakpoint
INSERT INTO county_setting (region_id, region_path, section, value, updated_by, updated_at)
SELECT r.id, r.path, 'checkpoint',
       jsonb_build_object('healthCodeRequired', s.health_code_required, 'itineraryRequired', s.itinerary_required, 'nucleicAcidRequired', s.nucleic_acid_required),
       s.updated_by, s.updated_at
  FROM checkpoint_setting s JOIN region r ON r.id = s.region_id;
