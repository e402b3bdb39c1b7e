CREATE TABLE "application_supervisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"center_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"addressee_id" uuid NOT NULL,
	"opened_by" uuid NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"opened_on" date NOT NULL,
	"deadline" date NOT NULL,
	"request" text NOT NULL,
	"reply" text,
	"replied_by" uuid,
	"replied_at" timestamp with time zone,
	"replied_on" date,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "time_limit_alert_recipients" (
	"alert_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "time_limit_alert_recipients_alert_id_staff_id_pk" PRIMARY KEY("alert_id","staff_id")
);
--> statement-breakpoint
CREATE TABLE "time_limit_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"center_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"level" integer DEFAULT 0 NOT NULL,
	"due_date" date NOT NULL,
	"used_permille" integer NOT NULL,
	"raised_on" date NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	CONSTRAINT "time_limit_alerts_once" UNIQUE("application_id","kind","level"),
	CONSTRAINT "time_limit_alerts_kind" CHECK ("time_limit_alerts"."kind" in ('warning','overdue','escalation') and "time_limit_alerts"."level" between 0 and 3)
);
--> statement-breakpoint
CREATE TABLE "time_limit_settings" (
	"center_id" uuid PRIMARY KEY NOT NULL,
	"warning_percent" integer DEFAULT 80 NOT NULL,
	"escalation_days" integer DEFAULT 2 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "time_limit_settings_ranges" CHECK ("time_limit_settings"."warning_percent" between 1 and 99 and "time_limit_settings"."escalation_days" between 1 and 60)
);
--> statement-breakpoint
ALTER TABLE "application_supervisions" ADD CONSTRAINT "application_supervisions_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_supervisions" ADD CONSTRAINT "application_supervisions_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_supervisions" ADD CONSTRAINT "application_supervisions_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_supervisions" ADD CONSTRAINT "application_supervisions_addressee_id_staff_id_fk" FOREIGN KEY ("addressee_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_supervisions" ADD CONSTRAINT "application_supervisions_opened_by_staff_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_supervisions" ADD CONSTRAINT "application_supervisions_replied_by_staff_id_fk" FOREIGN KEY ("replied_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_limit_alert_recipients" ADD CONSTRAINT "time_limit_alert_recipients_alert_id_time_limit_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."time_limit_alerts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_limit_alert_recipients" ADD CONSTRAINT "time_limit_alert_recipients_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_limit_alerts" ADD CONSTRAINT "time_limit_alerts_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_limit_alerts" ADD CONSTRAINT "time_limit_alerts_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_limit_alerts" ADD CONSTRAINT "time_limit_alerts_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_limit_settings" ADD CONSTRAINT "time_limit_settings_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "application_supervisions_open" ON "application_supervisions" USING btree ("application_id") WHERE "application_supervisions"."reply" is null;--> statement-breakpoint
CREATE INDEX "application_supervisions_center_opened" ON "application_supervisions" USING btree ("center_id","opened_on");--> statement-breakpoint
CREATE INDEX "application_supervisions_addressee" ON "application_supervisions" USING btree ("addressee_id");--> statement-breakpoint
CREATE INDEX "time_limit_alert_recipients_staff" ON "time_limit_alert_recipients" USING btree ("staff_id");--> statement-breakpoint
CREATE INDEX "time_limit_alerts_center_raised" ON "time_limit_alerts" USING btree ("center_id","raised_on");