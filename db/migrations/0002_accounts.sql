CREATE TYPE "public"."one_time_token_purpose" AS ENUM('verify_email', 'change_email', 'sign_in_link', 'password_reset');--> statement-breakpoint
CREATE TYPE "public"."invitation_role" AS ENUM('municipal_staff', 'officer');--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"action" text NOT NULL,
	"municipality_code" text,
	"subject_type" text,
	"subject_id" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_log" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "one_time_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"purpose" "one_time_token_purpose" NOT NULL,
	"token_hash" text NOT NULL,
	"email" text,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "one_time_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "refresh_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"rotated_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "refresh_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"role" "invitation_role" NOT NULL,
	"email" text NOT NULL,
	"language" "language" DEFAULT 'ja' NOT NULL,
	"municipality_code" text NOT NULL,
	"association_id" uuid,
	"invited_by" uuid,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_by" uuid,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invitations_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "invitations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "volunteer_profiles" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"municipality_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"availability" text DEFAULT '' NOT NULL,
	"languages" text[] DEFAULT '{ja}'::text[] NOT NULL,
	"online_ok" boolean DEFAULT false NOT NULL,
	"bio" text DEFAULT '' NOT NULL,
	"show_thanks" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "associations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "help_requests" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "role_assignments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "notification_email" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_time_tokens" ADD CONSTRAINT "one_time_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refresh_tokens" ADD CONSTRAINT "refresh_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_accepted_by_users_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_profiles" ADD CONSTRAINT "volunteer_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_municipality_idx" ON "audit_log" USING btree ("municipality_code","at");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "one_time_tokens_user_idx" ON "one_time_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "refresh_tokens_family_idx" ON "refresh_tokens" USING btree ("family_id");--> statement-breakpoint
CREATE INDEX "refresh_tokens_user_idx" ON "refresh_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "invitations_municipality_idx" ON "invitations" USING btree ("municipality_code","created_at");--> statement-breakpoint
CREATE POLICY "associations_read" ON "associations" AS PERMISSIVE FOR SELECT TO "board_app" USING (true);--> statement-breakpoint
CREATE POLICY "associations_write" ON "associations" AS PERMISSIVE FOR ALL TO "board_app" USING (((current_setting('app.system', true) = 'on') or ("associations"."municipality_code" = any(string_to_array(current_setting('app.staff_municipalities', true), ','))))) WITH CHECK (((current_setting('app.system', true) = 'on') or ("associations"."municipality_code" = any(string_to_array(current_setting('app.staff_municipalities', true), ',')))));--> statement-breakpoint
CREATE POLICY "help_requests_read" ON "help_requests" AS PERMISSIVE FOR SELECT TO "board_app" USING (("help_requests"."status" in ('published', 'filled', 'completed') or (current_setting('app.system', true) = 'on') or (current_setting('app.foundation', true) = 'on') or ("help_requests"."municipality_code" = any(string_to_array(current_setting('app.staff_municipalities', true), ','))) or ("help_requests"."association_id"::text = any(string_to_array(current_setting('app.officer_associations', true), ','))) or ("help_requests"."created_by"::text = current_setting('app.user_id', true))));--> statement-breakpoint
CREATE POLICY "help_requests_insert" ON "help_requests" AS PERMISSIVE FOR INSERT TO "board_app" WITH CHECK (((current_setting('app.system', true) = 'on') or ("help_requests"."association_id"::text = any(string_to_array(current_setting('app.officer_associations', true), ',')))));--> statement-breakpoint
CREATE POLICY "help_requests_update" ON "help_requests" AS PERMISSIVE FOR UPDATE TO "board_app" USING (((current_setting('app.system', true) = 'on') or ("help_requests"."municipality_code" = any(string_to_array(current_setting('app.staff_municipalities', true), ','))) or ("help_requests"."association_id"::text = any(string_to_array(current_setting('app.officer_associations', true), ','))))) WITH CHECK (((current_setting('app.system', true) = 'on') or ("help_requests"."municipality_code" = any(string_to_array(current_setting('app.staff_municipalities', true), ','))) or ("help_requests"."association_id"::text = any(string_to_array(current_setting('app.officer_associations', true), ',')))));--> statement-breakpoint
CREATE POLICY "help_requests_delete" ON "help_requests" AS PERMISSIVE FOR DELETE TO "board_app" USING ((current_setting('app.system', true) = 'on'));--> statement-breakpoint
CREATE POLICY "role_assignments_read" ON "role_assignments" AS PERMISSIVE FOR SELECT TO "board_app" USING (((current_setting('app.system', true) = 'on') or (current_setting('app.foundation', true) = 'on') or ("role_assignments"."user_id"::text = current_setting('app.user_id', true)) or ("role_assignments"."municipality_code" = any(string_to_array(current_setting('app.staff_municipalities', true), ',')))));--> statement-breakpoint
CREATE POLICY "role_assignments_write" ON "role_assignments" AS PERMISSIVE FOR ALL TO "board_app" USING (((current_setting('app.system', true) = 'on') or ("role_assignments"."municipality_code" = any(string_to_array(current_setting('app.staff_municipalities', true), ','))))) WITH CHECK (((current_setting('app.system', true) = 'on') or ("role_assignments"."municipality_code" = any(string_to_array(current_setting('app.staff_municipalities', true), ',')))));--> statement-breakpoint
CREATE POLICY "audit_log_read" ON "audit_log" AS PERMISSIVE FOR SELECT TO "board_app" USING (((current_setting('app.system', true) = 'on') or (current_setting('app.foundation', true) = 'on') or ("audit_log"."municipality_code" = any(string_to_array(current_setting('app.staff_municipalities', true), ','))) or ("audit_log"."municipality_code" is null and ("audit_log"."actor_id"::text = current_setting('app.user_id', true)))));--> statement-breakpoint
CREATE POLICY "audit_log_append" ON "audit_log" AS PERMISSIVE FOR INSERT TO "board_app" WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "invitations_access" ON "invitations" AS PERMISSIVE FOR ALL TO "board_app" USING (((current_setting('app.system', true) = 'on') or (current_setting('app.foundation', true) = 'on') or ("invitations"."municipality_code" = any(string_to_array(current_setting('app.staff_municipalities', true), ','))))) WITH CHECK (((current_setting('app.system', true) = 'on') or (current_setting('app.foundation', true) = 'on') or ("invitations"."municipality_code" = any(string_to_array(current_setting('app.staff_municipalities', true), ',')))));