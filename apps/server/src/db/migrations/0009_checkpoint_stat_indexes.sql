DROP INDEX "checkpoint_stat_region_hour_idx";--> statement-breakpoint
CREATE INDEX "checkpoint_stat_region_path_gist" ON "checkpoint_stat" USING gist ("region_path");--> statement-breakpoint
CREATE INDEX "checkpoint_stat_hour_idx" ON "checkpoint_stat" USING btree ("hour");