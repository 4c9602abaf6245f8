CREATE TABLE "vaccination_dose" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"region_path" "ltree" NOT NULL,
	"vaccine" text NOT NULL,
	"dose_number" integer NOT NULL,
	"kind" text NOT NULL,
	"given_on" date NOT NULL,
	"place" text,
	"source" text NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vaccination_dose_person_dose_day" UNIQUE("person_id","dose_number","given_on")
);
--> statement-breakpoint
CREATE TABLE "vaccination_follow_up" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"region_path" "ltree" NOT NULL,
	"reason" text NOT NULL,
	"note" text,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "vaccination_dose" ADD CONSTRAINT "vaccination_dose_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vaccination_dose" ADD CONSTRAINT "vaccination_dose_recorded_by_app_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vaccination_follow_up" ADD CONSTRAINT "vaccination_follow_up_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vaccination_follow_up" ADD CONSTRAINT "vaccination_follow_up_recorded_by_app_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "vaccination_dose_region_path_gist" ON "vaccination_dose" USING gist ("region_path");--> statement-breakpoint
CREATE INDEX "vaccination_dose_person_idx" ON "vaccination_dose" USING btree ("person_id","given_on");--> statement-breakpoint
CREATE INDEX "vaccination_follow_up_region_path_gist" ON "vaccination_follow_up" USING gist ("region_path");--> statement-breakpoint
CREATE INDEX "vaccination_follow_up_person_idx" ON "vaccination_follow_up" USING btree ("person_id","recorded_at");