CREATE INDEX "help_requests_created_idx" ON "help_requests" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "help_requests_published_idx" ON "help_requests" USING btree ("published_at") WHERE "help_requests"."published_at" is not null;--> statement-breakpoint
CREATE INDEX "applications_created_idx" ON "applications" USING btree ("created_at");