CREATE TABLE "check_alert" (
	"id" uuid PRIMARY KEY NOT NULL,
	"key_person_id" uuid NOT NULL,
	"region_path" "ltree" NOT NULL,
	"day" date NOT NULL,
	"slot" text NOT NULL,
	"level" text DEFAULT 'gridWorker' NOT NULL,
	"overdue_at" timestamp with time zone NOT NULL,
	"escalated_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "check_in_link" (
	"id" uuid PRIMARY KEY NOT NULL,
	"key_person_id" uuid NOT NULL,
	"token_hash" varchar(64) NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "check_in_link_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "health_check" (
	"id" uuid PRIMARY KEY NOT NULL,
	"key_person_id" uuid NOT NULL,
	"region_path" "ltree" NOT NULL,
	"day" date NOT NULL,
	"slot" text NOT NULL,
	"temperature" numeric(3, 1) NOT NULL,
	"symptoms" text[] DEFAULT '{}' NOT NULL,
	"measured_by" text NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL,
	"late" boolean DEFAULT false NOT NULL,
	"corrects_id" uuid,
	"correction_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "key_person" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"lead_id" uuid,
	"region_id" uuid NOT NULL,
	"region_path" "ltree" NOT NULL,
	"category" text NOT NULL,
	"source" text NOT NULL,
	"measure" text NOT NULL,
	"start_date" date NOT NULL,
	"planned_end_date" date NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"status_reason" text,
	"closed_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "key_person_event" (
	"id" uuid PRIMARY KEY NOT NULL,
	"key_person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"from_value" text,
	"to_value" text,
	"reason" text,
	"actor_id" uuid,
	"actor_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "management_policy" (
	"region_path" "ltree" PRIMARY KEY NOT NULL,
	"measure_days" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"required_officers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"slot_windows" jsonb,
	"lead_deadline_hours" integer,
	"triage_deadline_hours" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "responsible_officer" (
	"id" uuid PRIMARY KEY NOT NULL,
	"key_person_id" uuid NOT NULL,
	"region_path" "ltree" NOT NULL,
	"role" text NOT NULL,
	"name" text NOT NULL,
	"phone" varchar(20),
	"user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "triage_task" (
	"id" uuid PRIMARY KEY NOT NULL,
	"key_person_id" uuid NOT NULL,
	"health_check_id" uuid NOT NULL,
	"region_path" "ltree" NOT NULL,
	"temperature" numeric(3, 1) NOT NULL,
	"symptoms" text[] DEFAULT '{}' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"escalated_at" timestamp with time zone,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid,
	"outcome" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "lead" ADD COLUMN "escalated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "lead" ADD COLUMN "resolved_by" uuid;--> statement-breakpoint
ALTER TABLE "check_alert" ADD CONSTRAINT "check_alert_key_person_id_key_person_id_fk" FOREIGN KEY ("key_person_id") REFERENCES "public"."key_person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in_link" ADD CONSTRAINT "check_in_link_key_person_id_key_person_id_fk" FOREIGN KEY ("key_person_id") REFERENCES "public"."key_person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_check" ADD CONSTRAINT "health_check_key_person_id_key_person_id_fk" FOREIGN KEY ("key_person_id") REFERENCES "public"."key_person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_check" ADD CONSTRAINT "health_check_recorded_by_app_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_person" ADD CONSTRAINT "key_person_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_person" ADD CONSTRAINT "key_person_lead_id_lead_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."lead"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_person" ADD CONSTRAINT "key_person_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_person" ADD CONSTRAINT "key_person_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_person_event" ADD CONSTRAINT "key_person_event_key_person_id_key_person_id_fk" FOREIGN KEY ("key_person_id") REFERENCES "public"."key_person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responsible_officer" ADD CONSTRAINT "responsible_officer_key_person_id_key_person_id_fk" FOREIGN KEY ("key_person_id") REFERENCES "public"."key_person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responsible_officer" ADD CONSTRAINT "responsible_officer_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "triage_task" ADD CONSTRAINT "triage_task_key_person_id_key_person_id_fk" FOREIGN KEY ("key_person_id") REFERENCES "public"."key_person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "triage_task" ADD CONSTRAINT "triage_task_health_check_id_health_check_id_fk" FOREIGN KEY ("health_check_id") REFERENCES "public"."health_check"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "triage_task" ADD CONSTRAINT "triage_task_acknowledged_by_app_user_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "check_alert_slot_uq" ON "check_alert" USING btree ("key_person_id","day","slot");--> statement-breakpoint
CREATE INDEX "check_alert_region_path_gist" ON "check_alert" USING gist ("region_path");--> statement-breakpoint
CREATE INDEX "check_alert_open_idx" ON "check_alert" USING btree ("resolved_at");--> statement-breakpoint
CREATE UNIQUE INDEX "health_check_slot_uq" ON "health_check" USING btree ("key_person_id","day","slot") WHERE corrects_id IS NULL;--> statement-breakpoint
CREATE INDEX "health_check_region_path_gist" ON "health_check" USING gist ("region_path");--> statement-breakpoint
CREATE INDEX "health_check_day_idx" ON "health_check" USING btree ("day");--> statement-breakpoint
CREATE INDEX "key_person_region_path_gist" ON "key_person" USING gist ("region_path");--> statement-breakpoint
CREATE UNIQUE INDEX "key_person_open_person_uq" ON "key_person" USING btree ("person_id") WHERE status IN ('active', 'hospitalized', 'lostToFollowUp');--> statement-breakpoint
CREATE INDEX "key_person_status_end_idx" ON "key_person" USING btree ("status","planned_end_date");--> statement-breakpoint
CREATE INDEX "key_person_event_kp_idx" ON "key_person_event" USING btree ("key_person_id");--> statement-breakpoint
CREATE INDEX "responsible_officer_kp_idx" ON "responsible_officer" USING btree ("key_person_id");--> statement-breakpoint
CREATE INDEX "responsible_officer_user_idx" ON "responsible_officer" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "responsible_officer_uq" ON "responsible_officer" USING btree ("key_person_id","role","name");--> statement-breakpoint
CREATE INDEX "triage_task_region_path_gist" ON "triage_task" USING gist ("region_path");--> statement-breakpoint
CREATE INDEX "triage_task_status_idx" ON "triage_task" USING btree ("status","deadline");