ALTER TABLE "improvements" DROP CONSTRAINT "improvements_source";
--> statement-breakpoint
ALTER TABLE "improvements" ADD CONSTRAINT "improvements_source" CHECK ("improvements"."source_type" in ('complaint','feedback','unresolved','experience_officer','survey','evaluation','inspection','self_evaluation','third_party'));
--> statement-breakpoint
CREATE TABLE "assessment_findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"problem" text NOT NULL,
	"recommendation" text DEFAULT '' NOT NULL,
	"improvement_id" uuid
);
--> statement-breakpoint
CREATE TABLE "assessment_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"center_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"evaluator_org" text DEFAULT '' NOT NULL,
	"summary" text NOT NULL,
	"file_id" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "assessment_reports_kind" CHECK ("assessment_reports"."kind" in ('self','third_party')),
	CONSTRAINT "assessment_reports_period" CHECK ("assessment_reports"."period_from" <= "assessment_reports"."period_to"),
	CONSTRAINT "assessment_reports_evaluator" CHECK ("assessment_reports"."kind" = 'self' or "assessment_reports"."evaluator_org" <> '')
);
--> statement-breakpoint
CREATE TABLE "survey_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"kind" text NOT NULL,
	"prompt" text NOT NULL,
	"is_required" boolean DEFAULT true NOT NULL,
	"options" text[] DEFAULT '{}'::text[] NOT NULL,
	CONSTRAINT "survey_questions_kind" CHECK ("survey_questions"."kind" in ('single','multiple','scale','text'))
);
--> statement-breakpoint
CREATE TABLE "survey_recipients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"uscc" varchar(18) NOT NULL,
	"enterprise_name" text NOT NULL,
	"token_hash" text NOT NULL,
	"invited_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"recipient_id" uuid NOT NULL,
	"answers" jsonb NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"center_id" uuid NOT NULL,
	"title" text NOT NULL,
	"intro" text DEFAULT '' NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"closes_on" date,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "surveys_state" CHECK ("surveys"."state" in ('draft','open','closed'))
);
--> statement-breakpoint
ALTER TABLE "assessment_findings" ADD CONSTRAINT "assessment_findings_report_id_assessment_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."assessment_reports"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "assessment_findings" ADD CONSTRAINT "assessment_findings_improvement_id_improvements_id_fk" FOREIGN KEY ("improvement_id") REFERENCES "public"."improvements"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "assessment_reports" ADD CONSTRAINT "assessment_reports_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "assessment_reports" ADD CONSTRAINT "assessment_reports_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "assessment_reports" ADD CONSTRAINT "assessment_reports_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "survey_questions" ADD CONSTRAINT "survey_questions_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "survey_recipients" ADD CONSTRAINT "survey_recipients_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "survey_recipients" ADD CONSTRAINT "survey_recipients_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_recipient_id_survey_recipients_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."survey_recipients"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_findings_position" ON "assessment_findings" USING btree ("report_id","position");
--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_findings_improvement" ON "assessment_findings" USING btree ("improvement_id");
--> statement-breakpoint
CREATE INDEX "assessment_reports_center" ON "assessment_reports" USING btree ("center_id","period_to");
--> statement-breakpoint
CREATE UNIQUE INDEX "survey_questions_position" ON "survey_questions" USING btree ("survey_id","position");
--> statement-breakpoint
CREATE UNIQUE INDEX "survey_recipients_enterprise" ON "survey_recipients" USING btree ("survey_id","enterprise_id");
--> statement-breakpoint
CREATE UNIQUE INDEX "survey_recipients_token" ON "survey_recipients" USING btree ("token_hash");
--> statement-breakpoint
CREATE UNIQUE INDEX "survey_responses_recipient" ON "survey_responses" USING btree ("recipient_id");
--> statement-breakpoint
CREATE INDEX "survey_responses_survey" ON "survey_responses" USING btree ("survey_id","submitted_at");
--> statement-breakpoint
CREATE INDEX "surveys_center" ON "surveys" USING btree ("center_id","created_at");
