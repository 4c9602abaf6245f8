CREATE TABLE "key_person_incident" (
	"id" uuid PRIMARY KEY NOT NULL,
	"key_person_id" uuid NOT NULL,
	"region_path" "ltree" NOT NULL,
	"kind" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"witnessed_by" text NOT NULL,
	"note" text,
	"notice_handed_at" timestamp with time zone,
	"police_station" text,
	"police_ref" text,
	"handed_over_at" timestamp with time zone,
	"outcome" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "key_person_incident_handover_ck" CHECK ("key_person_incident"."handed_over_at" IS NULL OR ("key_person_incident"."police_station" IS NOT NULL AND "key_person_incident"."police_ref" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "key_person_incident" ADD CONSTRAINT "key_person_incident_key_person_id_key_person_id_fk" FOREIGN KEY ("key_person_id") REFERENCES "public"."key_person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_person_incident" ADD CONSTRAINT "key_person_incident_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "key_person_incident_kp_idx" ON "key_person_incident" USING btree ("key_person_id","occurred_at");--> statement-breakpoint
CREATE INDEX "key_person_incident_region_path_gist" ON "key_person_incident" USING gist ("region_path");