ALTER TYPE "public"."notification_kind" ADD VALUE 'noHands' BEFORE 'newMessage';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'workTomorrow' BEFORE 'reviewWaiting';