CREATE TABLE "sentinel" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_id" uuid NOT NULL,
	"region_path" "ltree" NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"licence_no" text,
	"contact" text,
	"phone" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sentinel_account" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"sentinel_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sentinel_sale" (
	"id" uuid PRIMARY KEY NOT NULL,
	"sentinel_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"region_path" "ltree" NOT NULL,
	"person_id" uuid,
	"name" text NOT NULL,
	"id_number" text NOT NULL,
	"id_number_bidx" text GENERATED ALWAYS AS (nullif(split_part(id_number, '$', 2), '')) STORED,
	"phone" text,
	"drug_classes" text[] NOT NULL,
	"symptoms" text[] NOT NULL,
	"sold_at" timestamp with time zone NOT NULL,
	"lead_id" uuid,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "walk_in" (
	"id" uuid PRIMARY KEY NOT NULL,
	"sentinel_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"region_path" "ltree" NOT NULL,
	"person_id" uuid,
	"name" text NOT NULL,
	"id_number" text NOT NULL,
	"id_number_bidx" text GENERATED ALWAYS AS (nullif(split_part(id_number, '$', 2), '')) STORED,
	"phone" text,
	"temperature" numeric(3, 1) NOT NULL,
	"symptoms" text[] NOT NULL,
	"arrived_at" timestamp with time zone NOT NULL,
	"referred_to" text,
	"transferred_at" timestamp with time zone,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "triage_task" ALTER COLUMN "key_person_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "triage_task" ALTER COLUMN "health_check_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "triage_task" ADD COLUMN "walk_in_id" uuid;--> statement-breakpoint
ALTER TABLE "sentinel" ADD CONSTRAINT "sentinel_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sentinel_account" ADD CONSTRAINT "sentinel_account_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sentinel_account" ADD CONSTRAINT "sentinel_account_sentinel_id_sentinel_id_fk" FOREIGN KEY ("sentinel_id") REFERENCES "public"."sentinel"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sentinel_sale" ADD CONSTRAINT "sentinel_sale_sentinel_id_sentinel_id_fk" FOREIGN KEY ("sentinel_id") REFERENCES "public"."sentinel"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sentinel_sale" ADD CONSTRAINT "sentinel_sale_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sentinel_sale" ADD CONSTRAINT "sentinel_sale_lead_id_lead_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."lead"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "walk_in" ADD CONSTRAINT "walk_in_sentinel_id_sentinel_id_fk" FOREIGN KEY ("sentinel_id") REFERENCES "public"."sentinel"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "walk_in" ADD CONSTRAINT "walk_in_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sentinel_region_path_gist" ON "sentinel" USING gist ("region_path");--> statement-breakpoint
CREATE INDEX "sentinel_sale_region_path_gist" ON "sentinel_sale" USING gist ("region_path");--> statement-breakpoint
CREATE INDEX "sentinel_sale_sentinel_sold_idx" ON "sentinel_sale" USING btree ("sentinel_id","sold_at");--> statement-breakpoint
CREATE INDEX "sentinel_sale_sold_idx" ON "sentinel_sale" USING btree ("sold_at");--> statement-breakpoint
CREATE INDEX "walk_in_region_path_gist" ON "walk_in" USING gist ("region_path");--> statement-breakpoint
ALTER TABLE "triage_task" ADD CONSTRAINT "triage_task_walk_in_id_walk_in_id_fk" FOREIGN KEY ("walk_in_id") REFERENCES "public"."walk_in"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "triage_task" ADD CONSTRAINT "triage_task_subject_ck" CHECK ((key_person_id IS NOT NULL AND health_check_id IS NOT NULL) <> (walk_in_id IS NOT NULL));