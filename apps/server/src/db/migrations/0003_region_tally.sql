CREATE TABLE "region_tally" (
	"region_id" uuid PRIMARY KEY NOT NULL,
	"households" integer DEFAULT 0 NOT NULL,
	"persons" integer DEFAULT 0 NOT NULL,
	"grids" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "region_tally" ADD CONSTRAINT "region_tally_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE cascade ON UPDATE no action;