CREATE TYPE "public"."hands_mode" AS ENUM('officer_picks', 'first_come');--> statement-breakpoint
CREATE TYPE "public"."application_origin" AS ENUM('board', 'suggestion', 'invitation');--> statement-breakpoint
CREATE TYPE "public"."help_invitation_status" AS ENUM('open', 'accepted', 'declined', 'expired');--> statement-breakpoint
CREATE TABLE "help_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"invited_by" uuid NOT NULL,
	"municipality_code" text NOT NULL,
	"association_id" uuid NOT NULL,
	"status" "help_invitation_status" DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "help_invitations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "volunteer_profiles" ADD COLUMN "help_invitations_muted" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "help_requests" ADD COLUMN "hands_mode" "hands_mode" DEFAULT 'officer_picks' NOT NULL;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "origin" "application_origin" DEFAULT 'board' NOT NULL;--> statement-breakpoint
ALTER TABLE "help_invitations" ADD CONSTRAINT "help_invitations_request_id_help_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."help_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_invitations" ADD CONSTRAINT "help_invitations_volunteer_id_users_id_fk" FOREIGN KEY ("volunteer_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_invitations" ADD CONSTRAINT "help_invitations_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_invitations" ADD CONSTRAINT "help_invitations_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_invitations" ADD CONSTRAINT "help_invitations_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "help_invitations_once_idx" ON "help_invitations" USING btree ("request_id","volunteer_id");--> statement-breakpoint
CREATE INDEX "help_invitations_volunteer_idx" ON "help_invitations" USING btree ("volunteer_id","status");--> statement-breakpoint
CREATE INDEX "help_invitations_inviter_idx" ON "help_invitations" USING btree ("invited_by","created_at");--> statement-breakpoint
CREATE POLICY "help_invitations_read" ON "help_invitations" AS PERMISSIVE FOR SELECT TO "board_app" USING (((current_setting('app.system', true) = 'on') or (current_setting('app.foundation', true) = 'on') or ("help_invitations"."municipality_code" = any(string_to_array(current_setting('app.staff_municipalities', true), ','))) or ("help_invitations"."association_id"::text = any(string_to_array(current_setting('app.officer_associations', true), ','))) or ("help_invitations"."volunteer_id"::text = current_setting('app.user_id', true))));--> statement-breakpoint
CREATE POLICY "help_invitations_insert" ON "help_invitations" AS PERMISSIVE FOR INSERT TO "board_app" WITH CHECK (((current_setting('app.system', true) = 'on') or (("help_invitations"."association_id"::text = any(string_to_array(current_setting('app.officer_associations', true), ','))) and ("help_invitations"."invited_by"::text = current_setting('app.user_id', true)))));--> statement-breakpoint
CREATE POLICY "help_invitations_update" ON "help_invitations" AS PERMISSIVE FOR UPDATE TO "board_app" USING (((current_setting('app.system', true) = 'on') or ("help_invitations"."volunteer_id"::text = current_setting('app.user_id', true)))) WITH CHECK (((current_setting('app.system', true) = 'on') or ("help_invitations"."volunteer_id"::text = current_setting('app.user_id', true))));