CREATE TYPE "public"."mail_mode" AS ENUM('immediate', 'daily', 'weekly', 'off');--> statement-breakpoint
CREATE TYPE "public"."notification_kind" AS ENUM('requestFits', 'invitedToHelp', 'applicationAccepted', 'applicationDeclined', 'requestEnded', 'handRaised', 'matchWithdrawn', 'moderationResult', 'requestExpired', 'newMessage', 'markedDone', 'reviewWaiting', 'reviewOverdue', 'flagRaised');--> statement-breakpoint
CREATE TABLE "notification_digests" (
	"user_id" uuid NOT NULL,
	"kind" "notification_kind" NOT NULL,
	"period" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_digests_user_id_kind_period_pk" PRIMARY KEY("user_id","kind","period")
);
--> statement-breakpoint
ALTER TABLE "notification_digests" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "notification_preferences" (
	"user_id" uuid NOT NULL,
	"kind" "notification_kind" NOT NULL,
	"mode" "mail_mode" NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_preferences_user_id_kind_pk" PRIMARY KEY("user_id","kind")
);
--> statement-breakpoint
ALTER TABLE "notification_preferences" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recipient_id" uuid NOT NULL,
	"kind" "notification_kind" NOT NULL,
	"request_id" uuid,
	"application_id" uuid,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"link" text NOT NULL,
	"mail_mode" "mail_mode" NOT NULL,
	"mailed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "notifications" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "notification_digests" ADD CONSTRAINT "notification_digests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_recipient_id_users_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notifications_recipient_idx" ON "notifications" USING btree ("recipient_id","created_at","id");--> statement-breakpoint
CREATE INDEX "notifications_digest_idx" ON "notifications" USING btree ("mail_mode","recipient_id","kind") WHERE "notifications"."mailed_at" is null and "notifications"."mail_mode" in ('daily', 'weekly');--> statement-breakpoint
CREATE POLICY "notification_digests_system" ON "notification_digests" AS PERMISSIVE FOR ALL TO "board_app" USING ((current_setting('app.system', true) = 'on')) WITH CHECK ((current_setting('app.system', true) = 'on'));--> statement-breakpoint
CREATE POLICY "notification_preferences_own" ON "notification_preferences" AS PERMISSIVE FOR ALL TO "board_app" USING (((current_setting('app.system', true) = 'on') or ("notification_preferences"."user_id"::text = current_setting('app.user_id', true)))) WITH CHECK (((current_setting('app.system', true) = 'on') or ("notification_preferences"."user_id"::text = current_setting('app.user_id', true))));--> statement-breakpoint
CREATE POLICY "notifications_read" ON "notifications" AS PERMISSIVE FOR SELECT TO "board_app" USING (((current_setting('app.system', true) = 'on') or ("notifications"."recipient_id"::text = current_setting('app.user_id', true))));--> statement-breakpoint
CREATE POLICY "notifications_mark" ON "notifications" AS PERMISSIVE FOR UPDATE TO "board_app" USING (((current_setting('app.system', true) = 'on') or ("notifications"."recipient_id"::text = current_setting('app.user_id', true)))) WITH CHECK (((current_setting('app.system', true) = 'on') or ("notifications"."recipient_id"::text = current_setting('app.user_id', true))));--> statement-breakpoint
CREATE POLICY "notifications_write" ON "notifications" AS PERMISSIVE FOR INSERT TO "board_app" WITH CHECK ((current_setting('app.system', true) = 'on'));--> statement-breakpoint
CREATE POLICY "notifications_delete" ON "notifications" AS PERMISSIVE FOR DELETE TO "board_app" USING ((current_setting('app.system', true) = 'on'));