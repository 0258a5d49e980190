-- Several instances (issue 14): every committed change to what the board lists tells every
-- server instance to forget its cached board pages (server/src/plugins/app/board-cache.ts
-- LISTENs on 'board_changed'). Statement-level: one notification per statement, and PostgreSQL
-- folds identical ones within a transaction; it is delivered only if the transaction commits.
CREATE OR REPLACE FUNCTION board_changed_notify() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('board_changed', TG_TABLE_NAME);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS help_requests_board_changed ON help_requests;
--> statement-breakpoint
CREATE TRIGGER help_requests_board_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON help_requests
  FOR EACH STATEMENT EXECUTE FUNCTION board_changed_notify();
--> statement-breakpoint
DROP TRIGGER IF EXISTS municipalities_board_changed ON municipalities;
--> statement-breakpoint
CREATE TRIGGER municipalities_board_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON municipalities
  FOR EACH STATEMENT EXECUTE FUNCTION board_changed_notify();
--> statement-breakpoint
DROP TRIGGER IF EXISTS associations_board_changed ON associations;
--> statement-breakpoint
CREATE TRIGGER associations_board_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON associations
  FOR EACH STATEMENT EXECUTE FUNCTION board_changed_notify();
