-- Custom SQL migration file, put your code below! --
-- The edit version (ETag / If-Match) of the records people edit goes up by one whenever one of
-- their editable fields changes, whoever writes it (a form, an import, a merge, a move), so no
-- writer can forget it; counters kept by other triggers (key_person.officers …) do not count.
CREATE OR REPLACE FUNCTION fangkong_bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.version := OLD.version + 1;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER person_version BEFORE UPDATE ON person FOR EACH ROW
  WHEN ((OLD.id_number, OLD.name, OLD.sex, OLD.birth_date, OLD.phone, OLD.household_id, OLD.region_path, OLD.registered_region_code, OLD.vulnerable_groups, OLD.guardian_name)
        IS DISTINCT FROM (NEW.id_number, NEW.name, NEW.sex, NEW.birth_date, NEW.phone, NEW.household_id, NEW.region_path, NEW.registered_region_code, NEW.vulnerable_groups, NEW.guardian_name))
  EXECUTE FUNCTION fangkong_bump_version();--> statement-breakpoint
CREATE TRIGGER household_version BEFORE UPDATE ON household FOR EACH ROW
  WHEN ((OLD.address, OLD.grid_id, OLD.head_person_id, OLD.phone, OLD.status, OLD.region_path)
        IS DISTINCT FROM (NEW.address, NEW.grid_id, NEW.head_person_id, NEW.phone, NEW.status, NEW.region_path))
  EXECUTE FUNCTION fangkong_bump_version();--> statement-breakpoint
CREATE TRIGGER key_person_version BEFORE UPDATE ON key_person FOR EACH ROW
  WHEN ((OLD.category, OLD.measure, OLD.planned_end_date, OLD.status, OLD.status_reason, OLD.region_path)
        IS DISTINCT FROM (NEW.category, NEW.measure, NEW.planned_end_date, NEW.status, NEW.status_reason, NEW.region_path))
  EXECUTE FUNCTION fangkong_bump_version();
