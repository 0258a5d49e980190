-- Issue 8. Data first, so the constraints below hold on an existing database.
-- Showing received thanks on the public profile becomes the volunteer's choice, off until made.
UPDATE "volunteer_profiles" SET "show_thanks" = false;--> statement-breakpoint
-- Double submits made before the unique indexes: keep the first open flag per person and item,
-- settle the copies as dismissed.
UPDATE "flags" SET "status" = 'dismissed', "resolved_at" = now(), "resolution_note" = 'duplicate report'
  WHERE "status" = 'open' AND "id" IN (
    SELECT "id" FROM (
      SELECT "id", row_number() OVER (PARTITION BY "reporter_id", "target_type", "target_id" ORDER BY "created_at", "id") AS n
      FROM "flags" WHERE "status" = 'open' AND "reporter_id" IS NOT NULL
    ) ranked WHERE n > 1
  );--> statement-breakpoint
-- Keep the newest open invitation per address and hat; the older copies' links stop working.
UPDATE "invitations" SET "revoked_at" = now()
  WHERE "id" IN (
    SELECT "id" FROM (
      SELECT "id", row_number() OVER (
        PARTITION BY "email", "role", "municipality_code", coalesce("association_id", '00000000-0000-0000-0000-000000000000'::uuid)
        ORDER BY "created_at" DESC, "id" DESC) AS n
      FROM "invitations" WHERE "accepted_at" IS NULL AND "revoked_at" IS NULL
    ) ranked WHERE n > 1
  );--> statement-breakpoint
-- An association registered twice under one name keeps its rows; the later one's name says so.
UPDATE "associations" SET "name" = "associations"."name" || ' (' || ranked.n || ')'
  FROM (
    SELECT "id", row_number() OVER (PARTITION BY "municipality_code", "name" ORDER BY "created_at", "id") AS n
    FROM "associations"
  ) ranked
  WHERE ranked."id" = "associations"."id" AND ranked.n > 1;--> statement-breakpoint
-- matched_count never passed slots (the accept is a conditional UPDATE); should a row say so, the
-- matches are real: the slots are raised to them.
UPDATE "help_requests" SET "matched_count" = 0 WHERE "matched_count" < 0;--> statement-breakpoint
UPDATE "help_requests" SET "slots" = "matched_count" WHERE "matched_count" > "slots";--> statement-breakpoint
ALTER TABLE "volunteer_profiles" ALTER COLUMN "show_thanks" SET DEFAULT false;--> statement-breakpoint
CREATE UNIQUE INDEX "associations_name_idx" ON "associations" USING btree ("municipality_code","name");--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_one_open_idx" ON "invitations" USING btree ("email","role","municipality_code",coalesce("association_id", '00000000-0000-0000-0000-000000000000'::uuid)) WHERE "invitations"."accepted_at" is null and "invitations"."revoked_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "flags_one_open_per_reporter_idx" ON "flags" USING btree ("reporter_id","target_type","target_id") WHERE "flags"."status" = 'open';--> statement-breakpoint
ALTER TABLE "help_requests" ADD CONSTRAINT "help_requests_matched_within_slots" CHECK ("help_requests"."matched_count" >= 0 and "help_requests"."matched_count" <= "help_requests"."slots");
