CREATE TABLE "contact_link" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"contact_person_id" uuid NOT NULL,
	"region_path" "ltree" NOT NULL,
	"relation" text NOT NULL,
	"last_contact_date" date NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contact_link_not_self_ck" CHECK ("contact_link"."person_id" <> "contact_link"."contact_person_id")
);
--> statement-breakpoint
CREATE TABLE "key_person_notice" (
	"id" uuid PRIMARY KEY NOT NULL,
	"key_person_id" uuid NOT NULL,
	"region_path" "ltree" NOT NULL,
	"kind" text NOT NULL,
	"date" date NOT NULL,
	"handed_by" text NOT NULL,
	"outcome" text NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "key_person_service" (
	"id" uuid PRIMARY KEY NOT NULL,
	"key_person_id" uuid NOT NULL,
	"region_path" "ltree" NOT NULL,
	"kind" text NOT NULL,
	"date" date NOT NULL,
	"delivered_by" text NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trajectory_stop" (
	"id" uuid PRIMARY KEY NOT NULL,
	"key_person_id" uuid NOT NULL,
	"region_path" "ltree" NOT NULL,
	"place" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"transport" text,
	"transport_detail" text,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trajectory_stop_dates_ck" CHECK ("trajectory_stop"."end_date" IS NULL OR "trajectory_stop"."end_date" >= "trajectory_stop"."start_date")
);
--> statement-breakpoint
ALTER TABLE "contact_link" ADD CONSTRAINT "contact_link_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_link" ADD CONSTRAINT "contact_link_contact_person_id_person_id_fk" FOREIGN KEY ("contact_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_link" ADD CONSTRAINT "contact_link_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_person_notice" ADD CONSTRAINT "key_person_notice_key_person_id_key_person_id_fk" FOREIGN KEY ("key_person_id") REFERENCES "public"."key_person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_person_notice" ADD CONSTRAINT "key_person_notice_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_person_service" ADD CONSTRAINT "key_person_service_key_person_id_key_person_id_fk" FOREIGN KEY ("key_person_id") REFERENCES "public"."key_person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_person_service" ADD CONSTRAINT "key_person_service_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trajectory_stop" ADD CONSTRAINT "trajectory_stop_key_person_id_key_person_id_fk" FOREIGN KEY ("key_person_id") REFERENCES "public"."key_person"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trajectory_stop" ADD CONSTRAINT "trajectory_stop_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "contact_link_pair_uq" ON "contact_link" USING btree (least("person_id", "contact_person_id"),greatest("person_id", "contact_person_id"));--> statement-breakpoint
CREATE INDEX "contact_link_person_idx" ON "contact_link" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "contact_link_contact_idx" ON "contact_link" USING btree ("contact_person_id");--> statement-breakpoint
CREATE INDEX "key_person_notice_kp_idx" ON "key_person_notice" USING btree ("key_person_id","date");--> statement-breakpoint
CREATE INDEX "key_person_service_kp_idx" ON "key_person_service" USING btree ("key_person_id","date");--> statement-breakpoint
CREATE INDEX "trajectory_stop_kp_idx" ON "trajectory_stop" USING btree ("key_person_id","start_date");