CREATE TYPE "public"."reminder_kind" AS ENUM('work_tomorrow', 'no_hands');--> statement-breakpoint
CREATE TABLE "calendar_feeds" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_feeds_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "calendar_feeds" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "reminders_sent" (
	"kind" "reminder_kind" NOT NULL,
	"subject_id" uuid NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reminders_sent_kind_subject_id_pk" PRIMARY KEY("kind","subject_id")
);
--> statement-breakpoint
ALTER TABLE "reminders_sent" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE POLICY "calendar_feeds_owner" ON "calendar_feeds" AS PERMISSIVE FOR ALL TO "board_app" USING (((current_setting('app.system', true) = 'on') or ("calendar_feeds"."user_id"::text = current_setting('app.user_id', true)))) WITH CHECK (((current_setting('app.system', true) = 'on') or ("calendar_feeds"."user_id"::text = current_setting('app.user_id', true))));--> statement-breakpoint
CREATE POLICY "reminders_sent_system" ON "reminders_sent" AS PERMISSIVE FOR ALL TO "board_app" USING ((current_setting('app.system', true) = 'on')) WITH CHECK ((current_setting('app.system', true) = 'on'));