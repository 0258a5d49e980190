ALTER TABLE "help_requests" ADD COLUMN "posted_by_municipality" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER POLICY "help_requests_insert" ON "help_requests" TO board_app WITH CHECK (((current_setting('app.system', true) = 'on') or ("help_requests"."association_id"::text = any(string_to_array(current_setting('app.officer_associations', true), ','))) or (("help_requests"."municipality_code" = any(string_to_array(current_setting('app.staff_municipalities', true), ','))) and "help_requests"."posted_by_municipality")));--> statement-breakpoint
-- The board marks requests the ward posted for an association: the view gains the column (new
-- columns go last; CREATE OR REPLACE keeps the view's owner and grants).
CREATE OR REPLACE VIEW "board_requests" AS
  SELECT "id", "municipality_code", "association_id", "title", "body", "category", "skills", "slots",
         "matched_count", "when_kind", "starts_at", "ends_at", "area", "online", "estimated_hours",
         "expenses_covered", "application_deadline", "languages", "search_tokens", "status",
         "published_at", "updated_at", "summary_en", "summary_ja_easy", "posted_by_municipality"
  FROM "help_requests"
  WHERE "status" in ('published', 'filled') and "hidden_at" is null;
