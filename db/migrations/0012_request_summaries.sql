ALTER TABLE "help_requests" ADD COLUMN "summary_en" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "help_requests" ADD COLUMN "summary_ja_easy" text DEFAULT '' NOT NULL;--> statement-breakpoint
-- The board shows the summaries on its cards: the view gains the two columns (new columns go last;
-- CREATE OR REPLACE keeps the view's owner and grants, so board_app still only reads it).
CREATE OR REPLACE VIEW "board_requests" AS
  SELECT "id", "municipality_code", "association_id", "title", "body", "category", "skills", "slots",
         "matched_count", "when_kind", "starts_at", "ends_at", "area", "online", "estimated_hours",
         "expenses_covered", "application_deadline", "languages", "search_tokens", "status",
         "published_at", "updated_at", "summary_en", "summary_ja_easy"
  FROM "help_requests"
  WHERE "status" in ('published', 'filled') and "hidden_at" is null;
