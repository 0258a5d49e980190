CREATE TABLE "figures_changes" (
	"month" date NOT NULL
);
--> statement-breakpoint
ALTER TABLE "figures_changes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "monthly_figures" DROP CONSTRAINT "monthly_figures_municipality_code_month_category_pk";--> statement-breakpoint
ALTER TABLE "monthly_figures" ALTER COLUMN "municipality_code" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "monthly_figures" ADD CONSTRAINT "monthly_figures_cell_key" UNIQUE NULLS NOT DISTINCT("municipality_code","month","category");--> statement-breakpoint
CREATE POLICY "figures_changes_system" ON "figures_changes" AS PERMISSIVE FOR ALL TO "board_app" USING ((current_setting('app.system', true) = 'on')) WITH CHECK ((current_setting('app.system', true) = 'on'));