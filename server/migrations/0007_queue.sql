CREATE TABLE "counter_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"center_id" uuid NOT NULL,
	"counter_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"business_date" date NOT NULL,
	"state" text NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"paused_at" timestamp with time zone,
	"paused_seconds" integer DEFAULT 0 NOT NULL,
	"closed_at" timestamp with time zone,
	"current_ticket_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "counter_sessions_state" CHECK ("counter_sessions"."state" in ('open','paused','closed'))
);
--> statement-breakpoint
CREATE TABLE "devices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"center_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"zone_id" uuid,
	"counter_id" uuid,
	"key_hash" varchar(64) NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"last_seen_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "devices_center_name" UNIQUE("center_id","name"),
	CONSTRAINT "devices_kind" CHECK ("devices"."kind" in ('kiosk','display','evaluator')),
	CONSTRAINT "devices_evaluator_counter" CHECK ("devices"."kind" <> 'evaluator' or "devices"."counter_id" is not null),
	CONSTRAINT "devices_display_zone" CHECK ("devices"."kind" <> 'display' or "devices"."zone_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "inquiries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"center_id" uuid NOT NULL,
	"business_date" date NOT NULL,
	"asked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"first_responder_id" uuid NOT NULL,
	"mode" text NOT NULL,
	"subject" text NOT NULL,
	"theme" text,
	"item_id" uuid,
	"uscc" varchar(18),
	"phone" varchar(20),
	"outcome" text NOT NULL,
	"ticket_id" uuid,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "inquiries_mode" CHECK ("inquiries"."mode" in ('in_person','phone')),
	CONSTRAINT "inquiries_outcome" CHECK ("inquiries"."outcome" in ('answered','directed','outside_center')),
	CONSTRAINT "inquiries_ticket_when_directed" CHECK ("inquiries"."ticket_id" is null or "inquiries"."outcome" = 'directed')
);
--> statement-breakpoint
CREATE TABLE "queue_counters" (
	"queue_id" uuid NOT NULL,
	"counter_id" uuid NOT NULL,
	CONSTRAINT "queue_counters_queue_id_counter_id_pk" PRIMARY KEY("queue_id","counter_id")
);
--> statement-breakpoint
CREATE TABLE "queue_daily_counters" (
	"scope" text NOT NULL,
	"scope_id" uuid NOT NULL,
	"business_date" date NOT NULL,
	"value" integer NOT NULL,
	CONSTRAINT "queue_daily_counters_scope_scope_id_business_date_pk" PRIMARY KEY("scope","scope_id","business_date"),
	CONSTRAINT "queue_daily_counters_scope" CHECK ("queue_daily_counters"."scope" in ('number','queue_walk_in','item_walk_in'))
);
--> statement-breakpoint
CREATE TABLE "queue_settings" (
	"center_id" uuid PRIMARY KEY NOT NULL,
	"service_days" text DEFAULT 'working_days' NOT NULL,
	"opening_periods" jsonb NOT NULL,
	"last_ticket_minutes" integer DEFAULT 0 NOT NULL,
	"class_order" text[] NOT NULL,
	"max_extra_wait_minutes" integer NOT NULL,
	"green_reasons" text[] NOT NULL,
	"recalls_before_no_show" integer DEFAULT 2 NOT NULL,
	"rating_window_minutes" integer DEFAULT 10 NOT NULL,
	"kiosk_tickets_per_minute" integer DEFAULT 20 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "queue_settings_last_ticket" CHECK ("queue_settings"."last_ticket_minutes" between 0 and 240),
	CONSTRAINT "queue_settings_max_extra_wait" CHECK ("queue_settings"."max_extra_wait_minutes" between 0 and 480),
	CONSTRAINT "queue_settings_recalls" CHECK ("queue_settings"."recalls_before_no_show" between 0 and 10),
	CONSTRAINT "queue_settings_service_days" CHECK ("queue_settings"."service_days" in ('working_days','every_day'))
);
--> statement-breakpoint
CREATE TABLE "queues" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"center_id" uuid NOT NULL,
	"name" text NOT NULL,
	"prefix" varchar(2) NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"item_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"daily_walk_in_quota" integer,
	"is_open" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "queues_center_prefix" UNIQUE("center_id","prefix"),
	CONSTRAINT "queues_center_name" UNIQUE("center_id","name"),
	CONSTRAINT "queues_prefix" CHECK ("queues"."prefix" ~ '^[A-Z]{1,2}$'),
	CONSTRAINT "queues_quota" CHECK ("queues"."daily_walk_in_quota" is null or "queues"."daily_walk_in_quota" > 0)
);
--> statement-breakpoint
CREATE TABLE "staff_photos" (
	"staff_id" uuid PRIMARY KEY NOT NULL,
	"content_type" text NOT NULL,
	"data" "bytea" NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ticket_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"ticket_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"staff_id" uuid,
	"counter_id" uuid,
	"queue_id" uuid,
	"detail" jsonb
);
--> statement-breakpoint
CREATE TABLE "tickets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"center_id" uuid NOT NULL,
	"queue_id" uuid NOT NULL,
	"issued_queue_id" uuid NOT NULL,
	"business_date" date NOT NULL,
	"number" integer NOT NULL,
	"display_number" varchar(8) NOT NULL,
	"token" varchar(32) NOT NULL,
	"state" text NOT NULL,
	"channel" text NOT NULL,
	"priority_class" text NOT NULL,
	"green_reason" text,
	"theme" text,
	"item_id" uuid,
	"uscc" varchar(18),
	"phone" varchar(20),
	"appointment_id" uuid,
	"issued_by" uuid,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sort_at" timestamp with time zone DEFAULT now() NOT NULL,
	"called_at" timestamp with time zone,
	"last_called_at" timestamp with time zone,
	"recall_count" integer DEFAULT 0 NOT NULL,
	"service_started_at" timestamp with time zone,
	"service_ended_at" timestamp with time zone,
	"counter_id" uuid,
	"staff_id" uuid,
	"target_counter_id" uuid,
	"handled_item_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"cancel_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "tickets_token_unique" UNIQUE("token"),
	CONSTRAINT "tickets_number_per_day" UNIQUE("issued_queue_id","business_date","number"),
	CONSTRAINT "tickets_state" CHECK ("tickets"."state" in ('waiting','called','serving','transferred','done','no_show','cancelled')),
	CONSTRAINT "tickets_priority_class" CHECK ("tickets"."priority_class" in ('appointment','green_channel','ordinary')),
	CONSTRAINT "tickets_green_reason" CHECK (("tickets"."priority_class" = 'green_channel') = ("tickets"."green_reason" is not null)),
	CONSTRAINT "tickets_green_reason_value" CHECK ("tickets"."green_reason" is null or "tickets"."green_reason" in ('talent','key_enterprise','elderly','disabled')),
	CONSTRAINT "tickets_number_positive" CHECK ("tickets"."number" > 0),
	CONSTRAINT "tickets_channel" CHECK ("tickets"."channel" in ('kiosk','guidance','appointment','counter'))
);
--> statement-breakpoint
CREATE TABLE "ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"center_id" uuid NOT NULL,
	"ticket_id" uuid,
	"application_id" uuid,
	"level" smallint NOT NULL,
	"channel" text NOT NULL,
	"is_real_name" boolean NOT NULL,
	"rated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"staff_id" uuid,
	"counter_id" uuid,
	"comment" text DEFAULT '' NOT NULL,
	CONSTRAINT "ratings_one_per_ticket" UNIQUE("ticket_id"),
	CONSTRAINT "ratings_level" CHECK ("ratings"."level" between 1 and 5),
	CONSTRAINT "ratings_channel" CHECK ("ratings"."channel" in ('evaluator')),
	CONSTRAINT "ratings_subject" CHECK ("ratings"."ticket_id" is not null or "ratings"."application_id" is not null)
);
--> statement-breakpoint
ALTER TABLE "counter_sessions" ADD CONSTRAINT "counter_sessions_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counter_sessions" ADD CONSTRAINT "counter_sessions_counter_id_counters_id_fk" FOREIGN KEY ("counter_id") REFERENCES "public"."counters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counter_sessions" ADD CONSTRAINT "counter_sessions_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counter_sessions" ADD CONSTRAINT "counter_sessions_current_ticket_id_tickets_id_fk" FOREIGN KEY ("current_ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "devices" ADD CONSTRAINT "devices_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "devices" ADD CONSTRAINT "devices_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "devices" ADD CONSTRAINT "devices_counter_id_counters_id_fk" FOREIGN KEY ("counter_id") REFERENCES "public"."counters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_first_responder_id_staff_id_fk" FOREIGN KEY ("first_responder_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_counters" ADD CONSTRAINT "queue_counters_queue_id_queues_id_fk" FOREIGN KEY ("queue_id") REFERENCES "public"."queues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_counters" ADD CONSTRAINT "queue_counters_counter_id_counters_id_fk" FOREIGN KEY ("counter_id") REFERENCES "public"."counters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_settings" ADD CONSTRAINT "queue_settings_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queues" ADD CONSTRAINT "queues_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_photos" ADD CONSTRAINT "staff_photos_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_events" ADD CONSTRAINT "ticket_events_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_events" ADD CONSTRAINT "ticket_events_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_events" ADD CONSTRAINT "ticket_events_counter_id_counters_id_fk" FOREIGN KEY ("counter_id") REFERENCES "public"."counters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_events" ADD CONSTRAINT "ticket_events_queue_id_queues_id_fk" FOREIGN KEY ("queue_id") REFERENCES "public"."queues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_queue_id_queues_id_fk" FOREIGN KEY ("queue_id") REFERENCES "public"."queues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_issued_queue_id_queues_id_fk" FOREIGN KEY ("issued_queue_id") REFERENCES "public"."queues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_issued_by_staff_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_counter_id_counters_id_fk" FOREIGN KEY ("counter_id") REFERENCES "public"."counters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_target_counter_id_counters_id_fk" FOREIGN KEY ("target_counter_id") REFERENCES "public"."counters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_counter_id_counters_id_fk" FOREIGN KEY ("counter_id") REFERENCES "public"."counters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "counter_sessions_one_per_counter" ON "counter_sessions" USING btree ("counter_id") WHERE "counter_sessions"."state" <> 'closed';--> statement-breakpoint
CREATE UNIQUE INDEX "counter_sessions_one_per_staff" ON "counter_sessions" USING btree ("staff_id") WHERE "counter_sessions"."state" <> 'closed';--> statement-breakpoint
CREATE INDEX "counter_sessions_center_day" ON "counter_sessions" USING btree ("center_id","business_date");--> statement-breakpoint
CREATE INDEX "devices_counter" ON "devices" USING btree ("counter_id");--> statement-breakpoint
CREATE INDEX "inquiries_center_day" ON "inquiries" USING btree ("center_id","business_date");--> statement-breakpoint
CREATE INDEX "queue_counters_counter" ON "queue_counters" USING btree ("counter_id");--> statement-breakpoint
CREATE INDEX "ticket_events_ticket" ON "ticket_events" USING btree ("ticket_id");--> statement-breakpoint
CREATE INDEX "tickets_center_day_state" ON "tickets" USING btree ("center_id","business_date","state");--> statement-breakpoint
CREATE INDEX "tickets_queue_day_state" ON "tickets" USING btree ("queue_id","business_date","state");--> statement-breakpoint
CREATE INDEX "tickets_counter_ended" ON "tickets" USING btree ("counter_id","service_ended_at");--> statement-breakpoint
CREATE INDEX "ratings_center_rated" ON "ratings" USING btree ("center_id","rated_at");--> statement-breakpoint
CREATE INDEX "ratings_staff" ON "ratings" USING btree ("staff_id");