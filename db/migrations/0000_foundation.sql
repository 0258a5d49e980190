CREATE TYPE "public"."municipality_kind" AS ENUM('ward', 'city', 'town', 'village');--> statement-breakpoint
CREATE TYPE "public"."municipality_status" AS ENUM('active', 'onboarding', 'paused');--> statement-breakpoint
CREATE TYPE "public"."category" AS ENUM('it_digital', 'design_flyers', 'photo_video', 'translation', 'event_running', 'manual_labour', 'disaster_prevention', 'children_learning', 'elderly_support', 'admin_accounting', 'pr_social', 'other');--> statement-breakpoint
CREATE TYPE "public"."request_status" AS ENUM('draft', 'pending_review', 'changes_requested', 'published', 'filled', 'completed', 'rejected', 'withdrawn', 'expired', 'closed');--> statement-breakpoint
CREATE TYPE "public"."when_kind" AS ENUM('at', 'range', 'flexible');--> statement-breakpoint
CREATE TYPE "public"."language" AS ENUM('ja', 'en', 'ja-easy');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('volunteer', 'officer', 'municipal_staff', 'foundation_staff');--> statement-breakpoint
CREATE TABLE "associations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_code" text NOT NULL,
	"name" text NOT NULL,
	"area" text DEFAULT '' NOT NULL,
	"households" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "municipalities" (
	"code" text PRIMARY KEY NOT NULL,
	"name_ja" text NOT NULL,
	"name_kana" text NOT NULL,
	"name_en" text NOT NULL,
	"kind" "municipality_kind" NOT NULL,
	"status" "municipality_status" DEFAULT 'onboarding' NOT NULL,
	"moderation_required" boolean DEFAULT true NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "help_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_code" text NOT NULL,
	"association_id" uuid NOT NULL,
	"created_by" uuid,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"category" "category" NOT NULL,
	"skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"slots" integer DEFAULT 1 NOT NULL,
	"when_kind" "when_kind" DEFAULT 'flexible' NOT NULL,
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"area" text DEFAULT '' NOT NULL,
	"exact_place" text DEFAULT '' NOT NULL,
	"online" boolean DEFAULT false NOT NULL,
	"estimated_hours" numeric(5, 1),
	"expenses_covered" boolean DEFAULT false NOT NULL,
	"application_deadline" timestamp with time zone,
	"languages" text[] DEFAULT '{ja}'::text[] NOT NULL,
	"status" "request_status" DEFAULT 'draft' NOT NULL,
	"status_reason" text,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "role_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"role" "role" NOT NULL,
	"municipality_code" text,
	"association_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "role_assignments_unique" UNIQUE NULLS NOT DISTINCT("user_id","role","municipality_code","association_id")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text,
	"email_verified_at" timestamp with time zone,
	"password_hash" text,
	"display_name" text NOT NULL,
	"language" "language" DEFAULT 'ja' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "associations" ADD CONSTRAINT "associations_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_requests" ADD CONSTRAINT "help_requests_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_requests" ADD CONSTRAINT "help_requests_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_requests" ADD CONSTRAINT "help_requests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_association_id_associations_id_fk" FOREIGN KEY ("association_id") REFERENCES "public"."associations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "associations_municipality_idx" ON "associations" USING btree ("municipality_code");--> statement-breakpoint
CREATE INDEX "help_requests_municipality_status_idx" ON "help_requests" USING btree ("municipality_code","status");--> statement-breakpoint
CREATE INDEX "help_requests_association_idx" ON "help_requests" USING btree ("association_id");--> statement-breakpoint
CREATE INDEX "role_assignments_user_idx" ON "role_assignments" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree ("email");