-- The GIN indexes read by every board search and suggestion keep a short pending list (issue 14):
-- new entries wait there, and every search scans all of it, until it reaches the limit (4 MB by
-- default) or a vacuum merges it. On a Tokyo-scale database 6,000 profile writes made the
-- volunteers' suggestions 4× slower (p50 12 → 48 ms) and 2,000 request writes the board's
-- listing 1.5× slower until autovacuum came. 128 kB bounds that scan; writes still merge in
-- batches (docs/benchmarks.md, "GIN pending lists"). In place: no index is rebuilt.
ALTER INDEX "volunteer_profiles_match_keys_idx" SET (gin_pending_list_limit = 128);--> statement-breakpoint
ALTER INDEX "help_requests_board_search_idx" SET (gin_pending_list_limit = 128);--> statement-breakpoint
ALTER INDEX "help_requests_board_place_search_idx" SET (gin_pending_list_limit = 128);--> statement-breakpoint
ALTER INDEX "help_requests_board_skill_keys_idx" SET (gin_pending_list_limit = 128);--> statement-breakpoint
ALTER INDEX "help_requests_open_match_keys_idx" SET (gin_pending_list_limit = 128);
