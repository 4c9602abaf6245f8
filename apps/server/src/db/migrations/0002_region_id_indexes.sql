CREATE INDEX "household_region_idx" ON "household" USING btree ("region_id");--> statement-breakpoint
CREATE INDEX "person_region_idx" ON "person" USING btree ("region_id");