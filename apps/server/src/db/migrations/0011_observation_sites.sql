CREATE TABLE "observation_bed" (
	"id" uuid PRIMARY KEY NOT NULL,
	"site_id" uuid NOT NULL,
	"room" text NOT NULL,
	"bed" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "observation_site" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_id" uuid NOT NULL,
	"region_path" "ltree" NOT NULL,
	"name" text NOT NULL,
	"address" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "placement" (
	"id" uuid PRIMARY KEY NOT NULL,
	"site_id" uuid NOT NULL,
	"bed_id" uuid NOT NULL,
	"key_person_id" uuid NOT NULL,
	"region_path" "ltree" NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "observation_bed" ADD CONSTRAINT "observation_bed_site_id_observation_site_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."observation_site"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_site" ADD CONSTRAINT "observation_site_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement" ADD CONSTRAINT "placement_site_id_observation_site_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."observation_site"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement" ADD CONSTRAINT "placement_bed_id_observation_bed_id_fk" FOREIGN KEY ("bed_id") REFERENCES "public"."observation_bed"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement" ADD CONSTRAINT "placement_key_person_id_key_person_id_fk" FOREIGN KEY ("key_person_id") REFERENCES "public"."key_person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "observation_bed_uq" ON "observation_bed" USING btree ("site_id","room","bed");--> statement-breakpoint
CREATE INDEX "observation_site_region_path_gist" ON "observation_site" USING gist ("region_path");--> statement-breakpoint
CREATE UNIQUE INDEX "placement_open_bed_uq" ON "placement" USING btree ("bed_id") WHERE ended_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "placement_open_person_uq" ON "placement" USING btree ("key_person_id") WHERE ended_at IS NULL;--> statement-breakpoint
CREATE INDEX "placement_site_idx" ON "placement" USING btree ("site_id");--> statement-breakpoint
CREATE INDEX "health_check_kp_day_idx" ON "health_check" USING btree ("key_person_id","day","slot","created_at");