CREATE TABLE "assistance_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"center_id" uuid NOT NULL,
	"business_date" date NOT NULL,
	"assisted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"assistant_id" uuid NOT NULL,
	"mode" text NOT NULL,
	"ticket_id" uuid,
	"video_session_id" uuid,
	"uscc" varchar(18),
	"enterprise_name" text DEFAULT '' NOT NULL,
	"person_name" text DEFAULT '' NOT NULL,
	"helped_with" jsonb NOT NULL,
	"item_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"result" text NOT NULL,
	"application_number" varchar(40),
	"referred_to" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"duration_seconds" integer,
	"follow_up_due_on" date,
	"follow_up_done_at" timestamp with time zone,
	"follow_up_by" uuid,
	"follow_up_result" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "assistance_records_mode" CHECK ("assistance_records"."mode" in ('on_site','video')),
	CONSTRAINT "assistance_records_result" CHECK ("assistance_records"."result" in ('filed','not_yet','referred')),
	CONSTRAINT "assistance_records_follow_up_due" CHECK ("assistance_records"."follow_up_done_at" is null or "assistance_records"."follow_up_due_on" is not null)
);
--> statement-breakpoint
CREATE TABLE "video_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"center_id" uuid NOT NULL,
	"uscc" varchar(18) NOT NULL,
	"enterprise_name" text DEFAULT '' NOT NULL,
	"person_name" text DEFAULT '' NOT NULL,
	"topic" text NOT NULL,
	"item_id" uuid,
	"starts_at" timestamp with time zone NOT NULL,
	"state" text DEFAULT 'booked' NOT NULL,
	"assistant_id" uuid,
	"started_at" timestamp with time zone,
	"connected_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"duration_seconds" integer,
	"booked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "video_sessions_state" CHECK ("video_sessions"."state" in ('booked','live','ended','cancelled'))
);
--> statement-breakpoint
CREATE TABLE "video_signals" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"session_id" uuid NOT NULL,
	"side" text NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "video_signals_side" CHECK ("video_signals"."side" in ('staff','enterprise'))
);
--> statement-breakpoint
ALTER TABLE "assistance_records" ADD CONSTRAINT "assistance_records_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assistance_records" ADD CONSTRAINT "assistance_records_assistant_id_staff_id_fk" FOREIGN KEY ("assistant_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assistance_records" ADD CONSTRAINT "assistance_records_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assistance_records" ADD CONSTRAINT "assistance_records_video_session_id_video_sessions_id_fk" FOREIGN KEY ("video_session_id") REFERENCES "public"."video_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assistance_records" ADD CONSTRAINT "assistance_records_follow_up_by_staff_id_fk" FOREIGN KEY ("follow_up_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_sessions" ADD CONSTRAINT "video_sessions_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_sessions" ADD CONSTRAINT "video_sessions_assistant_id_staff_id_fk" FOREIGN KEY ("assistant_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_signals" ADD CONSTRAINT "video_signals_session_id_video_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."video_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assistance_records_center_day" ON "assistance_records" USING btree ("center_id","business_date");--> statement-breakpoint
CREATE INDEX "assistance_records_follow_up" ON "assistance_records" USING btree ("center_id","follow_up_due_on");--> statement-breakpoint
CREATE UNIQUE INDEX "assistance_records_video_session" ON "assistance_records" USING btree ("video_session_id");--> statement-breakpoint
CREATE UNIQUE INDEX "video_sessions_slot" ON "video_sessions" USING btree ("center_id","starts_at") WHERE "video_sessions"."state" <> 'cancelled';--> statement-breakpoint
CREATE INDEX "video_sessions_uscc" ON "video_sessions" USING btree ("uscc");--> statement-breakpoint
CREATE INDEX "video_signals_session" ON "video_signals" USING btree ("session_id","id");