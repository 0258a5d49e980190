-- Suggestions (issue 10) find their candidates through one GIN index on each side, by keys that
-- say what a row can be suggested for: a skill (`flyer_design`), a skill in a municipality
-- (`flyer_design@13121`), a skill online (`flyer_design@online`), a skill anywhere (`k@*`, a
-- volunteer who named no area) and, for a volunteer who named no skill, an area (`*@13121`).
-- server/src/modules/matching/keys.ts builds the keys the other side asks for, so the index
-- returns exactly the rows that scoring (shared/src/matching/scoring.ts) can suggest.
-- The volunteer's profile row also keeps copies of what scoring reads elsewhere (their skills,
-- their record), written by triggers, so a candidate is scored from that one row.

-- what a request open for hands is found by: its skills, and its category (`c:events`, for a
-- volunteer with another skill of that category), each anywhere, in its municipality and online
CREATE OR REPLACE FUNCTION request_match_keys(skill_keys text[], request_category category, municipality_code text, online boolean)
RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  select array(
    select k from unnest(skill_keys || ('c:' || request_category::text)) k
    union all select k || '@' || municipality_code from unnest(skill_keys || ('c:' || request_category::text)) k
    union all select k || '@online' from unnest(skill_keys || ('c:' || request_category::text)) k where online
    union all select '*@' || municipality_code
  )
$$;--> statement-breakpoint

-- what a volunteer who agreed to be suggested is found by
CREATE OR REPLACE FUNCTION volunteer_match_keys(skill_keys text[], areas text[], online_ok boolean)
RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  select array(
    select k from unnest(skill_keys) k
    union all select k || '@' || a from unnest(skill_keys) k,
      unnest(case when cardinality(areas) = 0 then array['*'] else areas end) a
    union all select k || '@online' from unnest(skill_keys) k where online_ok
    union all select '*@' || a from unnest(areas) a where cardinality(skill_keys) = 0
  )
$$;--> statement-breakpoint

ALTER TABLE "volunteer_profiles" ADD COLUMN "skill_keys" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "volunteer_profiles" ADD COLUMN "skills" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "volunteer_profiles" ADD COLUMN "completed_helps" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "volunteer_profiles" ADD COLUMN "helps_by_category" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "volunteer_profiles" ADD COLUMN "thanks_received" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "volunteer_profiles" ADD COLUMN "open_matches" integer DEFAULT 0 NOT NULL;--> statement-breakpoint

-- The profile keeps copies of the volunteer's skills (keys; keys with levels) and of the record
-- suggestions score (confirmed helps, all and per category; thanks received; matches under way:
-- accepted, not yet confirmed), written by triggers whoever writes volunteer_skills, applications
-- or thanks, so a candidate is found and scored from its profile row.
CREATE OR REPLACE FUNCTION volunteer_skills_of(target uuid, OUT keys text[], OUT levels jsonb)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  select coalesce(array_agg(s.skill_key order by s.skill_key), '{}'),
    coalesce(jsonb_agg(jsonb_build_object('key', s.skill_key, 'level', s.level) order by s.skill_key), '[]')
  from volunteer_skills s where s.user_id = target
$$;--> statement-breakpoint

CREATE OR REPLACE FUNCTION volunteer_record_of(
  target uuid, OUT completed integer, OUT by_category jsonb, OUT thanks integer, OUT open integer
)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  select
    (select count(*)::integer from applications a
      where a.volunteer_id = target and a.status = 'accepted' and a.confirmed_at is not null),
    coalesce((select jsonb_object_agg(c.category, c.n) from (
      select r.category, count(*)::integer n from applications a join help_requests r on r.id = a.request_id
      where a.volunteer_id = target and a.status = 'accepted' and a.confirmed_at is not null
      group by r.category) c), '{}'),
    (select count(*)::integer from thanks th where th.volunteer_id = target and th.to_volunteer),
    (select count(*)::integer from applications a
      where a.volunteer_id = target and a.status = 'accepted' and a.confirmed_at is null)
$$;--> statement-breakpoint

