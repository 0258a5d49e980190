-- Issue 13: readings over kanji (furigana), made by the server when a text is written and kept
-- beside it; null where the text has no kanji or its readings are not made yet (the server fills
-- those in at start). The board view shows them too (its new columns go last).
ALTER TABLE "associations" ADD COLUMN "name_ruby" jsonb;--> statement-breakpoint
ALTER TABLE "help_requests" ADD COLUMN "title_ruby" jsonb;--> statement-breakpoint
ALTER TABLE "help_requests" ADD COLUMN "body_ruby" jsonb;--> statement-breakpoint
CREATE OR REPLACE VIEW "board_requests" AS
  SELECT "id", "municipality_code", "association_id", "title", "body", "category", "skills", "slots",
         "matched_count", "when_kind", "starts_at", "ends_at", "area", "online", "estimated_hours",
         "expenses_covered", "application_deadline", "languages", "search_tokens", "status",
         "published_at", "updated_at", "summary_en", "summary_ja_easy", "posted_by_municipality",
         "skill_keys", "title_ruby", "body_ruby"
  FROM "help_requests"
  WHERE "status" in ('published', 'filled') and "hidden_at" is null;
