CREATE TABLE "feedback_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"center_id" uuid NOT NULL,
	"number" varchar(24) NOT NULL,
	"kind" text NOT NULL,
	"channel" text NOT NULL,
	"state" text DEFAULT 'received' NOT NULL,
	"uscc" varchar(18),
	"enterprise_name" text DEFAULT '' NOT NULL,
	"person_name" text DEFAULT '' NOT NULL,
	"phone_cipher" text,
	"phone_masked" varchar(20),
	"phone_hash" text,
	"is_confidential" boolean DEFAULT false NOT NULL,
	"complaint_scope" varchar(1),
	"cause" text,
	"department_id" uuid,
	"counter_id" uuid,
	"staff_id" uuid,
	"item_name" text DEFAULT '' NOT NULL,
	"application_number" varchar(40) DEFAULT '' NOT NULL,
	"ticket_number" varchar(20) DEFAULT '' NOT NULL,
	"content" text NOT NULL,
	"attachment_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"handler_id" uuid,
	"recorded_by" uuid,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"due_on" date NOT NULL,
	"reply" text DEFAULT '' NOT NULL,
	"replied_at" timestamp with time zone,
	"first_replied_at" timestamp with time zone,
	"replied_by" uuid,
	"satisfaction" text,
	"rated_at" timestamp with time zone,
	"reopen_count" smallint DEFAULT 0 NOT NULL,
	"referral_body" text,
	"referral_number" text,
	"referred_at" timestamp with time zone,
	"outcome" text,
	"outcome_note" text DEFAULT '' NOT NULL,
	"is_confirmed_by_enterprise" boolean DEFAULT false NOT NULL,
	"closed_at" timestamp with time zone,
	"archived_at" timestamp with time zone,
	"overdue_alerted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "feedback_cases_kind" CHECK ("feedback_cases"."kind" in ('consultation','help','suggestion','complaint','report','unresolved')),
	CONSTRAINT "feedback_cases_state" CHECK ("feedback_cases"."state" in ('received','assigned','replied','closed','archived')),
	CONSTRAINT "feedback_cases_scope" CHECK ("feedback_cases"."complaint_scope" is null or "feedback_cases"."complaint_scope" in ('a','b')),
	CONSTRAINT "feedback_cases_satisfaction" CHECK ("feedback_cases"."satisfaction" is null or "feedback_cases"."satisfaction" in ('satisfied','basically','dissatisfied')),
	CONSTRAINT "feedback_cases_reopen_once" CHECK ("feedback_cases"."reopen_count" between 0 and 1)
);
--> statement-breakpoint
CREATE TABLE "feedback_due_days" (
	"center_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"working_days" smallint NOT NULL,
	CONSTRAINT "feedback_due_days_center_id_kind_pk" PRIMARY KEY("center_id","kind"),
	CONSTRAINT "feedback_due_days_range" CHECK ("feedback_due_days"."working_days" between 1 and 60)
);
--> statement-breakpoint
CREATE TABLE "feedback_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"action" text NOT NULL,
	"actor_name" text NOT NULL,
	"actor_id" uuid,
	"note" text DEFAULT '' NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback_numbers" (
	"center_id" uuid NOT NULL,
	"day" date NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "feedback_numbers_center_id_day_pk" PRIMARY KEY("center_id","day")
);
--> statement-breakpoint
CREATE TABLE "feedback_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"request" text NOT NULL,
	"due_on" date NOT NULL,
	"answer" text DEFAULT '' NOT NULL,
	"answered_at" timestamp with time zone,
	"answered_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "improvement_rechecks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"improvement_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"note" text NOT NULL,
	"checked_by" uuid NOT NULL,
	"checked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "improvements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"center_id" uuid NOT NULL,
	"source_type" text NOT NULL,
	"case_id" uuid,
	"source_note" text DEFAULT '' NOT NULL,
	"target" text NOT NULL,
	"measures" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"department_id" uuid,
	"due_on" date NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"result" text DEFAULT '' NOT NULL,
	"submitted_at" timestamp with time zone,
	"passed_at" timestamp with time zone,
	"sent_back_count" smallint DEFAULT 0 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "improvements_state" CHECK ("improvements"."state" in ('open','submitted','passed')),
	CONSTRAINT "improvements_source" CHECK ("improvements"."source_type" in ('complaint','feedback','unresolved','experience_officer','survey','evaluation','inspection'))
);
--> statement-breakpoint
ALTER TABLE "feedback_cases" ADD CONSTRAINT "feedback_cases_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_cases" ADD CONSTRAINT "feedback_cases_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_cases" ADD CONSTRAINT "feedback_cases_counter_id_counters_id_fk" FOREIGN KEY ("counter_id") REFERENCES "public"."counters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_cases" ADD CONSTRAINT "feedback_cases_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_cases" ADD CONSTRAINT "feedback_cases_handler_id_staff_id_fk" FOREIGN KEY ("handler_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_cases" ADD CONSTRAINT "feedback_cases_recorded_by_staff_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_cases" ADD CONSTRAINT "feedback_cases_replied_by_staff_id_fk" FOREIGN KEY ("replied_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_due_days" ADD CONSTRAINT "feedback_due_days_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_events" ADD CONSTRAINT "feedback_events_case_id_feedback_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."feedback_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_numbers" ADD CONSTRAINT "feedback_numbers_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_tasks" ADD CONSTRAINT "feedback_tasks_case_id_feedback_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."feedback_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_tasks" ADD CONSTRAINT "feedback_tasks_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_tasks" ADD CONSTRAINT "feedback_tasks_answered_by_staff_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_rechecks" ADD CONSTRAINT "improvement_rechecks_improvement_id_improvements_id_fk" FOREIGN KEY ("improvement_id") REFERENCES "public"."improvements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_rechecks" ADD CONSTRAINT "improvement_rechecks_checked_by_staff_id_fk" FOREIGN KEY ("checked_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvements" ADD CONSTRAINT "improvements_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvements" ADD CONSTRAINT "improvements_case_id_feedback_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."feedback_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvements" ADD CONSTRAINT "improvements_owner_id_staff_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvements" ADD CONSTRAINT "improvements_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvements" ADD CONSTRAINT "improvements_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_cases_number" ON "feedback_cases" USING btree ("center_id","number");--> statement-breakpoint
CREATE INDEX "feedback_cases_center_received" ON "feedback_cases" USING btree ("center_id","received_at");--> statement-breakpoint
CREATE INDEX "feedback_cases_department" ON "feedback_cases" USING btree ("department_id","received_at");--> statement-breakpoint
CREATE INDEX "feedback_cases_phone" ON "feedback_cases" USING btree ("phone_hash");--> statement-breakpoint
CREATE INDEX "feedback_events_case" ON "feedback_events" USING btree ("case_id","at");--> statement-breakpoint
CREATE INDEX "feedback_tasks_case" ON "feedback_tasks" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "feedback_tasks_department" ON "feedback_tasks" USING btree ("department_id","answered_at");--> statement-breakpoint
CREATE INDEX "improvement_rechecks_improvement" ON "improvement_rechecks" USING btree ("improvement_id");--> statement-breakpoint
CREATE INDEX "improvements_center" ON "improvements" USING btree ("center_id","created_at");