-- The candidates' scores for a request, computed for fewer cycles (issue 10; same results as 0040):
-- an online request meets 5,500 candidates at Tokyo scale and each term of the score is paid per
-- row. Further skills in common are counted without a sub-select per row when the request wants
-- up to three skills; the past helps in the request's category are read once per row (for the
-- score) and the row's helps per category are returned as they are (the server takes the
-- category's), instead of extracted twice; the request's category is read once, not joined.
DROP FUNCTION IF EXISTS suggestion_candidates(uuid, text[], jsonb, integer, integer, uuid);--> statement-breakpoint
CREATE FUNCTION suggestion_candidates(target uuid, keys text[], terms jsonb, cap integer, after_bound integer, after_id uuid)
RETURNS TABLE (
  user_id uuid, municipality_codes text[], online_ok boolean, availability_slots text[], languages text[], skills jsonb,
  completed_helps integer, helps_by_category jsonb, thanks_received integer, open_matches integer, bound integer
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
  want_category text;
BEGIN
  PERFORM assert_may_see_suggestions(target);
  SELECT r.category::text INTO want_category FROM help_requests r WHERE r.id = target;
  RETURN QUERY
  select * from (
    select p.user_id, p.municipality_codes, p.online_ok, p.availability_slots, p.languages, p.skills,
      p.completed_helps, p.helps_by_category, p.thanks_received,
      p.open_matches,
      (case when p.skill_keys && want_direct then
          (case when p.skills @> any(want_teach) then w_teach else w_can end)
          + (case when cardinality(want_direct) <= 1 then 0
            -- up to three wanted skills (nearly every request) without a sub-select per row
            when cardinality(want_direct) <= 3 then least(w_extra_max, w_extra * (
              (want_direct[1] = any(p.skill_keys))::integer + (want_direct[2] = any(p.skill_keys))::integer
              + coalesce((want_direct[3] = any(p.skill_keys))::integer, 0) - 1))
            else least(w_extra_max, w_extra * ((select count(*)::integer from unnest(want_direct) k where k = any(p.skill_keys)) - 1))
            end)
        when p.skill_keys && want_related then w_related else 0 end)
      + (case when want_home = any(p.municipality_codes) then w_same when p.municipality_codes && want_near then w_near
          when want_online and p.online_ok then w_online else 0 end)
      + (case when p.availability_slots && want_slots then w_available else 0 end)
      + (case when p.languages && want_languages then w_language else 0 end)
      + least(w_helps_max, w_help * coalesce((p.helps_by_category ->> want_category)::integer, 0))
      + least(w_thanks_max, w_thanks * p.thanks_received)
      + w_open * p.open_matches as bound
    from volunteer_profiles p
    where p.suggestable
      and volunteer_match_keys(p.skill_keys, p.municipality_codes, p.online_ok) && keys
      and p.user_id not in (select a.volunteer_id from applications a where a.request_id = target)
  ) c
  where after_bound is null or c.bound < after_bound or (c.bound = after_bound and c.user_id > after_id)
  order by c.bound desc, c.user_id
  limit cap;
END
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION suggestion_candidates(uuid, text[], jsonb, integer, integer, uuid) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION suggestion_candidates(uuid, text[], jsonb, integer, integer, uuid) TO board_app;
