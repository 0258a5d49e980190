-- Who may change which columns of a story (issue 12). The `stories_update` policy says whose rows
-- (the writer's association, the volunteer, the municipality's staff, the foundation); a policy sees
-- only the new row, so it cannot say which columns. This trigger does, from the claims
-- `withAccess` sets, for each hat the actor wears for this row:
--   volunteer:   their consent and the name shown (story.consent);
--   officer:     a sent-back story written again, back to review (createStory);
--   staff:       a story in review approved or sent back (story.approve);
--   foundation:  featuring (story.feature).
-- System work (jobs) and the migration owner (migrations, the demo's re-dating) change anything.
-- Anything else raises insufficient_privilege.
CREATE OR REPLACE FUNCTION "public"."stories_guard_columns"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  allowed text[] := array['updated_at'];
BEGIN
  IF current_user <> 'board_app' OR current_setting('app.system', true) = 'on' THEN
    RETURN NEW;
  END IF;
  IF OLD.volunteer_id::text = current_setting('app.user_id', true) THEN
    allowed := allowed || array['volunteer_consent', 'volunteer_name'];
  END IF;
  IF OLD.association_id::text = any(string_to_array(current_setting('app.officer_associations', true), ','))
     AND OLD.status = 'sent_back' AND NEW.status = 'review' THEN
    allowed := allowed || array['title', 'trouble', 'what_done', 'what_changed', 'photo', 'photo_type',
      'photo_alt', 'author_id', 'status', 'sent_back_reason'];
  END IF;
  IF OLD.municipality_code = any(string_to_array(current_setting('app.staff_municipalities', true), ','))
     AND OLD.status = 'review' THEN
    allowed := allowed || array['status', 'sent_back_reason', 'decided_by', 'approved_at'];
  END IF;
  IF current_setting('app.foundation', true) = 'on' THEN
    allowed := allowed || array['featured_at'];
  END IF;
  IF (to_jsonb(NEW) - allowed) IS DISTINCT FROM (to_jsonb(OLD) - allowed) THEN
    RAISE EXCEPTION 'stories: this change is not yours to make'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER "stories_guard_columns" BEFORE UPDATE ON "stories"
  FOR EACH ROW EXECUTE FUNCTION "public"."stories_guard_columns"();
