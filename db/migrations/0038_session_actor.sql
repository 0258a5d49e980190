-- The person behind a signed-in request (issue 14): their hats, when the account is not deleted
-- and the session (a refresh-token family) is live; no row otherwise, one row of nulls for an
-- account with no hat. One statement the app's login may send outside any transaction, instead of
-- a system transaction of its own (begin, claims, read, commit) before every signed-in request
-- (server/src/plugins/app/authentication.ts). The server has verified the access token's signature
-- first: `target_user` and `session_family` are its `sub` and `sid`. Hats only; nothing else of the
-- account leaves.
CREATE OR REPLACE FUNCTION session_actor(target_user uuid, session_family uuid)
RETURNS TABLE (role role, municipality_code text, association_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  select ra.role, ra.municipality_code, ra.association_id
  from users u
  left join role_assignments ra on ra.user_id = u.id
  where u.id = target_user and u.deleted_at is null
    and exists (
      select 1 from refresh_tokens t
      where t.family_id = session_family and t.user_id = u.id and t.revoked_at is null and t.expires_at > now())
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION session_actor(uuid, uuid) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION session_actor(uuid, uuid) TO board_app;
