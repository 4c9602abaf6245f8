CREATE TABLE "checkpoint_setting" (
	"region_id" uuid PRIMARY KEY NOT NULL,
	"health_code_required" boolean DEFAULT false NOT NULL,
	"itinerary_required" boolean DEFAULT false NOT NULL,
	"nucleic_acid_required" boolean DEFAULT false NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "checkpoint_setting" ADD CONSTRAINT "checkpoint_setting_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkpoint_setting" ADD CONSTRAINT "checkpoint_setting_updated_by_app_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;
