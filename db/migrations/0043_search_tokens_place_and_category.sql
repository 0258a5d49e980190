-- A search within one municipality (issue 14): a request's municipality and category become two
-- of its own search tokens (`m:13115`, `c:photo_video`; real tokens are one or two letters or digits,
-- never a colon).
-- A word in one municipality is then one GIN look-up per synonym, its tokens plus `m:…`, and a
-- word that names a category adds `c:… m:…` (写真 → photo_video). Before, a place-aware index on
-- the expression `search_tokens || array['m:' || municipality_code]` served the words, and the
-- category arm could only be filtered: PostgreSQL read all of a municipality's listed requests and
-- built that expression once per synonym per row (しゃしん in 13115 at Tokyo scale, nine synonyms
-- over 2,612 rows: 55 ms; now 1.7 ms in psql). One GIN index less to keep up on every write, too.
-- The trigger keeps both tokens whatever writes the row; a bulk load that skips triggers calls
-- `search_tokens_placed` itself (scripts/bench/generate-requests.ts).
CREATE OR REPLACE FUNCTION search_tokens_placed(tokens text[], municipality_code text, category text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  select array(select t from unnest(tokens) t where t not like 'm:_%' and t not like 'c:_%')
    || array['m:' || municipality_code, 'c:' || category]
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION help_requests_search_tokens_placed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_tokens := search_tokens_placed(NEW.search_tokens, NEW.municipality_code, NEW.category::text);
  RETURN NEW;
END;
$$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS help_requests_search_tokens_placed ON help_requests;
--> statement-breakpoint
CREATE TRIGGER help_requests_search_tokens_placed BEFORE INSERT OR UPDATE OF search_tokens, municipality_code, category
  ON help_requests FOR EACH ROW EXECUTE FUNCTION help_requests_search_tokens_placed();
--> statement-breakpoint
UPDATE help_requests SET search_tokens = search_tokens_placed(search_tokens, municipality_code, category::text)
  WHERE NOT search_tokens @> array['m:' || municipality_code, 'c:' || category::text];
--> statement-breakpoint
DROP INDEX IF EXISTS "help_requests_board_place_search_idx";
