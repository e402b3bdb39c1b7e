ALTER TABLE "queue_settings" ADD COLUMN "typical_service_minutes" integer DEFAULT 8 NOT NULL;--> statement-breakpoint
ALTER TABLE "queues" ADD COLUMN "typical_service_minutes" integer;--> statement-breakpoint
ALTER TABLE "queues" ADD COLUMN "is_active" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "queue_settings" ADD CONSTRAINT "queue_settings_typical_service" CHECK ("queue_settings"."typical_service_minutes" between 1 and 240);--> statement-breakpoint
ALTER TABLE "queues" ADD CONSTRAINT "queues_typical_service" CHECK ("queues"."typical_service_minutes" is null or "queues"."typical_service_minutes" between 1 and 240);