-- The months whose figures a write changes (issue 12): the refresh recomputes only those. Each
-- trigger adds the Tokyo calendar months a written row counts in, before and after the write:
-- a request's posting and publishing months; an application's month, its decision's month and
-- its request's publishing month (first hand, first match). The functions run as their owner
-- (figures_changes is the system's only) and take nothing from the caller.

CREATE OR REPLACE FUNCTION figures_note_months(moments timestamptz[]) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
  insert into figures_changes (month)
  select distinct date_trunc('month', (m at time zone 'UTC') + interval '9 hours')::date
  from unnest(moments) m where m is not null
$$;--> statement-breakpoint

CREATE OR REPLACE FUNCTION figures_request_written() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM figures_note_months(array[OLD.created_at, OLD.published_at]); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM figures_note_months(array[NEW.created_at, NEW.published_at]); END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint

CREATE OR REPLACE FUNCTION figures_application_written() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM figures_note_months(array[OLD.created_at, OLD.decided_at,
      (select r.published_at from help_requests r where r.id = OLD.request_id)]);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM figures_note_months(array[NEW.created_at, NEW.decided_at,
      (select r.published_at from help_requests r where r.id = NEW.request_id)]);
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint

CREATE TRIGGER help_requests_figures_written AFTER INSERT OR DELETE ON help_requests
  FOR EACH ROW EXECUTE FUNCTION figures_request_written();--> statement-breakpoint
CREATE TRIGGER help_requests_figures_updated AFTER UPDATE ON help_requests FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.created_at IS DISTINCT FROM NEW.created_at
    OR OLD.published_at IS DISTINCT FROM NEW.published_at OR OLD.municipality_code IS DISTINCT FROM NEW.municipality_code
    OR OLD.category IS DISTINCT FROM NEW.category OR OLD.association_id IS DISTINCT FROM NEW.association_id)
  EXECUTE FUNCTION figures_request_written();--> statement-breakpoint
CREATE TRIGGER applications_figures_written AFTER INSERT OR DELETE ON applications
  FOR EACH ROW EXECUTE FUNCTION figures_application_written();--> statement-breakpoint
CREATE TRIGGER applications_figures_updated AFTER UPDATE ON applications FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.created_at IS DISTINCT FROM NEW.created_at
    OR OLD.decided_at IS DISTINCT FROM NEW.decided_at OR OLD.origin IS DISTINCT FROM NEW.origin
    OR OLD.municipality_code IS DISTINCT FROM NEW.municipality_code OR OLD.volunteer_id IS DISTINCT FROM NEW.volunteer_id)
  EXECUTE FUNCTION figures_application_written();--> statement-breakpoint

REVOKE ALL ON FUNCTION figures_note_months(timestamptz[]) FROM PUBLIC;--> statement-breakpoint
-- everything is out of date until the first refresh
INSERT INTO figures_changes (month) VALUES ('-infinity');
