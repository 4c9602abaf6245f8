CREATE TABLE "lead" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid,
	"name" text NOT NULL,
	"id_number" varchar(18),
	"phone" varchar(20),
	"region_id" uuid NOT NULL,
	"region_path" "ltree" NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolution" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lead_source" (
	"id" uuid PRIMARY KEY NOT NULL,
	"lead_id" uuid NOT NULL,
	"source" text NOT NULL,
	"source_ref" uuid,
	"reasons" text[] NOT NULL,
	"detail" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_area" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_path" "ltree" NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "lead" ADD CONSTRAINT "lead_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead" ADD CONSTRAINT "lead_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_source" ADD CONSTRAINT "lead_source_lead_id_lead_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."lead"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lead_region_path_gist" ON "lead" USING gist ("region_path");--> statement-breakpoint
CREATE INDEX "lead_person_idx" ON "lead" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "lead_status_deadline_idx" ON "lead" USING btree ("status","deadline");--> statement-breakpoint
CREATE INDEX "lead_source_lead_idx" ON "lead_source" USING btree ("lead_id");--> statement-breakpoint
CREATE INDEX "lead_source_ref_idx" ON "lead_source" USING btree ("source_ref");--> statement-breakpoint
CREATE INDEX "risk_area_region_path_gist" ON "risk_area" USING gist ("region_path");