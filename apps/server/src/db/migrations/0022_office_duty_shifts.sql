ALTER TABLE "duty_shift" ALTER COLUMN "checkpoint_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "duty_shift" ADD COLUMN "office_region_id" uuid;--> statement-breakpoint
ALTER TABLE "duty_shift" ADD CONSTRAINT "duty_shift_office_region_id_region_id_fk" FOREIGN KEY ("office_region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "duty_shift_office_day_uq" ON "duty_shift" USING btree ("office_region_id","day");--> statement-breakpoint
ALTER TABLE "duty_shift" ADD CONSTRAINT "duty_shift_one_post_ck" CHECK ((checkpoint_id IS NULL) <> (office_region_id IS NULL));