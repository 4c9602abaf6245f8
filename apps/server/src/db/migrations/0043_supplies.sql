CREATE TABLE "stock_movement" (
	"id" uuid PRIMARY KEY NOT NULL,
	"store_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"region_path" "ltree" NOT NULL,
	"kind" text NOT NULL,
	"quantity" integer NOT NULL,
	"counted" integer,
	"other_store_id" uuid,
	"transfer_id" uuid,
	"reason" text DEFAULT '' NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stock_movement_sign_ck" CHECK ((kind IN ('receipt', 'transferIn') AND quantity > 0) OR (kind IN ('issue', 'transferOut') AND quantity < 0) OR kind = 'count')
);
--> statement-breakpoint
CREATE TABLE "supply_item" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_path" "ltree" NOT NULL,
	"key" text,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"unit" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supply_setting" (
	"region_id" uuid PRIMARY KEY NOT NULL,
	"low_cover_days" smallint NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supply_store" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"region_id" uuid NOT NULL,
	"checkpoint_id" uuid,
	"observation_site_id" uuid,
	"region_path" "ltree" NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "supply_store_attached_ck" CHECK ((kind = 'region' AND checkpoint_id IS NULL AND observation_site_id IS NULL) OR (kind = 'checkpoint' AND checkpoint_id IS NOT NULL AND observation_site_id IS NULL) OR (kind = 'observationSite' AND observation_site_id IS NOT NULL AND checkpoint_id IS NULL))
);
--> statement-breakpoint
ALTER TABLE "stock_movement" ADD CONSTRAINT "stock_movement_store_id_supply_store_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."supply_store"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_movement" ADD CONSTRAINT "stock_movement_item_id_supply_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."supply_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_movement" ADD CONSTRAINT "stock_movement_other_store_id_supply_store_id_fk" FOREIGN KEY ("other_store_id") REFERENCES "public"."supply_store"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_movement" ADD CONSTRAINT "stock_movement_recorded_by_app_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_setting" ADD CONSTRAINT "supply_setting_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_setting" ADD CONSTRAINT "supply_setting_updated_by_app_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_store" ADD CONSTRAINT "supply_store_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_store" ADD CONSTRAINT "supply_store_checkpoint_id_checkpoint_id_fk" FOREIGN KEY ("checkpoint_id") REFERENCES "public"."checkpoint"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_store" ADD CONSTRAINT "supply_store_observation_site_id_observation_site_id_fk" FOREIGN KEY ("observation_site_id") REFERENCES "public"."observation_site"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stock_movement_store_item_idx" ON "stock_movement" USING btree ("store_id","item_id","recorded_at");--> statement-breakpoint
CREATE INDEX "stock_movement_region_path_gist" ON "stock_movement" USING gist ("region_path");--> statement-breakpoint
CREATE UNIQUE INDEX "supply_item_key_uq" ON "supply_item" USING btree ("region_path","key");--> statement-breakpoint
CREATE INDEX "supply_store_region_path_gist" ON "supply_store" USING gist ("region_path");--> statement-breakpoint
CREATE UNIQUE INDEX "supply_store_checkpoint_uq" ON "supply_store" USING btree ("checkpoint_id");--> statement-breakpoint
CREATE UNIQUE INDEX "supply_store_observation_site_uq" ON "supply_store" USING btree ("observation_site_id");