-- The board's requests by category (issue 14): a category filter reads them in the board's order,
-- and a search word that also names a category (写真 → photo_video) ORs its GIN look-ups with this
-- index instead of reading the table (bench:explain, "a word over all Tokyo": 148 → 13 ms for the
-- total at Tokyo scale).
CREATE INDEX "help_requests_board_category_idx" ON "help_requests" USING btree ("category","published_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "help_requests"."status" in ('published', 'filled') and "help_requests"."hidden_at" is null;