ALTER TYPE "public"."notification_kind" ADD VALUE 'storyConsent' BEFORE 'handRaised';--> statement-breakpoint
ALTER TYPE "public"."reminder_kind" ADD VALUE 'work_tomorrow_officers';