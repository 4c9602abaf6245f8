ALTER TABLE "household" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "person" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "key_person" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;