CREATE TABLE "report_reminder" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_id" uuid NOT NULL,
	"region_path" "ltree" NOT NULL,
	"report_date" date NOT NULL,
	"sent_by" uuid,
	"sent_at" timestamp with time zone NOT NULL,
	"message" text
);
--> statement-breakpoint
ALTER TABLE "report_setting" ADD COLUMN "reminder_minutes_before" integer DEFAULT 60 NOT NULL;--> statement-breakpoint
ALTER TABLE "report_reminder" ADD CONSTRAINT "report_reminder_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_reminder" ADD CONSTRAINT "report_reminder_sent_by_app_user_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_reminder_day_idx" ON "report_reminder" USING btree ("report_date","region_id");--> statement-breakpoint
CREATE UNIQUE INDEX "report_reminder_auto_uq" ON "report_reminder" USING btree ("region_id","report_date") WHERE sent_by IS NULL;