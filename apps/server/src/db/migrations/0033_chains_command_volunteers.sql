CREATE TABLE "chain_member" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_id" uuid NOT NULL,
	"region_path" "ltree" NOT NULL,
	"duty" text NOT NULL,
	"name" text NOT NULL,
	"phone" varchar(20),
	"user_id" uuid,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "command_coverage" (
	"unit_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	CONSTRAINT "command_coverage_unit_id_region_id_pk" PRIMARY KEY("unit_id","region_id")
);
--> statement-breakpoint
CREATE TABLE "command_member" (
	"id" uuid PRIMARY KEY NOT NULL,
	"unit_id" uuid NOT NULL,
	"name" text NOT NULL,
	"position" text NOT NULL,
	"phone" varchar(20),
	"user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "command_unit" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_id" uuid NOT NULL,
	"region_path" "ltree" NOT NULL,
	"parent_id" uuid,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"duties" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dispatch" (
	"id" uuid PRIMARY KEY NOT NULL,
	"from_region_path" "ltree" NOT NULL,
	"from_user_id" uuid NOT NULL,
	"to_region_id" uuid NOT NULL,
	"to_region_path" "ltree" NOT NULL,
	"to_unit_id" uuid,
	"title" text NOT NULL,
	"body" text,
	"deadline" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"reply" text,
	"replied_at" timestamp with time zone,
	"replied_by" uuid,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "volunteer" (
	"id" uuid PRIMARY KEY NOT NULL,
	"team_id" uuid NOT NULL,
	"region_path" "ltree" NOT NULL,
	"name" text NOT NULL,
	"phone" varchar(20),
	"is_leader" boolean DEFAULT false NOT NULL,
	"skills" text[] DEFAULT '{}' NOT NULL,
	"assignment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "volunteer_team" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_id" uuid NOT NULL,
	"region_path" "ltree" NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "chain_member" ADD CONSTRAINT "chain_member_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chain_member" ADD CONSTRAINT "chain_member_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "command_coverage" ADD CONSTRAINT "command_coverage_unit_id_command_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."command_unit"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "command_coverage" ADD CONSTRAINT "command_coverage_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "command_member" ADD CONSTRAINT "command_member_unit_id_command_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."command_unit"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "command_member" ADD CONSTRAINT "command_member_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "command_unit" ADD CONSTRAINT "command_unit_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "command_unit" ADD CONSTRAINT "command_unit_parent_id_command_unit_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."command_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch" ADD CONSTRAINT "dispatch_from_user_id_app_user_id_fk" FOREIGN KEY ("from_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch" ADD CONSTRAINT "dispatch_to_region_id_region_id_fk" FOREIGN KEY ("to_region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch" ADD CONSTRAINT "dispatch_to_unit_id_command_unit_id_fk" FOREIGN KEY ("to_unit_id") REFERENCES "public"."command_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch" ADD CONSTRAINT "dispatch_replied_by_app_user_id_fk" FOREIGN KEY ("replied_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer" ADD CONSTRAINT "volunteer_team_id_volunteer_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."volunteer_team"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_team" ADD CONSTRAINT "volunteer_team_region_id_region_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "chain_member_uq" ON "chain_member" USING btree ("region_id","duty","name");--> statement-breakpoint
CREATE INDEX "chain_member_region_path_gist" ON "chain_member" USING gist ("region_path");--> statement-breakpoint
CREATE INDEX "command_member_unit_idx" ON "command_member" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "command_unit_region_path_gist" ON "command_unit" USING gist ("region_path");--> statement-breakpoint
CREATE INDEX "command_unit_parent_idx" ON "command_unit" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "dispatch_to_region_path_gist" ON "dispatch" USING gist ("to_region_path");--> statement-breakpoint
CREATE INDEX "dispatch_from_region_path_gist" ON "dispatch" USING gist ("from_region_path");--> statement-breakpoint
CREATE INDEX "volunteer_team_idx" ON "volunteer" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "volunteer_region_path_gist" ON "volunteer" USING gist ("region_path");--> statement-breakpoint
CREATE INDEX "volunteer_team_region_path_gist" ON "volunteer_team" USING gist ("region_path");