-- After a write to a table whose column TG_ARGV[0] names a volunteer: their profile's copies
-- again, for the volunteer before and after the write.
CREATE OR REPLACE FUNCTION volunteer_copies_written() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
  target uuid;
BEGIN
  FOREACH target IN ARRAY array_remove(array[
    CASE WHEN TG_OP <> 'INSERT' THEN (to_jsonb(OLD) ->> TG_ARGV[0])::uuid END,
    CASE WHEN TG_OP <> 'DELETE' THEN (to_jsonb(NEW) ->> TG_ARGV[0])::uuid END], NULL)
  LOOP
    UPDATE volunteer_profiles p
    SET skill_keys = s.keys, skills = s.levels, completed_helps = r.completed, helps_by_category = r.by_category,
      thanks_received = r.thanks, open_matches = r.open
    FROM volunteer_skills_of(target) s, volunteer_record_of(target) r
    WHERE p.user_id = target
      AND (p.skill_keys, p.skills, p.completed_helps, p.helps_by_category, p.thanks_received, p.open_matches)
        IS DISTINCT FROM (s.keys, s.levels, r.completed, r.by_category, r.thanks, r.open);
  END LOOP;
  RETURN NULL;
END
$$;--> statement-breakpoint

-- A new profile starts with the copies (skills may be written before it).
CREATE OR REPLACE FUNCTION volunteer_profile_copies_filled() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
  SELECT s.keys, s.levels INTO NEW.skill_keys, NEW.skills FROM volunteer_skills_of(NEW.user_id) s;
  SELECT r.completed, r.by_category, r.thanks, r.open
    INTO NEW.completed_helps, NEW.helps_by_category, NEW.thanks_received, NEW.open_matches
    FROM volunteer_record_of(NEW.user_id) r;
  RETURN NEW;
END
$$;--> statement-breakpoint

CREATE TRIGGER volunteer_skills_copied AFTER INSERT OR UPDATE OR DELETE ON volunteer_skills
  FOR EACH ROW EXECUTE FUNCTION volunteer_copies_written('user_id');--> statement-breakpoint
CREATE TRIGGER applications_volunteer_record AFTER INSERT OR DELETE ON applications
  FOR EACH ROW EXECUTE FUNCTION volunteer_copies_written('volunteer_id');--> statement-breakpoint
CREATE TRIGGER applications_volunteer_record_updated AFTER UPDATE ON applications FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.confirmed_at IS DISTINCT FROM NEW.confirmed_at
    OR OLD.volunteer_id IS DISTINCT FROM NEW.volunteer_id)
  EXECUTE FUNCTION volunteer_copies_written('volunteer_id');--> statement-breakpoint
CREATE TRIGGER thanks_volunteer_record AFTER INSERT OR UPDATE OR DELETE ON thanks
  FOR EACH ROW EXECUTE FUNCTION volunteer_copies_written('volunteer_id');--> statement-breakpoint
CREATE TRIGGER volunteer_profile_copies_filled BEFORE INSERT ON volunteer_profiles
  FOR EACH ROW EXECUTE FUNCTION volunteer_profile_copies_filled();--> statement-breakpoint

UPDATE volunteer_profiles p SET skill_keys = x.keys, skills = x.levels,
  completed_helps = x.completed, helps_by_category = x.by_category, thanks_received = x.thanks, open_matches = x.open
FROM (select v.user_id, s.keys, s.levels, r.completed, r.by_category, r.thanks, r.open
  from volunteer_profiles v, volunteer_skills_of(v.user_id) s, volunteer_record_of(v.user_id) r) x
WHERE x.user_id = p.user_id;--> statement-breakpoint

CREATE INDEX "volunteer_profiles_match_keys_idx" ON "volunteer_profiles" USING gin (volunteer_match_keys("skill_keys", "municipality_codes", "online_ok")) WHERE "volunteer_profiles"."suggestable";--> statement-breakpoint
CREATE INDEX "help_requests_open_match_keys_idx" ON "help_requests" USING gin (request_match_keys("skill_keys", "category", "municipality_code", "online")) WHERE "help_requests"."status" = 'published' and "help_requests"."matched_count" < "help_requests"."slots" and "help_requests"."hidden_at" is null;--> statement-breakpoint

