CREATE TABLE "checkpoint" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_id" uuid NOT NULL,
	"region_path" "ltree" NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"closed_at" timestamp with time zone,
	"facilities" text[] DEFAULT '{}' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "checkpoint_entry" (
	"id" uuid PRIMARY KEY NOT NULL,
	"checkpoint_id" uuid NOT NULL,
	"region_path" "ltree" NOT NULL,
	"kind" text NOT NULL,
	"plate" varchar(10),
	"vehicle_type" text,
	"direction" text NOT NULL,
	"origin" text DEFAULT '' NOT NULL,
	"destination" text DEFAULT '' NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"decision" text NOT NULL,
	"hold_outcome" text,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid,
	"local" boolean NOT NULL,
	"persons" smallint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "checkpoint_occupant" (
	"id" uuid PRIMARY KEY NOT NULL,
	"entry_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"region_path" "ltree" NOT NULL,
	"person_id" uuid,
	"name" text NOT NULL,
	"id_number" varchar(18) NOT NULL,
	"sex" text NOT NULL,
	"birth_date" date NOT NULL,
	"phone" varchar(20),
	"temperature" numeric(3, 1) NOT NULL,
	"health_code" text,
	"itinerary" text,
	"nucleic_acid" text,
	"fever" boolean NOT NULL,
	"risk_area" boolean NOT NULL,
	"lead_id" uuid
);
--> statement-breakpoint
CREATE TABLE "checkpoint_stat" (
	"checkpoint_id" uuid NOT NULL,
	"region_path" "ltree" NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"vehicles" integer DEFAULT 0 NOT NULL,
	"pedestrians" integer DEFAULT 0 NOT NULL,
	"persons" integer DEFAULT 0 NOT NULL,
	"turned_back" integer DEFAULT 0 NOT NULL,
	"held" integer DEFAULT 0 NOT NULL,
	"fevers" integer DEFAULT 0 NOT NULL,
	"risk_area" integer DEFAULT 0 NOT NULL,
	"local_persons" integer DEFAULT 0 NOT NULL,
	"local_vehicles" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "duty_shift" (
	"id" uuid PRIMARY KEY NOT NULL,
	"checkpoint_id" uuid NOT NULL,
	"region_path" "ltree" NOT NULL,
	"day" date NOT NULL,
	"members" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "checkpoint" ADD CONSTRAINT "checkpoint_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkpoint_entry" ADD CONSTRAINT "checkpoint_entry_checkpoint_id_checkpoint_id_fk" FOREIGN KEY ("checkpoint_id") REFERENCES "public"."checkpoint"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkpoint_entry" ADD CONSTRAINT "checkpoint_entry_recorded_by_app_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkpoint_occupant" ADD CONSTRAINT "checkpoint_occupant_entry_id_checkpoint_entry_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."checkpoint_entry"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkpoint_occupant" ADD CONSTRAINT "checkpoint_occupant_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkpoint_stat" ADD CONSTRAINT "checkpoint_stat_checkpoint_id_checkpoint_id_fk" FOREIGN KEY ("checkpoint_id") REFERENCES "public"."checkpoint"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_shift" ADD CONSTRAINT "duty_shift_checkpoint_id_checkpoint_id_fk" FOREIGN KEY ("checkpoint_id") REFERENCES "public"."checkpoint"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "checkpoint_region_path_gist" ON "checkpoint" USING gist ("region_path");--> statement-breakpoint
CREATE INDEX "checkpoint_entry_checkpoint_recorded_idx" ON "checkpoint_entry" USING btree ("checkpoint_id","recorded_at");--> statement-breakpoint
CREATE INDEX "checkpoint_entry_plate_idx" ON "checkpoint_entry" USING btree ("plate","recorded_at");--> statement-breakpoint
CREATE INDEX "checkpoint_entry_region_path_gist" ON "checkpoint_entry" USING gist ("region_path");--> statement-breakpoint
CREATE INDEX "checkpoint_occupant_entry_idx" ON "checkpoint_occupant" USING btree ("entry_id");--> statement-breakpoint
CREATE INDEX "checkpoint_occupant_id_number_idx" ON "checkpoint_occupant" USING btree ("id_number");--> statement-breakpoint
CREATE UNIQUE INDEX "checkpoint_stat_uq" ON "checkpoint_stat" USING btree ("checkpoint_id","hour");--> statement-breakpoint
CREATE INDEX "checkpoint_stat_region_hour_idx" ON "checkpoint_stat" USING gist ("region_path");--> statement-breakpoint
CREATE UNIQUE INDEX "duty_shift_checkpoint_day_uq" ON "duty_shift" USING btree ("checkpoint_id","day");--> statement-breakpoint
CREATE INDEX "duty_shift_region_path_gist" ON "duty_shift" USING gist ("region_path");