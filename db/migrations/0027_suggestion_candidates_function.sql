-- Suggestions for a request (issue 10) read volunteers who agreed to be suggested through these
-- functions instead of the tables' row-level security: the people policies (ORs with sub-plans
-- such as "applied to the reader") make the planner expect one row everywhere, and the
-- candidates-by-skill query took 9.2 s as board_app against 0.2 s as the owner.
-- Each function runs as its owner (the migration's role, which row-level security does not bind)
-- and first checks, from the caller's claims, that the caller may see suggestions for the
-- request: system work, the staff of its municipality or the officers of its association;
-- anyone else gets insufficient_privilege. They only ever return volunteers with
-- suggestable = true (who agreed to be suggested), and only what suggestions show.

CREATE OR REPLACE FUNCTION assert_may_see_suggestions(target uuid) RETURNS void
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
  IF NOT exists (
    select 1 from help_requests r
    where r.id = target
      and (current_setting('app.system', true) = 'on'
        or r.municipality_code = any(string_to_array(current_setting('app.staff_municipalities', true), ','))
        or r.association_id::text = any(string_to_array(current_setting('app.officer_associations', true), ',')))
  ) THEN
    RAISE EXCEPTION 'may not see suggestions for request %', target USING ERRCODE = 'insufficient_privilege';
  END IF;
END
$$;--> statement-breakpoint

-- Consenting volunteers (not deleted, still volunteers, no hand on the request yet) with one of
-- `skill_keys` or an area among `areas`, the first `cap` by id, with what scoring reads of them
-- and their matches under way. Joins the planner walks in id order (the profiles' key), testing
-- each row, rather than a set of every consenting volunteer.
CREATE OR REPLACE FUNCTION suggestion_candidates(target uuid, skill_keys text[], areas text[], cap integer)
RETURNS TABLE (
  user_id uuid, display_name text, municipality_codes text[], online_ok boolean,
  availability_slots text[], languages text[], show_thanks boolean, skills jsonb, open_matches integer
)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
#variable_conflict use_column
BEGIN
  PERFORM assert_may_see_suggestions(target);
  RETURN QUERY
  with ids as (
    select p.user_id from volunteer_profiles p
    join users u on u.id = p.user_id
    where p.suggestable and u.deleted_at is null
      and (p.municipality_codes && areas
        or exists (select 1 from volunteer_skills vs where vs.user_id = p.user_id and vs.skill_key = any(skill_keys)))
      and exists (select 1 from role_assignments ra where ra.user_id = p.user_id and ra.role = 'volunteer')
      and not exists (select 1 from applications a where a.request_id = target and a.volunteer_id = p.user_id)
    order by p.user_id limit cap
  )
  select p.user_id, u.display_name, p.municipality_codes, p.online_ok, p.availability_slots, p.languages,
    p.show_thanks,
    coalesce((select jsonb_agg(jsonb_build_object('key', s.skill_key, 'level', s.level) order by s.skill_key)
      from volunteer_skills s where s.user_id = p.user_id), '[]'::jsonb),
    (select count(*)::integer from applications a
      where a.volunteer_id = p.user_id and a.status = 'accepted' and a.confirmed_at is null)
  from ids
  join volunteer_profiles p on p.user_id = ids.user_id
  join users u on u.id = p.user_id;
END
$$;--> statement-breakpoint

-- The record of consenting volunteers among `volunteer_ids` (suggestions read it only for the
-- head of the list): completed helps, those in the request's category, thank-you notes received.
CREATE OR REPLACE FUNCTION suggestion_records(target uuid, volunteer_ids uuid[])
RETURNS TABLE (user_id uuid, completed_helps integer, helps_in_category integer, thanks_received integer)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
#variable_conflict use_column
BEGIN
  PERFORM assert_may_see_suggestions(target);
  RETURN QUERY
  select p.user_id,
    (select count(*)::integer from applications a
      where a.volunteer_id = p.user_id and a.status = 'accepted' and a.confirmed_at is not null),
    (select count(*)::integer from applications a join help_requests r on r.id = a.request_id
      where a.volunteer_id = p.user_id and a.status = 'accepted' and a.confirmed_at is not null
        and r.category = (select t.category from help_requests t where t.id = target)),
    (select count(*)::integer from thanks th where th.volunteer_id = p.user_id and th.to_volunteer)
  from volunteer_profiles p
  where p.user_id = any(volunteer_ids) and p.suggestable;
END
$$;--> statement-breakpoint

REVOKE ALL ON FUNCTION assert_may_see_suggestions(uuid) FROM PUBLIC;--> statement-breakpoint
REVOKE ALL ON FUNCTION suggestion_candidates(uuid, text[], text[], integer) FROM PUBLIC;--> statement-breakpoint
REVOKE ALL ON FUNCTION suggestion_records(uuid, uuid[]) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION assert_may_see_suggestions(uuid) TO board_app;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION suggestion_candidates(uuid, text[], text[], integer) TO board_app;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION suggestion_records(uuid, uuid[]) TO board_app;
