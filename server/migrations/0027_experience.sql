CREATE TABLE "experience_findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"center_id" uuid NOT NULL,
	"report_id" uuid NOT NULL,
	"ordinal" smallint NOT NULL,
	"category" text NOT NULL,
	"description" text NOT NULL,
	"suggestion" text DEFAULT '' NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"reply" text DEFAULT '' NOT NULL,
	"replied_by" uuid,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "experience_findings_category" CHECK ("experience_findings"."category" in ('guide','materials','process','efficiency','attitude','system','facility','other')),
	CONSTRAINT "experience_findings_state" CHECK ("experience_findings"."state" in ('open','answered','improvement')),
	CONSTRAINT "experience_findings_closed" CHECK (("experience_findings"."state" = 'open') = ("experience_findings"."closed_at" is null))
);
--> statement-breakpoint
CREATE TABLE "experience_officers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"center_id" uuid NOT NULL,
	"name" text NOT NULL,
	"organisation" text NOT NULL,
	"kind" text NOT NULL,
	"phone_cipher" text,
	"phone_masked" varchar(20),
	"phone_hash" text,
	"term_start" date NOT NULL,
	"term_end" date NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "experience_officers_kind" CHECK ("experience_officers"."kind" in ('enterprise','chamber','research','other')),
	CONSTRAINT "experience_officers_term" CHECK ("experience_officers"."term_end" >= "experience_officers"."term_start")
);
--> statement-breakpoint
CREATE TABLE "experience_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"experienced_on" date NOT NULL,
	"summary" text NOT NULL,
	"satisfaction" text,
	"entered_by" uuid NOT NULL,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "experience_reports_satisfaction" CHECK ("experience_reports"."satisfaction" is null or "experience_reports"."satisfaction" in ('satisfied','basically','dissatisfied'))
);
--> statement-breakpoint
CREATE TABLE "experience_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"center_id" uuid NOT NULL,
	"officer_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"item_name" text NOT NULL,
	"department_id" uuid,
	"channel" text NOT NULL,
	"scheduled_on" date NOT NULL,
	"brief" text DEFAULT '' NOT NULL,
	"state" text DEFAULT 'scheduled' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "experience_tasks_channel" CHECK ("experience_tasks"."channel" in ('counter','portal','phone')),
	CONSTRAINT "experience_tasks_state" CHECK ("experience_tasks"."state" in ('scheduled','reported','cancelled'))
);
--> statement-breakpoint
ALTER TABLE "improvements" ADD COLUMN "finding_id" uuid;--> statement-breakpoint
ALTER TABLE "experience_findings" ADD CONSTRAINT "experience_findings_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experience_findings" ADD CONSTRAINT "experience_findings_report_id_experience_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."experience_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experience_findings" ADD CONSTRAINT "experience_findings_replied_by_staff_id_fk" FOREIGN KEY ("replied_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experience_officers" ADD CONSTRAINT "experience_officers_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experience_officers" ADD CONSTRAINT "experience_officers_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experience_reports" ADD CONSTRAINT "experience_reports_task_id_experience_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."experience_tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experience_reports" ADD CONSTRAINT "experience_reports_entered_by_staff_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experience_tasks" ADD CONSTRAINT "experience_tasks_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experience_tasks" ADD CONSTRAINT "experience_tasks_officer_id_experience_officers_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."experience_officers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experience_tasks" ADD CONSTRAINT "experience_tasks_item_id_catalog_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."catalog_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experience_tasks" ADD CONSTRAINT "experience_tasks_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experience_tasks" ADD CONSTRAINT "experience_tasks_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "experience_findings_ordinal" ON "experience_findings" USING btree ("report_id","ordinal");--> statement-breakpoint
CREATE INDEX "experience_findings_center" ON "experience_findings" USING btree ("center_id","state");--> statement-breakpoint
CREATE INDEX "experience_officers_center" ON "experience_officers" USING btree ("center_id");--> statement-breakpoint
CREATE UNIQUE INDEX "experience_reports_task" ON "experience_reports" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "experience_tasks_center" ON "experience_tasks" USING btree ("center_id","scheduled_on");--> statement-breakpoint
CREATE INDEX "experience_tasks_officer" ON "experience_tasks" USING btree ("officer_id");--> statement-breakpoint
ALTER TABLE "improvements" ADD CONSTRAINT "improvements_finding_id_experience_findings_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."experience_findings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "improvements_finding" ON "improvements" USING btree ("finding_id");