CREATE TABLE "person_merge" (
	"id" uuid PRIMARY KEY NOT NULL,
	"survivor_id" uuid NOT NULL,
	"merged_id" uuid NOT NULL,
	"snapshot" jsonb NOT NULL,
	"region_path" "ltree" NOT NULL,
	"merged_by" uuid,
	"merged_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person_move" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"from_household_id" uuid,
	"to_household_id" uuid,
	"region_path" "ltree" NOT NULL,
	"moved_at" timestamp with time zone DEFAULT now() NOT NULL,
	"moved_by" uuid,
	"reason" text,
	"effective_on" date
);
--> statement-breakpoint
CREATE TABLE "screening_round" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_id" uuid NOT NULL,
	"region_path" "ltree" NOT NULL,
	"name" text NOT NULL,
	"purpose" text,
	"starts_on" date NOT NULL,
	"deadline" date NOT NULL,
	"travel_since" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visit" (
	"id" uuid PRIMARY KEY NOT NULL,
	"round_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"region_path" "ltree" NOT NULL,
	"grid_id" uuid,
	"outcome" text NOT NULL,
	"pledge_signed" boolean DEFAULT false NOT NULL,
	"notices" text[] DEFAULT '{}' NOT NULL,
	"note" text,
	"visited_at" timestamp with time zone NOT NULL,
	"visitor_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visit_member" (
	"id" uuid PRIMARY KEY NOT NULL,
	"visit_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"present" boolean NOT NULL,
	"away_place" text,
	"travel" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"symptoms" text[] DEFAULT '{}' NOT NULL,
	"temperature" numeric(3, 1),
	"discovered" boolean DEFAULT false NOT NULL,
	"lead_id" uuid,
	"region_path" "ltree" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "person" ADD COLUMN "guardian_name" text;--> statement-breakpoint
ALTER TABLE "person_merge" ADD CONSTRAINT "person_merge_survivor_id_person_id_fk" FOREIGN KEY ("survivor_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_merge" ADD CONSTRAINT "person_merge_merged_by_app_user_id_fk" FOREIGN KEY ("merged_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_move" ADD CONSTRAINT "person_move_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_move" ADD CONSTRAINT "person_move_from_household_id_household_id_fk" FOREIGN KEY ("from_household_id") REFERENCES "public"."household"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_move" ADD CONSTRAINT "person_move_to_household_id_household_id_fk" FOREIGN KEY ("to_household_id") REFERENCES "public"."household"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_move" ADD CONSTRAINT "person_move_moved_by_app_user_id_fk" FOREIGN KEY ("moved_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_round" ADD CONSTRAINT "screening_round_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_round" ADD CONSTRAINT "screening_round_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit" ADD CONSTRAINT "visit_round_id_screening_round_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."screening_round"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit" ADD CONSTRAINT "visit_household_id_household_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."household"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit" ADD CONSTRAINT "visit_grid_id_grid_id_fk" FOREIGN KEY ("grid_id") REFERENCES "public"."grid"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit" ADD CONSTRAINT "visit_visitor_id_app_user_id_fk" FOREIGN KEY ("visitor_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_member" ADD CONSTRAINT "visit_member_visit_id_visit_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visit"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_member" ADD CONSTRAINT "visit_member_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "person_merge_survivor_idx" ON "person_merge" USING btree ("survivor_id");--> statement-breakpoint
CREATE INDEX "person_move_person_idx" ON "person_move" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "screening_round_region_path_gist" ON "screening_round" USING gist ("region_path");--> statement-breakpoint
CREATE INDEX "visit_round_household_idx" ON "visit" USING btree ("round_id","household_id","visited_at");--> statement-breakpoint
CREATE INDEX "visit_region_path_gist" ON "visit" USING gist ("region_path");--> statement-breakpoint
CREATE INDEX "visit_member_visit_idx" ON "visit_member" USING btree ("visit_id");--> statement-breakpoint
CREATE INDEX "visit_member_person_idx" ON "visit_member" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "person_phone_idx" ON "person" USING btree ("phone");--> statement-breakpoint
CREATE INDEX "person_name_idx" ON "person" USING btree ("name");--> statement-breakpoint
CREATE INDEX "person_id_number_suffix_idx" ON "person" USING btree (reverse("id_number") text_pattern_ops);