ALTER TABLE "applications" DROP COLUMN "last_mail_to_volunteer_at";--> statement-breakpoint
ALTER TABLE "applications" DROP COLUMN "last_mail_to_association_at";