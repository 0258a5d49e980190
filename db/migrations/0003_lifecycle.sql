CREATE TYPE "public"."application_status" AS ENUM('pending', 'accepted', 'declined', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."flag_status" AS ENUM('open', 'hidden', 'dismissed');--> statement-breakpoint
CREATE TYPE "public"."flag_target" AS ENUM('request', 'message');--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"municipality_code" text NOT NULL,
	"association_id" uuid NOT NULL,
	"message" text NOT NULL,
	"status" "application_status" DEFAULT 'pending' NOT NULL,
	"decision_note" text,
	"decided_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"last_message_mail_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "applications" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "flags" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_code" text NOT NULL,
	"target_type" "flag_target" NOT NULL,
	"target_id" uuid NOT NULL,
	"reporter_id" uuid,
	"reason" text NOT NULL,
	"status" "flag_status" DEFAULT 'open' NOT NULL,
	"resolved_by" uuid,
	"resolved_at" timestamp with time zone,
	"resolution_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "flags" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"municipality_code" text NOT NULL,
	"association_id" uuid NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"sender_id" uuid,
	"body" text NOT NULL,
	"hidden_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "messages" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"municipality_code" text NOT NULL,
	"association_id" uuid NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"rater_id" uuid,
	"to_volunteer" boolean NOT NULL,
	"score" integer NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ratings_score_range" CHECK ("ratings"."score" between 1 and 5)
);
--> statement-breakpoint
ALTER TABLE "ratings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "thanks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"municipality_code" text NOT NULL,
	"association_id" uuid NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"from_user_id" uuid,
	"to_volunteer" boolean NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "thanks" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "help_requests" ADD COLUMN "matched_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "help_requests" ADD COLUMN "search_tokens" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "help_requests" ADD COLUMN "copied_from" uuid;--> statement-breakpoint
