CREATE TYPE "public"."story_status" AS ENUM('review', 'sent_back', 'approved');--> statement-breakpoint
CREATE TYPE "public"."story_volunteer_consent" AS ENUM('pending', 'named', 'anonymous');--> statement-breakpoint
CREATE TABLE "stories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"municipality_code" text NOT NULL,
	"association_id" uuid NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"category" "category" NOT NULL,
	"title" text NOT NULL,
	"trouble" text NOT NULL,
	"what_done" text NOT NULL,
	"what_changed" text NOT NULL,
	"photo" "bytea",
	"photo_type" text,
	"photo_alt" text,
	"status" "story_status" DEFAULT 'review' NOT NULL,
	"sent_back_reason" text,
	"volunteer_consent" "story_volunteer_consent" DEFAULT 'pending' NOT NULL,
	"volunteer_name" text,
	"decided_by" uuid,
	"approved_at" timestamp with time zone,
	"featured_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "stories" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "stories" ADD CONSTRAINT "stories_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stories" ADD CONSTRAINT "stories_request_id_help_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."help_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stories" ADD CONSTRAINT "stories_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stories" ADD CONSTRAINT "stories_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stories" ADD CONSTRAINT "stories_volunteer_id_users_id_fk" FOREIGN KEY ("volunteer_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stories" ADD CONSTRAINT "stories_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stories" ADD CONSTRAINT "stories_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "stories_application_idx" ON "stories" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "stories_public_idx" ON "stories" USING btree ("approved_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "stories"."status" = 'approved' and "stories"."volunteer_consent" <> 'pending';--> statement-breakpoint
CREATE INDEX "stories_municipality_idx" ON "stories" USING btree ("municipality_code","status");--> statement-breakpoint
CREATE POLICY "stories_read" ON "stories" AS PERMISSIVE FOR SELECT TO "board_app" USING (((current_setting('app.system', true) = 'on') or (current_setting('app.foundation', true) = 'on') or ("stories"."municipality_code" = any(string_to_array(current_setting('app.staff_municipalities', true), ','))) or ("stories"."association_id"::text = any(string_to_array(current_setting('app.officer_associations', true), ','))) or ("stories"."volunteer_id"::text = current_setting('app.user_id', true)) or ("stories"."status" = 'approved' and "stories"."volunteer_consent" <> 'pending')));--> statement-breakpoint
CREATE POLICY "stories_insert" ON "stories" AS PERMISSIVE FOR INSERT TO "board_app" WITH CHECK (((current_setting('app.system', true) = 'on') or (("stories"."association_id"::text = any(string_to_array(current_setting('app.officer_associations', true), ','))) and ("stories"."author_id"::text = current_setting('app.user_id', true)))));--> statement-breakpoint
CREATE POLICY "stories_update" ON "stories" AS PERMISSIVE FOR UPDATE TO "board_app" USING (((current_setting('app.system', true) = 'on') or (current_setting('app.foundation', true) = 'on') or ("stories"."municipality_code" = any(string_to_array(current_setting('app.staff_municipalities', true), ','))) or ("stories"."association_id"::text = any(string_to_array(current_setting('app.officer_associations', true), ','))) or ("stories"."volunteer_id"::text = current_setting('app.user_id', true)))) WITH CHECK (((current_setting('app.system', true) = 'on') or (current_setting('app.foundation', true) = 'on') or ("stories"."municipality_code" = any(string_to_array(current_setting('app.staff_municipalities', true), ','))) or ("stories"."association_id"::text = any(string_to_array(current_setting('app.officer_associations', true), ','))) or ("stories"."volunteer_id"::text = current_setting('app.user_id', true))));