DROP TABLE "management_policy" CASCADE;--> statement-breakpoint
DROP TABLE "report_setting" CASCADE;--> statement-breakpoint
DROP TABLE "checkpoint_setting" CASCADE;