CREATE TABLE "attachment" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_path" "ltree" NOT NULL,
	"owner_id" uuid NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "public_rate" (
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"hits" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "public_rate_key_window_start_pk" PRIMARY KEY("key","window_start")
);
--> statement-breakpoint
CREATE TABLE "public_report" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"receipt" text NOT NULL,
	"region_id" uuid NOT NULL,
	"region_path" "ltree" NOT NULL,
	"reporter_name" text,
	"reporter_phone" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "public_report_receipt_unique" UNIQUE("receipt")
);
--> statement-breakpoint
ALTER TABLE "public_report" ADD CONSTRAINT "public_report_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attachment_region_path_gist" ON "attachment" USING gist ("region_path");--> statement-breakpoint
CREATE INDEX "attachment_owner_idx" ON "attachment" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "public_rate_window_idx" ON "public_rate" USING btree ("window_start");--> statement-breakpoint
CREATE INDEX "public_report_region_path_gist" ON "public_report" USING gist ("region_path");