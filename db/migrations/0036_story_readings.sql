ALTER TABLE "stories" ADD COLUMN "title_ruby" jsonb;--> statement-breakpoint
ALTER TABLE "stories" ADD COLUMN "trouble_ruby" jsonb;--> statement-breakpoint
ALTER TABLE "stories" ADD COLUMN "what_done_ruby" jsonb;--> statement-breakpoint
ALTER TABLE "stories" ADD COLUMN "what_changed_ruby" jsonb;--> statement-breakpoint
-- the officer writing a sent-back story again also writes its readings (0032's guard, widened)
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
      'photo_alt', 'author_id', 'status', 'sent_back_reason',
      'title_ruby', 'trouble_ruby', 'what_done_ruby', 'what_changed_ruby'];
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
$$;
