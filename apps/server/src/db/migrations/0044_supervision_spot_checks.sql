CREATE TABLE "spot_check" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_id" uuid NOT NULL,
	"region_path" "ltree" NOT NULL,
	"section" text NOT NULL,
	"figure" text NOT NULL,
	"report_day" date NOT NULL,
	"list_api" text NOT NULL,
	"list_query" jsonb NOT NULL,
	"seed" integer NOT NULL,
	"population" integer NOT NULL,
	"inspector_id" uuid NOT NULL,
	"inspector_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "spot_check_record" (
	"id" uuid PRIMARY KEY NOT NULL,
	"spot_check_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"record_id" uuid NOT NULL,
	"label" text NOT NULL,
	"region_id" uuid NOT NULL,
	"region_path" "ltree" NOT NULL,
	"outcome" text DEFAULT 'pending' NOT NULL,
	"note" text,
	"checked_at" timestamp with time zone,
	"checked_by" uuid,
	"finding_id" uuid
);
--> statement-breakpoint
ALTER TABLE "finding" ALTER COLUMN "inspection_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "finding" ADD COLUMN "spot_check_id" uuid;--> statement-breakpoint
ALTER TABLE "finding" ADD COLUMN "waiting_store_id" uuid;--> statement-breakpoint
ALTER TABLE "finding" ADD COLUMN "waiting_item_id" uuid;--> statement-breakpoint
ALTER TABLE "finding" ADD COLUMN "waiting_note" text;--> statement-breakpoint
ALTER TABLE "finding" ADD COLUMN "waiting_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "finding" ADD COLUMN "waiting_ended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "inspection" ADD COLUMN "cadres" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "spot_check" ADD CONSTRAINT "spot_check_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spot_check" ADD CONSTRAINT "spot_check_inspector_id_app_user_id_fk" FOREIGN KEY ("inspector_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spot_check_record" ADD CONSTRAINT "spot_check_record_spot_check_id_spot_check_id_fk" FOREIGN KEY ("spot_check_id") REFERENCES "public"."spot_check"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spot_check_record" ADD CONSTRAINT "spot_check_record_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spot_check_record" ADD CONSTRAINT "spot_check_record_checked_by_app_user_id_fk" FOREIGN KEY ("checked_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "spot_check_region_path_gist" ON "spot_check" USING gist ("region_path");--> statement-breakpoint
CREATE INDEX "spot_check_record_check_idx" ON "spot_check_record" USING btree ("spot_check_id","position");--> statement-breakpoint
CREATE INDEX "spot_check_record_region_path_gist" ON "spot_check_record" USING gist ("region_path");--> statement-breakpoint
ALTER TABLE "finding" ADD CONSTRAINT "finding_spot_check_id_spot_check_id_fk" FOREIGN KEY ("spot_check_id") REFERENCES "public"."spot_check"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding" ADD CONSTRAINT "finding_waiting_store_id_supply_store_id_fk" FOREIGN KEY ("waiting_store_id") REFERENCES "public"."supply_store"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding" ADD CONSTRAINT "finding_waiting_item_id_supply_item_id_fk" FOREIGN KEY ("waiting_item_id") REFERENCES "public"."supply_item"("id") ON DELETE no action ON UPDATE no action;