ALTER TABLE "applications" ADD COLUMN "last_mail_to_volunteer_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "last_mail_to_association_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "contact_shown_to_volunteer_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "contact_shown_to_association_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "applications" DROP COLUMN "last_message_mail_at";