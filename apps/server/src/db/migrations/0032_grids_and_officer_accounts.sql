DROP INDEX "responsible_officer_uq";--> statement-breakpoint
ALTER TABLE "grid" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "grid_village_name_uq" ON "grid" USING btree ("region_id","name") WHERE retired_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "responsible_officer_user_uq" ON "responsible_officer" USING btree ("key_person_id","role","user_id") WHERE user_id IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "responsible_officer_name_uq" ON "responsible_officer" USING btree ("key_person_id","role","name") WHERE user_id IS NULL;