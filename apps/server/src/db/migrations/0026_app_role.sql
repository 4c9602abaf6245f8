-- The application's role (等保 2.0 security audit): it reads and writes the tables of the public
-- schema, may only insert into the audit log, and owns nothing; migrations run as the owner.
-- Roles belong to the whole PostgreSQL server: an owner without CREATEROLE needs the role made
-- beforehand by a superuser (docs/operations.md).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'fangkong_app') THEN
    BEGIN
      CREATE ROLE fangkong_app NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT;
    EXCEPTION WHEN insufficient_privilege THEN
      RAISE EXCEPTION 'The role fangkong_app is missing and % may not create it: as a superuser run "CREATE ROLE fangkong_app NOLOGIN" (see docs/operations.md).', current_user;
    END;
  END IF;
END $$;--> statement-breakpoint
REVOKE CREATE ON SCHEMA public FROM PUBLIC;--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO fangkong_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO fangkong_app;--> statement-breakpoint
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO fangkong_app;--> statement-breakpoint
-- Tables of later migrations, made by the same owner, get the same grants.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO fangkong_app;--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO fangkong_app;--> statement-breakpoint
REVOKE ALL ON "audit_log" FROM fangkong_app;--> statement-breakpoint
GRANT SELECT, INSERT ON "audit_log" TO fangkong_app;--> statement-breakpoint
REVOKE ALL ON "audit_chain" FROM fangkong_app;--> statement-breakpoint
GRANT SELECT ON "audit_chain" TO fangkong_app;--> statement-breakpoint
DO $$
DECLARE part record;
BEGIN
  FOR part IN SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'audit_log'::regclass LOOP
    EXECUTE format('REVOKE ALL ON %I FROM fangkong_app', part.relname);
  END LOOP;
END $$;--> statement-breakpoint
REVOKE ALL ON FUNCTION audit_log_ensure_partitions(timestamptz, timestamptz) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION audit_log_ensure_partitions(timestamptz, timestamptz) TO fangkong_app;--> statement-breakpoint
REVOKE ALL ON FUNCTION audit_log_drop_expired(integer, timestamptz) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION audit_log_drop_expired(integer, timestamptz) TO fangkong_app;--> statement-breakpoint
-- The daily backup, run by the application, records which migrations made the schema.
GRANT USAGE ON SCHEMA drizzle TO fangkong_app;--> statement-breakpoint
GRANT SELECT ON drizzle.__drizzle_migrations TO fangkong_app;
