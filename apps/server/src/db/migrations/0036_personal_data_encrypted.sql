ALTER TABLE "person" DROP CONSTRAINT "person_id_number_unique";--> statement-breakpoint
DROP INDEX "person_id_number_suffix_idx";--> statement-breakpoint
DROP INDEX "person_phone_idx";--> statement-breakpoint
DROP INDEX "checkpoint_occupant_id_number_idx";--> statement-breakpoint
ALTER TABLE "household" ALTER COLUMN "phone" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "person" ALTER COLUMN "id_number" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "person" ALTER COLUMN "phone" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "lead" ALTER COLUMN "id_number" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "lead" ALTER COLUMN "phone" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "responsible_officer" ALTER COLUMN "phone" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "checkpoint_occupant" ALTER COLUMN "id_number" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "checkpoint_occupant" ALTER COLUMN "phone" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "chain_member" ALTER COLUMN "phone" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "command_member" ALTER COLUMN "phone" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "volunteer" ALTER COLUMN "phone" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "app_user" ADD COLUMN "phone_bidx" text GENERATED ALWAYS AS (nullif(split_part(phone, '$', 2), '')) STORED;--> statement-breakpoint
ALTER TABLE "person" ADD COLUMN "id_number_bidx" text GENERATED ALWAYS AS (nullif(split_part(id_number, '$', 2), '')) STORED;--> statement-breakpoint
ALTER TABLE "person" ADD COLUMN "id_number_t4" text GENERATED ALWAYS AS (nullif(split_part(id_number, '$', 3), '')) STORED;--> statement-breakpoint
ALTER TABLE "person" ADD COLUMN "id_number_t6" text GENERATED ALWAYS AS (nullif(split_part(id_number, '$', 4), '')) STORED;--> statement-breakpoint
ALTER TABLE "person" ADD COLUMN "phone_bidx" text GENERATED ALWAYS AS (nullif(split_part(phone, '$', 2), '')) STORED;--> statement-breakpoint
ALTER TABLE "lead" ADD COLUMN "id_number_bidx" text GENERATED ALWAYS AS (nullif(split_part(id_number, '$', 2), '')) STORED;--> statement-breakpoint
ALTER TABLE "lead" ADD COLUMN "phone_bidx" text GENERATED ALWAYS AS (nullif(split_part(phone, '$', 2), '')) STORED;--> statement-breakpoint
ALTER TABLE "checkpoint_occupant" ADD COLUMN "id_number_bidx" text GENERATED ALWAYS AS (nullif(split_part(id_number, '$', 2), '')) STORED;--> statement-breakpoint
CREATE INDEX "person_id_number_t4_idx" ON "person" USING btree ("id_number_t4");--> statement-breakpoint
CREATE INDEX "person_id_number_t6_idx" ON "person" USING btree ("id_number_t6");--> statement-breakpoint
CREATE INDEX "lead_id_number_bidx_idx" ON "lead" USING btree ("id_number_bidx");--> statement-breakpoint
CREATE INDEX "person_phone_idx" ON "person" USING btree ("phone_bidx");--> statement-breakpoint
CREATE INDEX "checkpoint_occupant_id_number_idx" ON "checkpoint_occupant" USING btree ("id_number_bidx");--> statement-breakpoint
ALTER TABLE "person" ADD CONSTRAINT "person_id_number_bidx_unique" UNIQUE("id_number_bidx");