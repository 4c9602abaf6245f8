CREATE TABLE "daily_report" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_id" uuid NOT NULL,
	"region_path" "ltree" NOT NULL,
	"report_date" date NOT NULL,
	"version" integer NOT NULL,
	"is_zero" boolean DEFAULT false NOT NULL,
	"figures" jsonb NOT NULL,
	"remarks" text,
	"problems" text,
	"suggestions" text,
	"correction_reason" text,
	"submitted_by" uuid NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"late" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_setting" (
	"region_id" uuid PRIMARY KEY NOT NULL,
	"deadline" time DEFAULT '18:00' NOT NULL,
	"correction_window_hours" integer DEFAULT 48 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "daily_report" ADD CONSTRAINT "daily_report_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "daily_report" ADD CONSTRAINT "daily_report_submitted_by_app_user_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_setting" ADD CONSTRAINT "report_setting_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "daily_report_version_uq" ON "daily_report" USING btree ("region_id","report_date","version");--> statement-breakpoint
CREATE INDEX "daily_report_day_idx" ON "daily_report" USING btree ("report_date");--> statement-breakpoint
CREATE INDEX "daily_report_region_path_gist" ON "daily_report" USING gist ("region_path");