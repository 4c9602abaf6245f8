CREATE TABLE "checkpoint_stat_day" (
	"checkpoint_id" uuid NOT NULL,
	"region_path" "ltree" NOT NULL,
	"day" date NOT NULL,
	"vehicles" integer DEFAULT 0 NOT NULL,
	"pedestrians" integer DEFAULT 0 NOT NULL,
	"persons" integer DEFAULT 0 NOT NULL,
	"turned_back" integer DEFAULT 0 NOT NULL,
	"held" integer DEFAULT 0 NOT NULL,
	"fevers" integer DEFAULT 0 NOT NULL,
	"risk_area" integer DEFAULT 0 NOT NULL,
	"local_persons" integer DEFAULT 0 NOT NULL,
	"local_vehicles" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "checkpoint_stat_day" ADD CONSTRAINT "checkpoint_stat_day_checkpoint_id_checkpoint_id_fk" FOREIGN KEY ("checkpoint_id") REFERENCES "public"."checkpoint"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "checkpoint_stat_day_uq" ON "checkpoint_stat_day" USING btree ("checkpoint_id","day");--> statement-breakpoint
CREATE INDEX "checkpoint_stat_day_day_idx" ON "checkpoint_stat_day" USING btree ("day");--> statement-breakpoint
INSERT INTO "checkpoint_stat_day" ("checkpoint_id", "region_path", "day", "vehicles", "pedestrians", "persons", "turned_back", "held", "fevers", "risk_area", "local_persons", "local_vehicles")
SELECT "checkpoint_id", "region_path", ("hour" AT TIME ZONE 'Asia/Shanghai')::date, sum("vehicles"), sum("pedestrians"), sum("persons"), sum("turned_back"), sum("held"), sum("fevers"), sum("risk_area"), sum("local_persons"), sum("local_vehicles")
  FROM "checkpoint_stat" GROUP BY 1, 2, 3;

