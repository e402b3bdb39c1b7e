CREATE TABLE "briefing_attendees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"registration_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"name" text NOT NULL,
	"phone_cipher" text NOT NULL,
	"phone_masked" varchar(20) NOT NULL,
	"phone_hash" text NOT NULL,
	"check_in_code" varchar(12) NOT NULL,
	"checked_in_at" timestamp with time zone,
	"checked_in_by" uuid,
	"reminded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "briefing_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"center_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"topic" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"speakers" text[] DEFAULT '{}'::text[] NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"zone_id" uuid,
	"live_url" text,
	"policy_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"capacity" integer NOT NULL,
	"registration_closes_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"registered" integer DEFAULT 0 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "briefing_events_kind" CHECK ("briefing_events"."kind" in ('policy_briefing','training','live_stream')),
	CONSTRAINT "briefing_events_status" CHECK ("briefing_events"."status" in ('draft','published','cancelled','held')),
	CONSTRAINT "briefing_events_times" CHECK ("briefing_events"."ends_at" > "briefing_events"."starts_at" and "briefing_events"."registration_closes_at" <= "briefing_events"."starts_at"),
	CONSTRAINT "briefing_events_place" CHECK ("briefing_events"."zone_id" is not null or "briefing_events"."live_url" is not null),
	CONSTRAINT "briefing_events_capacity" CHECK ("briefing_events"."capacity" > 0 and "briefing_events"."registered" >= 0 and "briefing_events"."registered" <= "briefing_events"."capacity")
);
--> statement-breakpoint
CREATE TABLE "briefing_feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"registration_id" uuid NOT NULL,
	"satisfaction" smallint NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "briefing_feedback_satisfaction" CHECK ("briefing_feedback"."satisfaction" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "briefing_materials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "briefing_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"center_id" uuid NOT NULL,
	"uscc" varchar(18) NOT NULL,
	"enterprise_name" text NOT NULL,
	"registered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancelled_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "briefing_attendees" ADD CONSTRAINT "briefing_attendees_registration_id_briefing_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."briefing_registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "briefing_attendees" ADD CONSTRAINT "briefing_attendees_event_id_briefing_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."briefing_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "briefing_attendees" ADD CONSTRAINT "briefing_attendees_checked_in_by_staff_id_fk" FOREIGN KEY ("checked_in_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "briefing_events" ADD CONSTRAINT "briefing_events_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "briefing_events" ADD CONSTRAINT "briefing_events_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "briefing_events" ADD CONSTRAINT "briefing_events_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "briefing_feedback" ADD CONSTRAINT "briefing_feedback_event_id_briefing_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."briefing_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "briefing_feedback" ADD CONSTRAINT "briefing_feedback_registration_id_briefing_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."briefing_registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "briefing_materials" ADD CONSTRAINT "briefing_materials_event_id_briefing_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."briefing_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "briefing_materials" ADD CONSTRAINT "briefing_materials_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "briefing_materials" ADD CONSTRAINT "briefing_materials_uploaded_by_staff_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "briefing_registrations" ADD CONSTRAINT "briefing_registrations_event_id_briefing_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."briefing_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "briefing_registrations" ADD CONSTRAINT "briefing_registrations_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "briefing_attendees_code" ON "briefing_attendees" USING btree ("check_in_code");--> statement-breakpoint
CREATE INDEX "briefing_attendees_registration" ON "briefing_attendees" USING btree ("registration_id");--> statement-breakpoint
CREATE INDEX "briefing_attendees_event" ON "briefing_attendees" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "briefing_events_center" ON "briefing_events" USING btree ("center_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "briefing_feedback_registration" ON "briefing_feedback" USING btree ("registration_id");--> statement-breakpoint
CREATE UNIQUE INDEX "briefing_materials_file" ON "briefing_materials" USING btree ("event_id","file_id");--> statement-breakpoint
CREATE UNIQUE INDEX "briefing_registrations_active" ON "briefing_registrations" USING btree ("event_id","uscc") WHERE "briefing_registrations"."cancelled_at" is null;--> statement-breakpoint
CREATE INDEX "briefing_registrations_uscc" ON "briefing_registrations" USING btree ("uscc","registered_at");