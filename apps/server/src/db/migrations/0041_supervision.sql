CREATE TABLE "finding" (
	"id" uuid PRIMARY KEY NOT NULL,
	"inspection_id" uuid NOT NULL,
	"item_key" text,
	"region_id" uuid NOT NULL,
	"region_path" "ltree" NOT NULL,
	"responsible_person" text,
	"description" text NOT NULL,
	"severity" text NOT NULL,
	"deadline" date NOT NULL,
	"status" text DEFAULT 'assigned' NOT NULL,
	"evidence" text,
	"review_note" text,
	"reported_at" timestamp with time zone,
	"reported_by" uuid,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_id" uuid NOT NULL,
	"region_path" "ltree" NOT NULL,
	"place_kind" text NOT NULL,
	"place_id" uuid,
	"place_name" text NOT NULL,
	"unannounced" boolean NOT NULL,
	"group_id" uuid,
	"inspected_at" timestamp with time zone NOT NULL,
	"inspector_id" uuid NOT NULL,
	"inspector_name" text NOT NULL,
	"answers" jsonb NOT NULL,
	"remarks" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_checklist" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_path" "ltree" NOT NULL,
	"place_kind" text NOT NULL,
	"items" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "supervision_group" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_path" "ltree" NOT NULL,
	"name" text NOT NULL,
	"leader_name" text NOT NULL,
	"leader_title" text,
	"members" text[] DEFAULT '{}' NOT NULL,
	"topics" text,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_group_township" (
	"group_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"region_path" "ltree" NOT NULL,
	CONSTRAINT "supervision_group_township_group_id_region_id_pk" PRIMARY KEY("group_id","region_id")
);
--> statement-breakpoint
ALTER TABLE "finding" ADD CONSTRAINT "finding_inspection_id_inspection_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspection"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding" ADD CONSTRAINT "finding_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding" ADD CONSTRAINT "finding_reported_by_app_user_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding" ADD CONSTRAINT "finding_closed_by_app_user_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding" ADD CONSTRAINT "finding_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection" ADD CONSTRAINT "inspection_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection" ADD CONSTRAINT "inspection_group_id_supervision_group_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."supervision_group"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection" ADD CONSTRAINT "inspection_inspector_id_app_user_id_fk" FOREIGN KEY ("inspector_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_checklist" ADD CONSTRAINT "inspection_checklist_updated_by_app_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_group_township" ADD CONSTRAINT "supervision_group_township_group_id_supervision_group_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."supervision_group"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_group_township" ADD CONSTRAINT "supervision_group_township_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "finding_region_path_gist" ON "finding" USING gist ("region_path");--> statement-breakpoint
CREATE INDEX "finding_inspection_idx" ON "finding" USING btree ("inspection_id");--> statement-breakpoint
CREATE INDEX "finding_status_deadline_idx" ON "finding" USING btree ("status","deadline");--> statement-breakpoint
CREATE INDEX "inspection_region_path_gist" ON "inspection" USING gist ("region_path");--> statement-breakpoint
CREATE INDEX "inspection_inspected_at_idx" ON "inspection" USING btree ("inspected_at");--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_checklist_county_kind_idx" ON "inspection_checklist" USING btree ("region_path","place_kind");--> statement-breakpoint
CREATE INDEX "supervision_group_region_path_gist" ON "supervision_group" USING gist ("region_path");--> statement-breakpoint
CREATE INDEX "supervision_group_township_path_gist" ON "supervision_group_township" USING gist ("region_path");