ALTER TABLE "help_requests" ADD COLUMN "hidden_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_request_id_help_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."help_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_volunteer_id_users_id_fk" FOREIGN KEY ("volunteer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flags" ADD CONSTRAINT "flags_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flags" ADD CONSTRAINT "flags_reporter_id_users_id_fk" FOREIGN KEY ("reporter_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flags" ADD CONSTRAINT "flags_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_sender_id_users_id_fk" FOREIGN KEY ("sender_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_rater_id_users_id_fk" FOREIGN KEY ("rater_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "thanks" ADD CONSTRAINT "thanks_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "thanks" ADD CONSTRAINT "thanks_from_user_id_users_id_fk" FOREIGN KEY ("from_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "applications_one_live_idx" ON "applications" USING btree ("request_id","volunteer_id") WHERE "applications"."status" in ('pending', 'accepted');--> statement-breakpoint
CREATE INDEX "applications_request_idx" ON "applications" USING btree ("request_id","status");--> statement-breakpoint
CREATE INDEX "applications_volunteer_idx" ON "applications" USING btree ("volunteer_id","created_at");--> statement-breakpoint
CREATE INDEX "flags_queue_idx" ON "flags" USING btree ("municipality_code","status","created_at");--> statement-breakpoint
CREATE INDEX "messages_thread_idx" ON "messages" USING btree ("application_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "ratings_one_per_side_idx" ON "ratings" USING btree ("application_id","to_volunteer");--> statement-breakpoint
CREATE UNIQUE INDEX "thanks_one_per_side_idx" ON "thanks" USING btree ("application_id","to_volunteer");--> statement-breakpoint
CREATE INDEX "thanks_volunteer_idx" ON "thanks" USING btree ("volunteer_id");--> statement-breakpoint
CREATE INDEX "help_requests_search_idx" ON "help_requests" USING gin ("search_tokens");--> statement-breakpoint
CREATE INDEX "help_requests_board_newest_idx" ON "help_requests" USING btree ("published_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "help_requests"."status" in ('published', 'filled', 'completed');--> statement-breakpoint
CREATE INDEX "help_requests_board_deadline_idx" ON "help_requests" USING btree ("application_deadline","id") WHERE "help_requests"."status" in ('published', 'filled', 'completed');--> statement-breakpoint
CREATE INDEX "help_requests_moderation_idx" ON "help_requests" USING btree ("municipality_code","updated_at") WHERE "help_requests"."status" = 'pending_review';--> statement-breakpoint
CREATE POLICY "applications_read" ON "applications" AS PERMISSIVE FOR SELECT TO "board_app" USING (((current_setting('app.system', true) = 'on') or (current_setting('app.foundation', true) = 'on') or ("applications"."municipality_code" = any(string_to_array(current_setting('app.staff_municipalities', true), ','))) or ("applications"."association_id"::text = any(string_to_array(current_setting('app.officer_associations', true), ','))) or ("applications"."volunteer_id"::text = current_setting('app.user_id', true))));--> statement-breakpoint
CREATE POLICY "applications_insert" ON "applications" AS PERMISSIVE FOR INSERT TO "board_app" WITH CHECK (((current_setting('app.system', true) = 'on') or ("applications"."volunteer_id"::text = current_setting('app.user_id', true))));--> statement-breakpoint
CREATE POLICY "applications_update" ON "applications" AS PERMISSIVE FOR UPDATE TO "board_app" USING (((current_setting('app.system', true) = 'on') or ("applications"."municipality_code" = any(string_to_array(current_setting('app.staff_municipalities', true), ','))) or ("applications"."association_id"::text = any(string_to_array(current_setting('app.officer_associations', true), ','))) or ("applications"."volunteer_id"::text = current_setting('app.user_id', true)))) WITH CHECK (((current_setting('app.system', true) = 'on') or ("applications"."municipality_code" = any(string_to_array(current_setting('app.staff_municipalities', true), ','))) or ("applications"."association_id"::text = any(string_to_array(current_setting('app.officer_associations', true), ','))) or ("applications"."volunteer_id"::text = current_setting('app.user_id', true))));--> statement-breakpoint
CREATE POLICY "flags_read" ON "flags" AS PERMISSIVE FOR SELECT TO "board_app" USING (((current_setting('app.system', true) = 'on') or (current_setting('app.foundation', true) = 'on') or ("flags"."municipality_code" = any(string_to_array(current_setting('app.staff_municipalities', true), ','))) or ("flags"."reporter_id"::text = current_setting('app.user_id', true))));--> statement-breakpoint
CREATE POLICY "flags_insert" ON "flags" AS PERMISSIVE FOR INSERT TO "board_app" WITH CHECK (((current_setting('app.system', true) = 'on') or ("flags"."reporter_id"::text = current_setting('app.user_id', true))));--> statement-breakpoint
CREATE POLICY "flags_update" ON "flags" AS PERMISSIVE FOR UPDATE TO "board_app" USING (((current_setting('app.system', true) = 'on') or ("flags"."municipality_code" = any(string_to_array(current_setting('app.staff_municipalities', true), ','))))) WITH CHECK (((current_setting('app.system', true) = 'on') or ("flags"."municipality_code" = any(string_to_array(current_setting('app.staff_municipalities', true), ',')))));--> statement-breakpoint
CREATE POLICY "messages_read" ON "messages" AS PERMISSIVE FOR SELECT TO "board_app" USING (((current_setting('app.system', true) = 'on') or ("messages"."municipality_code" = any(string_to_array(current_setting('app.staff_municipalities', true), ','))) or ("messages"."association_id"::text = any(string_to_array(current_setting('app.officer_associations', true), ','))) or ("messages"."volunteer_id"::text = current_setting('app.user_id', true))));--> statement-breakpoint
CREATE POLICY "messages_insert" ON "messages" AS PERMISSIVE FOR INSERT TO "board_app" WITH CHECK (((current_setting('app.system', true) = 'on') or (("messages"."sender_id"::text = current_setting('app.user_id', true)) and (("messages"."association_id"::text = any(string_to_array(current_setting('app.officer_associations', true), ','))) or ("messages"."volunteer_id"::text = current_setting('app.user_id', true))))));--> statement-breakpoint
CREATE POLICY "messages_update" ON "messages" AS PERMISSIVE FOR UPDATE TO "board_app" USING (((current_setting('app.system', true) = 'on') or ("messages"."municipality_code" = any(string_to_array(current_setting('app.staff_municipalities', true), ','))))) WITH CHECK (((current_setting('app.system', true) = 'on') or ("messages"."municipality_code" = any(string_to_array(current_setting('app.staff_municipalities', true), ',')))));--> statement-breakpoint
CREATE POLICY "ratings_read" ON "ratings" AS PERMISSIVE FOR SELECT TO "board_app" USING (((current_setting('app.system', true) = 'on') or (current_setting('app.foundation', true) = 'on') or ("ratings"."municipality_code" = any(string_to_array(current_setting('app.staff_municipalities', true), ',')))));--> statement-breakpoint
CREATE POLICY "ratings_insert" ON "ratings" AS PERMISSIVE FOR INSERT TO "board_app" WITH CHECK (((current_setting('app.system', true) = 'on') or (("ratings"."rater_id"::text = current_setting('app.user_id', true)) and (("ratings"."association_id"::text = any(string_to_array(current_setting('app.officer_associations', true), ','))) or ("ratings"."volunteer_id"::text = current_setting('app.user_id', true))))));--> statement-breakpoint
CREATE POLICY "thanks_read" ON "thanks" AS PERMISSIVE FOR SELECT TO "board_app" USING (true);--> statement-breakpoint
CREATE POLICY "thanks_insert" ON "thanks" AS PERMISSIVE FOR INSERT TO "board_app" WITH CHECK (((current_setting('app.system', true) = 'on') or (("thanks"."from_user_id"::text = current_setting('app.user_id', true)) and (("thanks"."association_id"::text = any(string_to_array(current_setting('app.officer_associations', true), ','))) or ("thanks"."volunteer_id"::text = current_setting('app.user_id', true))))));