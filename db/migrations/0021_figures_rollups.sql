CREATE TABLE "monthly_activity" (
	"municipality_code" text,
	"month" date NOT NULL,
	"active_volunteers" integer DEFAULT 0 NOT NULL,
	"posting_associations" integer DEFAULT 0 NOT NULL,
	"first_hand_half_days" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"match_half_days" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"refreshed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "monthly_activity" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "monthly_figures" (
	"municipality_code" text NOT NULL,
	"month" date NOT NULL,
	"category" "category" NOT NULL,
	"posted" integer DEFAULT 0 NOT NULL,
	"published" integer DEFAULT 0 NOT NULL,
	"matched" integer DEFAULT 0 NOT NULL,
	"completed" integer DEFAULT 0 NOT NULL,
	"matches_from_board" integer DEFAULT 0 NOT NULL,
	"matches_from_suggestion" integer DEFAULT 0 NOT NULL,
	"matches_from_invitation" integer DEFAULT 0 NOT NULL,
	"refreshed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "monthly_figures_municipality_code_month_category_pk" PRIMARY KEY("municipality_code","month","category")
);
--> statement-breakpoint
ALTER TABLE "monthly_figures" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "monthly_activity" ADD CONSTRAINT "monthly_activity_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monthly_figures" ADD CONSTRAINT "monthly_figures_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "monthly_activity_municipality_month_idx" ON "monthly_activity" USING btree ("municipality_code","month");--> statement-breakpoint
CREATE INDEX "monthly_figures_month_idx" ON "monthly_figures" USING btree ("month");--> statement-breakpoint
CREATE POLICY "monthly_activity_read" ON "monthly_activity" AS PERMISSIVE FOR SELECT TO "board_app" USING (((current_setting('app.system', true) = 'on') or (current_setting('app.foundation', true) = 'on') or ("monthly_activity"."municipality_code" = any(string_to_array(current_setting('app.staff_municipalities', true), ',')))));--> statement-breakpoint
CREATE POLICY "monthly_activity_write" ON "monthly_activity" AS PERMISSIVE FOR ALL TO "board_app" USING ((current_setting('app.system', true) = 'on')) WITH CHECK ((current_setting('app.system', true) = 'on'));--> statement-breakpoint
CREATE POLICY "monthly_figures_read" ON "monthly_figures" AS PERMISSIVE FOR SELECT TO "board_app" USING (((current_setting('app.system', true) = 'on') or (current_setting('app.foundation', true) = 'on') or ("monthly_figures"."municipality_code" = any(string_to_array(current_setting('app.staff_municipalities', true), ',')))));--> statement-breakpoint
CREATE POLICY "monthly_figures_write" ON "monthly_figures" AS PERMISSIVE FOR ALL TO "board_app" USING ((current_setting('app.system', true) = 'on')) WITH CHECK ((current_setting('app.system', true) = 'on'));