-- The audit log becomes partitioned by month (Asia/Shanghai) and hash-chained per day: each row
-- carries the hash of the row before it in its day, set by a trigger that holds the day's chain
-- head locked until commit, so concurrent writers append one after the other.
ALTER TABLE "audit_log" RENAME TO "audit_log_unpartitioned";--> statement-breakpoint
ALTER TABLE "audit_log_unpartitioned" RENAME CONSTRAINT "audit_log_pkey" TO "audit_log_unpartitioned_pkey";--> statement-breakpoint
ALTER INDEX "audit_log_at_idx" RENAME TO "audit_log_unpartitioned_at_idx";--> statement-breakpoint
ALTER INDEX "audit_log_event_idx" RENAME TO "audit_log_unpartitioned_event_idx";--> statement-breakpoint
ALTER INDEX "audit_log_actor_idx" RENAME TO "audit_log_unpartitioned_actor_idx";--> statement-breakpoint
CREATE TABLE "audit_log" (
  "id" uuid NOT NULL,
  "at" timestamp with time zone DEFAULT now() NOT NULL,
  "actor_id" uuid,
  "actor_name" text,
  "event" text NOT NULL,
  "target_type" text,
  "target_id" text,
  "region_path" ltree,
  "ip" text,
  "user_agent" text,
  "detail" jsonb,
  "seq" bigint,
  "prev_hash" text,
  "hash" text,
  CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id", "at")
) PARTITION BY RANGE ("at");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audit_log_event_idx" ON "audit_log" USING btree ("event","at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_id","at" DESC NULLS LAST);--> statement-breakpoint
-- Rows outside every monthly partition (a clock far off) land here rather than fail the change they audit.
CREATE TABLE "audit_log_default" PARTITION OF "audit_log" DEFAULT;--> statement-breakpoint
-- The head of each day's chain: its last position and hash.
CREATE TABLE "audit_chain" (
  "day" date PRIMARY KEY,
  "seq" bigint NOT NULL,
  "hash" text NOT NULL
);--> statement-breakpoint
-- The hash of one row: SHA-256 of the previous row's hash and the row's fields as a JSON array.
CREATE FUNCTION audit_log_row_hash(prev_hash text, seq bigint, id uuid, at timestamptz, actor_id uuid, actor_name text, event text,
  target_type text, target_id text, region_path ltree, ip text, user_agent text, detail jsonb) RETURNS text LANGUAGE sql STABLE
SET search_path = public, pg_temp AS $$
  SELECT encode(sha256(convert_to(coalesce(prev_hash, '') || jsonb_build_array(
    seq, id, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), actor_id, actor_name, event,
    target_type, target_id, region_path::text, ip, user_agent, detail
  )::text, 'UTF8')), 'hex')
$$;--> statement-breakpoint
CREATE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
DECLARE
  d date := (NEW.at AT TIME ZONE 'Asia/Shanghai')::date;
  head_seq bigint;
  head_hash text;
BEGIN
  SELECT seq, hash INTO head_seq, head_hash FROM audit_chain WHERE day = d FOR UPDATE;
  IF NOT FOUND THEN
    INSERT INTO audit_chain (day, seq, hash) VALUES (d, 0, '') ON CONFLICT (day) DO NOTHING;
    SELECT seq, hash INTO head_seq, head_hash FROM audit_chain WHERE day = d FOR UPDATE;
  END IF;
  NEW.seq := head_seq + 1;
  NEW.prev_hash := head_hash;
  NEW.hash := audit_log_row_hash(NEW.prev_hash, NEW.seq, NEW.id, NEW.at, NEW.actor_id, NEW.actor_name, NEW.event,
    NEW.target_type, NEW.target_id, NEW.region_path, NEW.ip, NEW.user_agent, NEW.detail);
  UPDATE audit_chain SET seq = NEW.seq, hash = NEW.hash WHERE day = d;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER audit_log_chain BEFORE INSERT ON "audit_log" FOR EACH ROW EXECUTE FUNCTION audit_log_chain();--> statement-breakpoint
-- Creates the monthly partitions from the month of `from_at` to that of `to_at` that do not exist
-- yet; a month whose rows already sit in the default partition is left there. Returns how many.
CREATE FUNCTION audit_log_ensure_partitions(from_at timestamptz, to_at timestamptz) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  m date := date_trunc('month', from_at AT TIME ZONE 'Asia/Shanghai')::date;
  last_month date := date_trunc('month', to_at AT TIME ZONE 'Asia/Shanghai')::date;
  lo timestamptz;
  hi timestamptz;
  name text;
  made integer := 0;
BEGIN
  WHILE m <= last_month LOOP
    name := 'audit_log_' || to_char(m, 'YYYY_MM');
    lo := m::timestamp AT TIME ZONE 'Asia/Shanghai';
    hi := (m + interval '1 month')::timestamp AT TIME ZONE 'Asia/Shanghai';
    IF to_regclass(name) IS NULL AND NOT EXISTS (SELECT 1 FROM audit_log_default WHERE at >= lo AND at < hi) THEN
      EXECUTE format('CREATE TABLE %I PARTITION OF audit_log FOR VALUES FROM (%L) TO (%L)', name, lo, hi);
      -- Direct access to a partition bypasses the parent's grants: the application gets none.
      IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'fangkong_app') THEN
        EXECUTE format('REVOKE ALL ON %I FROM fangkong_app', name);
      END IF;
      made := made + 1;
    END IF;
    m := m + interval '1 month';
  END LOOP;
  RETURN made;
END $$;--> statement-breakpoint
-- Drops the monthly partitions (and chain heads) wholly older than `keep_months` months before
-- `as_of`; never fewer than 6 months (等保 2.0 and the Cybersecurity Law ask for at least 6). Returns how many.
CREATE FUNCTION audit_log_drop_expired(keep_months integer, as_of timestamptz) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  cutoff date;
  part record;
  dropped integer := 0;
BEGIN
  IF keep_months IS NULL OR keep_months < 6 THEN
    RAISE EXCEPTION 'audit rows are kept at least 6 months (asked: %)', keep_months;
  END IF;
  cutoff := (date_trunc('month', as_of AT TIME ZONE 'Asia/Shanghai') - make_interval(months => keep_months))::date;
  FOR part IN
    SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = 'audit_log'::regclass AND c.relname ~ '^audit_log_\d{4}_\d{2}$'
      AND to_date(substr(c.relname, 11), 'YYYY_MM') < cutoff
  LOOP
    EXECUTE format('DROP TABLE %I', part.relname);
    dropped := dropped + 1;
  END LOOP;
  DELETE FROM audit_chain WHERE day < cutoff AND NOT EXISTS (
    SELECT 1 FROM audit_log_default WHERE (at AT TIME ZONE 'Asia/Shanghai')::date = audit_chain.day);
  RETURN dropped;
END $$;--> statement-breakpoint
SELECT audit_log_ensure_partitions(coalesce((SELECT min(at) FROM audit_log_unpartitioned), now()), now() + interval '2 months');--> statement-breakpoint
INSERT INTO "audit_log" ("id", "at", "actor_id", "actor_name", "event", "target_type", "target_id", "region_path", "ip", "user_agent", "detail")
  SELECT "id", "at", "actor_id", "actor_name", "event", "target_type", "target_id", "region_path", "ip", "user_agent", "detail"
  FROM "audit_log_unpartitioned" ORDER BY "at", "id";--> statement-breakpoint
DROP TABLE "audit_log_unpartitioned";
