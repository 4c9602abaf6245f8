DROP INDEX "household_not_resident_idx";--> statement-breakpoint
CREATE INDEX "household_not_resident_idx" ON "household" USING btree ("status","region_path") WHERE "household"."status" <> 'resident';