DROP INDEX "help_requests_search_idx";--> statement-breakpoint
DROP INDEX "help_requests_board_newest_idx";--> statement-breakpoint
DROP INDEX "help_requests_board_deadline_idx";--> statement-breakpoint
CREATE INDEX "help_requests_board_search_idx" ON "help_requests" USING gin ("search_tokens") WHERE "help_requests"."status" in ('published', 'filled') and "help_requests"."hidden_at" is null;--> statement-breakpoint
CREATE INDEX "help_requests_board_municipality_idx" ON "help_requests" USING btree ("municipality_code","published_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "help_requests"."status" in ('published', 'filled') and "help_requests"."hidden_at" is null;--> statement-breakpoint
CREATE INDEX "help_requests_expiry_idx" ON "help_requests" USING btree ("application_deadline") WHERE "help_requests"."status" = 'published';--> statement-breakpoint
CREATE INDEX "help_requests_board_newest_idx" ON "help_requests" USING btree ("published_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "help_requests"."status" in ('published', 'filled') and "help_requests"."hidden_at" is null;--> statement-breakpoint
CREATE INDEX "help_requests_board_deadline_idx" ON "help_requests" USING btree (coalesce("application_deadline", 'infinity'::timestamptz),"id") WHERE "help_requests"."status" in ('published', 'filled') and "help_requests"."hidden_at" is null;--> statement-breakpoint
-- The board reads through this view (db/src/schema/help-requests.ts, boardRequests): it runs with its
-- owner's rights, so the planner may use the board's indexes, which row-level security keeps
-- out of reach for non-leakproof operators (text[] @>, enum =). Its WHERE is the board's rule.
CREATE VIEW "board_requests" AS
  SELECT "id", "municipality_code", "association_id", "title", "body", "category", "skills", "slots",
         "matched_count", "when_kind", "starts_at", "ends_at", "area", "online", "estimated_hours",
         "expenses_covered", "application_deadline", "languages", "search_tokens", "status",
         "published_at", "updated_at"
  FROM "help_requests"
  WHERE "status" in ('published', 'filled') and "hidden_at" is null;--> statement-breakpoint
-- Default privileges (0001) granted writes on new relations; a simple view is updatable, and
-- writes through it would skip the table's policies. board_app may only read it.
REVOKE ALL ON "board_requests" FROM board_app;--> statement-breakpoint
GRANT SELECT ON "board_requests" TO board_app;
