CREATE TABLE "disinfection" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_id" uuid NOT NULL,
	"region_path" "ltree" NOT NULL,
	"place_kind" text NOT NULL,
	"place" text NOT NULL,
	"done_at" timestamp with time zone NOT NULL,
	"agent" text,
	"area_m2" integer DEFAULT 0 NOT NULL,
	"done_by" text,
	"note" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "disinfection_area_ck" CHECK (area_m2 >= 0)
);
--> statement-breakpoint
CREATE TABLE "gathering" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_id" uuid NOT NULL,
	"region_path" "ltree" NOT NULL,
	"kind" text NOT NULL,
	"host" text NOT NULL,
	"phone" text,
	"date" date NOT NULL,
	"place" text NOT NULL,
	"tables" integer DEFAULT 0 NOT NULL,
	"persons" integer DEFAULT 0 NOT NULL,
	"outcome" text NOT NULL,
	"tables_held" integer,
	"persons_held" integer,
	"settled_at" timestamp with time zone NOT NULL,
	"note" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gathering_counts_ck" CHECK (tables >= 0 AND persons >= 0 AND coalesce(tables_held, 0) >= 0 AND coalesce(persons_held, 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "publicity" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_id" uuid NOT NULL,
	"region_path" "ltree" NOT NULL,
	"kind" text NOT NULL,
	"day" date NOT NULL,
	"quantity" integer DEFAULT 0 NOT NULL,
	"hours" numeric(4, 1),
	"reach" integer,
	"note" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "publicity_counts_ck" CHECK (quantity >= 0 AND coalesce(reach, 0) >= 0 AND coalesce(hours, 0) BETWEEN 0 AND 24)
);
--> statement-breakpoint
CREATE TABLE "venue" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_id" uuid NOT NULL,
	"region_path" "ltree" NOT NULL,
	"type" text NOT NULL,
	"name" text NOT NULL,
	"address" text,
	"operator" text,
	"phone" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "venue_check" (
	"id" uuid PRIMARY KEY NOT NULL,
	"venue_id" uuid NOT NULL,
	"region_path" "ltree" NOT NULL,
	"checked_at" timestamp with time zone NOT NULL,
	"result" text NOT NULL,
	"action_taken" text,
	"note" text,
	"recheck_of" uuid,
	"checked_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "venue_order" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_id" uuid NOT NULL,
	"region_path" "ltree" NOT NULL,
	"venue_type" text,
	"venue_id" uuid,
	"kind" text NOT NULL,
	"hours" text,
	"effective_from" date NOT NULL,
	"effective_until" date,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "venue_order_target_ck" CHECK ((venue_id IS NULL) <> (venue_type IS NULL)),
	CONSTRAINT "venue_order_dates_ck" CHECK (effective_until IS NULL OR effective_until >= effective_from)
);
--> statement-breakpoint
ALTER TABLE "disinfection" ADD CONSTRAINT "disinfection_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disinfection" ADD CONSTRAINT "disinfection_recorded_by_app_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gathering" ADD CONSTRAINT "gathering_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gathering" ADD CONSTRAINT "gathering_recorded_by_app_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publicity" ADD CONSTRAINT "publicity_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publicity" ADD CONSTRAINT "publicity_recorded_by_app_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venue" ADD CONSTRAINT "venue_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venue_check" ADD CONSTRAINT "venue_check_venue_id_venue_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venue"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venue_check" ADD CONSTRAINT "venue_check_checked_by_app_user_id_fk" FOREIGN KEY ("checked_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venue_order" ADD CONSTRAINT "venue_order_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venue_order" ADD CONSTRAINT "venue_order_venue_id_venue_id_fk" FOREIGN KEY ("venue_id") REFERENCES "public"."venue"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venue_order" ADD CONSTRAINT "venue_order_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "disinfection_region_path_gist" ON "disinfection" USING gist ("region_path");--> statement-breakpoint
CREATE INDEX "disinfection_done_at_idx" ON "disinfection" USING btree ("done_at");--> statement-breakpoint
CREATE INDEX "gathering_region_path_gist" ON "gathering" USING gist ("region_path");--> statement-breakpoint
CREATE INDEX "gathering_settled_at_idx" ON "gathering" USING btree ("settled_at");--> statement-breakpoint
CREATE INDEX "publicity_region_path_gist" ON "publicity" USING gist ("region_path");--> statement-breakpoint
CREATE INDEX "publicity_day_idx" ON "publicity" USING btree ("day");--> statement-breakpoint
CREATE INDEX "venue_region_path_gist" ON "venue" USING gist ("region_path");--> statement-breakpoint
CREATE INDEX "venue_type_idx" ON "venue" USING btree ("type");--> statement-breakpoint
CREATE INDEX "venue_check_venue_idx" ON "venue_check" USING btree ("venue_id","checked_at");--> statement-breakpoint
CREATE INDEX "venue_check_region_path_gist" ON "venue_check" USING gist ("region_path");--> statement-breakpoint
CREATE INDEX "venue_check_checked_at_idx" ON "venue_check" USING btree ("checked_at");--> statement-breakpoint
CREATE INDEX "venue_order_region_path_gist" ON "venue_order" USING gist ("region_path");--> statement-breakpoint
CREATE INDEX "venue_order_venue_idx" ON "venue_order" USING btree ("venue_id");