-- The candidates for a request: consenting volunteers found by `keys`, with what scoring reads of
-- them (their profile row; helps in the request's category), not those with a hand on the
-- request, best first by `bound`: the most scoring (shared/src/matching/scoring.ts) can give each,
-- from the terms the server passes (`terms`: the request's skills and those of its categories,
-- its municipality and neighbours, whether online, the availability slots and languages that fit,
-- the weights). Only those whose bound reaches `at_least`, the first `cap` (null: all). Who they
-- are comes from `suggestion_people`, for the head of the list. The same check as before
-- (assert_may_see_suggestions).
DROP FUNCTION IF EXISTS suggestion_candidates(uuid, text[], text[], integer);--> statement-breakpoint
CREATE FUNCTION suggestion_candidates(target uuid, keys text[], terms jsonb, cap integer, at_least integer)
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
  w_teach integer := (terms -> 'bounds' ->> 'skillTeach')::integer;
  w_can integer := (terms -> 'bounds' ->> 'skillCan')::integer;
  w_related integer := (terms -> 'bounds' ->> 'category')::integer;
  w_same integer := (terms -> 'bounds' ->> 'sameMunicipality')::integer;
  w_near integer := (terms -> 'bounds' ->> 'neighbour')::integer;
  w_online integer := (terms -> 'bounds' ->> 'online')::integer;
  w_available integer := (terms -> 'bounds' ->> 'available')::integer;
  w_language integer := (terms -> 'bounds' ->> 'language')::integer;
  w_help integer := (terms -> 'bounds' ->> 'pastHelp')::integer;
  w_helps_max integer := (terms -> 'bounds' ->> 'pastHelpsMax')::integer;
  w_thanks integer := (terms -> 'bounds' ->> 'thanks')::integer;
  w_thanks_max integer := (terms -> 'bounds' ->> 'thanksMax')::integer;
  w_open integer := (terms -> 'bounds' ->> 'openMatch')::integer;
BEGIN
  PERFORM assert_may_see_suggestions(target);
  RETURN QUERY
  select * from (
    select p.user_id, p.municipality_codes, p.online_ok, p.availability_slots, p.languages, p.skills,
      p.completed_helps, coalesce((p.helps_by_category ->> t.category::text)::integer, 0) as helps, p.thanks_received,
      p.open_matches,
      (case when p.skill_keys && want_direct then
          (case when p.skills @> any(want_teach) then w_teach else w_can end)
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
  where at_least is null or c.bound >= at_least
  order by c.bound desc, c.user_id
  limit cap;
END
$$;--> statement-breakpoint

-- Who these candidates are: only consenting volunteers who are still volunteers and not deleted
-- (a candidate missing here is not suggested): their name, whether they show thanks received.
DROP FUNCTION IF EXISTS suggestion_records(uuid, uuid[]);--> statement-breakpoint
CREATE FUNCTION suggestion_people(target uuid, volunteer_ids uuid[])
RETURNS TABLE (user_id uuid, display_name text, show_thanks boolean)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
#variable_conflict use_column
BEGIN
  PERFORM assert_may_see_suggestions(target);
  RETURN QUERY
  select p.user_id, u.display_name, p.show_thanks
  from volunteer_profiles p
  join users u on u.id = p.user_id and u.deleted_at is null
  where p.user_id = any(volunteer_ids) and p.suggestable
    and exists (select 1 from role_assignments ra where ra.user_id = p.user_id and ra.role = 'volunteer');
END
$$;--> statement-breakpoint

REVOKE ALL ON FUNCTION suggestion_candidates(uuid, text[], jsonb, integer, integer) FROM PUBLIC;--> statement-breakpoint
REVOKE ALL ON FUNCTION suggestion_people(uuid, uuid[]) FROM PUBLIC;--> statement-breakpoint
REVOKE ALL ON FUNCTION volunteer_skills_of(uuid) FROM PUBLIC;--> statement-breakpoint
REVOKE ALL ON FUNCTION volunteer_record_of(uuid) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION suggestion_candidates(uuid, text[], jsonb, integer, integer) TO board_app;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION suggestion_people(uuid, uuid[]) TO board_app;
