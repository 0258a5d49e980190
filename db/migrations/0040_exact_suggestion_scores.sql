-- Suggestions for a request read their candidates in the order scoring gives (issue 10): each
-- candidate's `bound` is now exactly its score (shared/src/matching/scoring.ts), further skills in
-- common counted rather than taken at their most, and the list is read page by page after the
-- last candidate read (`after_bound`, `after_id`: the order is bound, highest first, then id)
-- instead of "every candidate whose bound reaches a score". A list of 20 then reads 20-odd rows,
-- not 200 or more. The same check as before (assert_may_see_suggestions); only consenting
-- volunteers; what scoring reads of them, from their profile row.
DROP FUNCTION IF EXISTS suggestion_candidates(uuid, text[], jsonb, integer, integer);--> statement-breakpoint
CREATE FUNCTION suggestion_candidates(target uuid, keys text[], terms jsonb, cap integer, after_bound integer, after_id uuid)
RETURNS TABLE (
  user_id uuid, municipality_codes text[], online_ok boolean, availability_slots text[], languages text[], skills jsonb,
  completed_helps integer, helps_in_category integer, thanks_received integer, open_matches integer, bound integer
)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
#variable_conflict use_column
DECLARE
  want_direct text[] := array(select jsonb_array_elements_text(terms -> 'direct'));
  -- `[{"key": k, "level": "teach"}]` for each wanted skill k: the skills that teach it contain one
  want_teach jsonb[] := array(select jsonb_build_array(jsonb_build_object('key', k, 'level', 'teach'))
    from jsonb_array_elements_text(terms -> 'direct') k);
  want_related text[] := array(select jsonb_array_elements_text(terms -> 'related'));
  want_home text := terms ->> 'municipality';
  want_near text[] := array(select jsonb_array_elements_text(terms -> 'neighbours'));
  want_online boolean := (terms ->> 'online')::boolean;
  want_slots text[] := array(select jsonb_array_elements_text(terms -> 'slots'));
  want_languages text[] := array(select jsonb_array_elements_text(terms -> 'languages'));
  w_teach integer := (terms -> 'weights' ->> 'skillTeach')::integer;
  w_can integer := (terms -> 'weights' ->> 'skillCan')::integer;
  w_extra integer := (terms -> 'weights' ->> 'extraSkill')::integer;
  w_extra_max integer := (terms -> 'weights' ->> 'extraSkillMax')::integer;
  w_related integer := (terms -> 'weights' ->> 'category')::integer;
  w_same integer := (terms -> 'weights' ->> 'sameMunicipality')::integer;
  w_near integer := (terms -> 'weights' ->> 'neighbour')::integer;
  w_online integer := (terms -> 'weights' ->> 'online')::integer;
  w_available integer := (terms -> 'weights' ->> 'available')::integer;
  w_language integer := (terms -> 'weights' ->> 'language')::integer;
  w_help integer := (terms -> 'weights' ->> 'pastHelp')::integer;
  w_helps_max integer := (terms -> 'weights' ->> 'pastHelpsMax')::integer;
  w_thanks integer := (terms -> 'weights' ->> 'thanks')::integer;
  w_thanks_max integer := (terms -> 'weights' ->> 'thanksMax')::integer;
  w_open integer := (terms -> 'weights' ->> 'openMatch')::integer;
BEGIN
  PERFORM assert_may_see_suggestions(target);
  RETURN QUERY
  select * from (
    select p.user_id, p.municipality_codes, p.online_ok, p.availability_slots, p.languages, p.skills,
      p.completed_helps, coalesce((p.helps_by_category ->> t.category::text)::integer, 0) as helps, p.thanks_received,
      p.open_matches,
      (case when p.skill_keys && want_direct then
          (case when p.skills @> any(want_teach) then w_teach else w_can end)
          + (case when cardinality(want_direct) > 1 then
              least(w_extra_max, w_extra * ((select count(*)::integer from unnest(want_direct) k where k = any(p.skill_keys)) - 1))
            else 0 end)
        when p.skill_keys && want_related then w_related else 0 end)
      + (case when want_home = any(p.municipality_codes) then w_same when p.municipality_codes && want_near then w_near
          when want_online and p.online_ok then w_online else 0 end)
      + (case when p.availability_slots && want_slots then w_available else 0 end)
      + (case when p.languages && want_languages then w_language else 0 end)
      + least(w_helps_max, w_help * coalesce((p.helps_by_category ->> t.category::text)::integer, 0))
      + least(w_thanks_max, w_thanks * p.thanks_received)
      + w_open * p.open_matches as bound
    from volunteer_profiles p, help_requests t
    where t.id = target and p.suggestable
      and volunteer_match_keys(p.skill_keys, p.municipality_codes, p.online_ok) && keys
      and p.user_id not in (select a.volunteer_id from applications a where a.request_id = target)
  ) c
  where after_bound is null or c.bound < after_bound or (c.bound = after_bound and c.user_id > after_id)
  order by c.bound desc, c.user_id
  limit cap;
END
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION suggestion_candidates(uuid, text[], jsonb, integer, integer, uuid) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION suggestion_candidates(uuid, text[], jsonb, integer, integer, uuid) TO board_app;--> statement-breakpoint
-- Hands raised (pending or accepted) on requests open on the board, for suggestions' scoring and
-- the officers' "no hands yet": a count of other people's rows, public on the board's cards, read
-- in one statement instead of a system elevation of three. Requests not on the board count none.
CREATE FUNCTION board_hands(request_ids uuid[])
RETURNS TABLE (request_id uuid, hands integer)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  select a.request_id, count(*)::integer
  from applications a
  join help_requests r on r.id = a.request_id and r.status = 'published' and r.hidden_at is null
  where a.request_id = any(request_ids) and a.status in ('pending', 'accepted')
  group by a.request_id
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION board_hands(uuid[]) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION board_hands(uuid[]) TO board_app;
