CREATE TABLE "appointment_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"center_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"item_name" text NOT NULL,
	"kind" text NOT NULL,
	"business_date" date NOT NULL,
	"earliest_date" date,
	"deadline" date NOT NULL,
	"raised_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	CONSTRAINT "appointment_alerts_one_per_day" UNIQUE("center_id","item_id","kind","business_date"),
	CONSTRAINT "appointment_alerts_kind" CHECK ("appointment_alerts"."kind" in ('guarantee_failed','overflow_opened')),
	CONSTRAINT "appointment_alerts_raised_by" CHECK ("appointment_alerts"."raised_by" in ('job','live'))
);
--> statement-breakpoint
CREATE TABLE "appointment_blocks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"center_id" uuid NOT NULL,
	"applicant_key" text NOT NULL,
	"applicant_label" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"no_shows" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lifted_at" timestamp with time zone,
	"lifted_by" uuid,
	CONSTRAINT "appointment_blocks_dates" CHECK ("appointment_blocks"."ends_on" > "appointment_blocks"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "appointment_capacity_adjustments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"center_id" uuid NOT NULL,
	"scope" text NOT NULL,
	"scope_id" uuid NOT NULL,
	"date" date NOT NULL,
	"start_minute" integer,
	"delta" integer NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointment_capacity_adjustments_scope" CHECK ("appointment_capacity_adjustments"."scope" in ('queue','item')),
	CONSTRAINT "appointment_capacity_adjustments_delta" CHECK ("appointment_capacity_adjustments"."delta" <> 0 and "appointment_capacity_adjustments"."delta" between -1000 and 1000)
);
--> statement-breakpoint
CREATE TABLE "appointment_capacity_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"center_id" uuid NOT NULL,
	"scope" text NOT NULL,
	"scope_id" uuid NOT NULL,
	"capacity_per_slot" integer,
	"overflow_per_slot" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointment_capacity_rules_scope" UNIQUE("center_id","scope","scope_id"),
	CONSTRAINT "appointment_capacity_rules_scope_kind" CHECK ("appointment_capacity_rules"."scope" in ('queue','item')),
	CONSTRAINT "appointment_capacity_rules_capacity" CHECK ("appointment_capacity_rules"."capacity_per_slot" is null or "appointment_capacity_rules"."capacity_per_slot" between 0 and 1000),
	CONSTRAINT "appointment_capacity_rules_overflow" CHECK ("appointment_capacity_rules"."overflow_per_slot" is null or ("appointment_capacity_rules"."scope" = 'item' and "appointment_capacity_rules"."overflow_per_slot" between 1 and 1000))
);
--> statement-breakpoint
CREATE TABLE "appointment_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"appointment_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"actor" text NOT NULL,
	"staff_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"detail" jsonb
);
--> statement-breakpoint
CREATE TABLE "appointment_settings" (
	"center_id" uuid PRIMARY KEY NOT NULL,
	"slot_minutes" integer NOT NULL,
	"periods" jsonb,
	"places_per_counter" integer NOT NULL,
	"horizon_days" integer NOT NULL,
	"change_cutoff_minutes" integer NOT NULL,
	"check_in_before_minutes" integer NOT NULL,
	"check_in_after_minutes" integer NOT NULL,
	"no_show_limit" integer NOT NULL,
	"no_show_window_days" integer NOT NULL,
	"block_days" integer NOT NULL,
	"reminder_time" varchar(5) NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "appointment_settings_slot" CHECK ("appointment_settings"."slot_minutes" between 5 and 240),
	CONSTRAINT "appointment_settings_places" CHECK ("appointment_settings"."places_per_counter" between 0 and 50),
	CONSTRAINT "appointment_settings_horizon" CHECK ("appointment_settings"."horizon_days" between 3 and 90),
	CONSTRAINT "appointment_settings_cutoff" CHECK ("appointment_settings"."change_cutoff_minutes" between 0 and 2880),
	CONSTRAINT "appointment_settings_check_in" CHECK ("appointment_settings"."check_in_before_minutes" between 0 and 240 and "appointment_settings"."check_in_after_minutes" between 0 and 240),
	CONSTRAINT "appointment_settings_no_show" CHECK ("appointment_settings"."no_show_limit" between 1 and 50 and "appointment_settings"."no_show_window_days" between 1 and 365 and "appointment_settings"."block_days" between 0 and 365)
);
--> statement-breakpoint
CREATE TABLE "appointment_slots" (
	"center_id" uuid NOT NULL,
	"scope" text NOT NULL,
	"scope_id" uuid NOT NULL,
	"date" date NOT NULL,
	"start_minute" integer NOT NULL,
	"end_minute" integer NOT NULL,
	"capacity" integer NOT NULL,
	"booked" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "appointment_slots_scope_scope_id_date_start_minute_pk" PRIMARY KEY("scope","scope_id","date","start_minute"),
	CONSTRAINT "appointment_slots_scope" CHECK ("appointment_slots"."scope" in ('queue','item','overflow')),
	CONSTRAINT "appointment_slots_booked" CHECK ("appointment_slots"."booked" >= 0),
	CONSTRAINT "appointment_slots_minutes" CHECK ("appointment_slots"."start_minute" >= 0 and "appointment_slots"."end_minute" > "appointment_slots"."start_minute" and "appointment_slots"."end_minute" <= 1440)
);
--> statement-breakpoint
CREATE TABLE "appointments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"center_id" uuid NOT NULL,
	"code" varchar(10) NOT NULL,
	"item_id" uuid NOT NULL,
	"item_name" text NOT NULL,
	"queue_id" uuid NOT NULL,
	"slot_scope" text NOT NULL,
	"slot_scope_id" uuid NOT NULL,
	"date" date NOT NULL,
	"start_minute" integer NOT NULL,
	"end_minute" integer NOT NULL,
	"applicant_type" text NOT NULL,
	"uscc" varchar(18),
	"applicant_key" text NOT NULL,
	"phone_encrypted" text NOT NULL,
	"phone_hash" text NOT NULL,
	"phone_masked" text NOT NULL,
	"state" text NOT NULL,
	"channel" text NOT NULL,
	"booked_by" uuid,
	"ticket_id" uuid,
	"checked_in_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"cancelled_by" text,
	"cancel_reason" text,
	"no_show_at" timestamp with time zone,
	"reschedule_count" integer DEFAULT 0 NOT NULL,
	"reminded_for_date" date,
	"ticket_reminder_sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "appointments_code_unique" UNIQUE("code"),
	CONSTRAINT "appointments_state" CHECK ("appointments"."state" in ('booked','checked_in','arrived_late','cancelled','no_show')),
	CONSTRAINT "appointments_slot_scope" CHECK ("appointments"."slot_scope" in ('queue','item','overflow')),
	CONSTRAINT "appointments_applicant_type" CHECK ("appointments"."applicant_type" in ('enterprise','person')),
	CONSTRAINT "appointments_enterprise_uscc" CHECK (("appointments"."applicant_type" = 'enterprise') = ("appointments"."uscc" is not null)),
	CONSTRAINT "appointments_channel" CHECK ("appointments"."channel" in ('portal','desk','phone')),
	CONSTRAINT "appointments_minutes" CHECK ("appointments"."start_minute" >= 0 and "appointments"."end_minute" > "appointments"."start_minute" and "appointments"."end_minute" <= 1440)
);
--> statement-breakpoint
ALTER TABLE "appointment_alerts" ADD CONSTRAINT "appointment_alerts_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_blocks" ADD CONSTRAINT "appointment_blocks_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_blocks" ADD CONSTRAINT "appointment_blocks_lifted_by_staff_id_fk" FOREIGN KEY ("lifted_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_capacity_adjustments" ADD CONSTRAINT "appointment_capacity_adjustments_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_capacity_adjustments" ADD CONSTRAINT "appointment_capacity_adjustments_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_capacity_rules" ADD CONSTRAINT "appointment_capacity_rules_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_events" ADD CONSTRAINT "appointment_events_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_events" ADD CONSTRAINT "appointment_events_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_settings" ADD CONSTRAINT "appointment_settings_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_slots" ADD CONSTRAINT "appointment_slots_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_queue_id_queues_id_fk" FOREIGN KEY ("queue_id") REFERENCES "public"."queues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_booked_by_staff_id_fk" FOREIGN KEY ("booked_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appointment_blocks_applicant" ON "appointment_blocks" USING btree ("center_id","applicant_key");--> statement-breakpoint
CREATE INDEX "appointment_capacity_adjustments_center_date" ON "appointment_capacity_adjustments" USING btree ("center_id","date");--> statement-breakpoint
CREATE INDEX "appointment_events_appointment" ON "appointment_events" USING btree ("appointment_id");--> statement-breakpoint
CREATE INDEX "appointment_slots_center_date" ON "appointment_slots" USING btree ("center_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "appointments_one_active_per_applicant_item_day" ON "appointments" USING btree ("center_id","applicant_key","item_id","date") WHERE "appointments"."state" in ('booked','checked_in');--> statement-breakpoint
CREATE INDEX "appointments_center_date_state" ON "appointments" USING btree ("center_id","date","state");--> statement-breakpoint
CREATE INDEX "appointments_phone_date" ON "appointments" USING btree ("phone_hash","date");--> statement-breakpoint
CREATE INDEX "appointments_applicant" ON "appointments" USING btree ("applicant_key","date");--> statement-breakpoint
CREATE INDEX "appointments_uscc" ON "appointments" USING btree ("uscc");--> statement-breakpoint
CREATE INDEX "appointments_ticket" ON "appointments" USING btree ("ticket_id");