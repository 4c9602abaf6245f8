-- Custom SQL migration file, put your code below! ---- An encrypted value differs at every write (random nonce) even when the ID number or phone is
-- the same: the edit version compares what the value stands for, its blind index (the part after
-- the key id), so saving a form unchanged does not look like someone else's change.
CREATE OR REPLACE FUNCTION fangkong_personal_key(v text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN strpos(v, '$') > 0 THEN split_part(v, '$', 2) ELSE v END
$$;--> statement-breakpoint
CREATE TRIGGER person_version BEFORE UPDATE ON person FOR EACH ROW
  WHEN ((fangkong_personal_key(OLD.id_number), OLD.name, OLD.sex, OLD.birth_date, fangkong_personal_key(OLD.phone), OLD.household_id, OLD.region_path, OLD.registered_region_code, OLD.vulnerable_groups, OLD.guardian_name)
        IS DISTINCT FROM (fangkong_personal_key(NEW.id_number), NEW.name, NEW.sex, NEW.birth_date, fangkong_personal_key(NEW.phone), NEW.household_id, NEW.region_path, NEW.registered_region_code, NEW.vulnerable_groups, NEW.guardian_name))
  EXECUTE FUNCTION fangkong_bump_version();--> statement-breakpoint
CREATE TRIGGER household_version BEFORE UPDATE ON household FOR EACH ROW
  WHEN ((OLD.address, OLD.grid_id, OLD.head_person_id, fangkong_personal_key(OLD.phone), OLD.status, OLD.region_path)
        IS DISTINCT FROM (NEW.address, NEW.grid_id, NEW.head_person_id, fangkong_personal_key(NEW.phone), NEW.status, NEW.region_path))
  EXECUTE FUNCTION fangkong_bump_version();
