CREATE TYPE "public"."skill_level" AS ENUM('can', 'teach');--> statement-breakpoint
CREATE TABLE "volunteer_skills" (
	"user_id" uuid NOT NULL,
	"skill_key" text NOT NULL,
	"level" "skill_level" DEFAULT 'can' NOT NULL,
	CONSTRAINT "volunteer_skills_user_id_skill_key_pk" PRIMARY KEY("user_id","skill_key")
);
--> statement-breakpoint
ALTER TABLE "volunteer_skills" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "volunteer_profiles" RENAME COLUMN "skills" TO "interest_categories";--> statement-breakpoint
ALTER TABLE "volunteer_profiles" ADD COLUMN "availability_slots" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "volunteer_profiles" ADD COLUMN "hours_per_month" integer;--> statement-breakpoint
ALTER TABLE "volunteer_profiles" ADD COLUMN "suggestable" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "help_requests" ADD COLUMN "skill_keys" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "volunteer_skills" ADD CONSTRAINT "volunteer_skills_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "volunteer_skills_skill_key_idx" ON "volunteer_skills" USING btree ("skill_key");--> statement-breakpoint
CREATE INDEX "help_requests_board_skill_keys_idx" ON "help_requests" USING gin ("skill_keys") WHERE "help_requests"."status" in ('published', 'filled') and "help_requests"."hidden_at" is null;--> statement-breakpoint
CREATE POLICY "volunteer_skills_read" ON "volunteer_skills" AS PERMISSIVE FOR SELECT TO "board_app" USING (((current_setting('app.system', true) = 'on') or (current_setting('app.foundation', true) = 'on') or ("volunteer_skills"."user_id"::text = current_setting('app.user_id', true)) or exists (select 1 from "applications" "a" where "a"."volunteer_id" = "volunteer_skills"."user_id" and (("a"."municipality_code" = any(string_to_array(current_setting('app.staff_municipalities', true), ','))) or ("a"."association_id"::text = any(string_to_array(current_setting('app.officer_associations', true), ',')))))));--> statement-breakpoint
CREATE POLICY "volunteer_skills_write" ON "volunteer_skills" AS PERMISSIVE FOR ALL TO "board_app" USING (((current_setting('app.system', true) = 'on') or ("volunteer_skills"."user_id"::text = current_setting('app.user_id', true)))) WITH CHECK (((current_setting('app.system', true) = 'on') or ("volunteer_skills"."user_id"::text = current_setting('app.user_id', true))));