CREATE TABLE "county_setting" (
	"region_id" uuid NOT NULL,
	"region_path" "ltree" NOT NULL,
	"section" text NOT NULL,
	"value" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "county_setting_region_id_section_pk" PRIMARY KEY("region_id","section")
);
--> statement-breakpoint
CREATE TABLE "county_setting_change" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_id" uuid NOT NULL,
	"region_path" "ltree" NOT NULL,
	"section" text NOT NULL,
	"old_value" jsonb NOT NULL,
	"new_value" jsonb NOT NULL,
	"changed_by" uuid,
	"changed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "county_setting" ADD CONSTRAINT "county_setting_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "county_setting" ADD CONSTRAINT "county_setting_updated_by_app_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "county_setting_change" ADD CONSTRAINT "county_setting_change_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "county_setting_change" ADD CONSTRAINT "county_setting_change_changed_by_app_user_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "county_setting_region_path_gist" ON "county_setting" USING gist ("region_path");--> statement-breakpoint
CREATE INDEX "county_setting_change_region_path_gist" ON "county_setting_change" USING gist ("region_path");--> statement-breakpoint
CREATE INDEX "county_setting_change_at_idx" ON "county_setting_change" USING btree ("changed_at" DESC NULLS LAST);