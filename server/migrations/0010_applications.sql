CREATE TABLE "application_counters" (
	"scope" text NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"value" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "application_counters_scope_year_kind_pk" PRIMARY KEY("scope","year","kind")
);
--> statement-breakpoint
CREATE TABLE "application_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_type" text NOT NULL,
	"actor_id" uuid,
	"actor_name" text DEFAULT '' NOT NULL,
	"department_id" uuid,
	"note" text DEFAULT '' NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "application_materials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"key" varchar(40) NOT NULL,
	"name" text NOT NULL,
	"importance" text NOT NULL,
	"requirement" text DEFAULT '' NOT NULL,
	"license_type" text,
	"is_deferrable" boolean DEFAULT false NOT NULL,
	"is_replaceable_by_commitment" boolean DEFAULT false NOT NULL,
	"status" text NOT NULL,
	"file_id" uuid,
	"license_id" uuid,
	"problem" text DEFAULT '' NOT NULL,
	"position" integer NOT NULL,
	"updated_by" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "application_materials_key" UNIQUE("application_id","key"),
	CONSTRAINT "application_materials_status" CHECK ("application_materials"."status" in ('missing','uploaded','license','paper_seen','defective','deferred','committed')),
	CONSTRAINT "application_materials_file" CHECK ("application_materials"."status" <> 'uploaded' or "application_materials"."file_id" is not null),
	CONSTRAINT "application_materials_license" CHECK ("application_materials"."status" <> 'license' or "application_materials"."license_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "application_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"center_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"number" text NOT NULL,
	"title" text NOT NULL,
	"file_id" uuid NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"issued_by" text DEFAULT '' NOT NULL,
	CONSTRAINT "application_notices_number" UNIQUE("center_id","number")
);
--> statement-breakpoint
CREATE TABLE "application_supplements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"ordinal" integer NOT NULL,
	"phase" text NOT NULL,
	"items" jsonb NOT NULL,
	"deadline" date NOT NULL,
	"state" text NOT NULL,
	"return_state" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"requested_by_id" uuid,
	"requested_by_name" text NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"approved_by_name" text,
	"approved_at" timestamp with time zone,
	"notice_id" uuid,
	"fulfilled_at" timestamp with time zone,
	CONSTRAINT "application_supplements_ordinal" UNIQUE("application_id","ordinal"),
	CONSTRAINT "application_supplements_state" CHECK ("application_supplements"."state" in ('pending_approval','issued','refused','fulfilled')),
	CONSTRAINT "application_supplements_phase" CHECK ("application_supplements"."phase" in ('intake','review'))
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" varchar(24) NOT NULL,
	"center_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"parent_id" uuid,
	"guide_version_id" uuid,
	"bundle_version_id" uuid,
	"code" varchar(40) NOT NULL,
	"name" text NOT NULL,
	"department_id" uuid NOT NULL,
	"lead_department_id" uuid,
	"stage" integer DEFAULT 1 NOT NULL,
	"enterprise_id" uuid,
	"uscc" varchar(18) NOT NULL,
	"applicant_name" text NOT NULL,
	"agent_person_id" uuid,
	"agent_name" text DEFAULT '' NOT NULL,
	"phone_cipher" text,
	"phone_hash" varchar(64),
	"phone_masked" varchar(20),
	"channel" text NOT NULL,
	"ticket_id" uuid,
	"first_handler_id" uuid,
	"first_handler_name" text DEFAULT '' NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"state" text NOT NULL,
	"is_commitment" boolean DEFAULT false NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"last_received_on" date NOT NULL,
	"is_deemed_accepted" boolean DEFAULT false NOT NULL,
	"accepted_at" timestamp with time zone,
	"clock_start_on" date,
	"promised_days" integer NOT NULL,
	"due_date" date,
	"paused_days" integer DEFAULT 0 NOT NULL,
	"paused_since" date,
	"deferred_until" date,
	"deferral_state" text,
	"decision" text,
	"decided_at" timestamp with time zone,
	"decided_on" date,
	"decision_opinion" text DEFAULT '' NOT NULL,
	"license_id" uuid,
	"delivered_at" timestamp with time zone,
	"closed_reason" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "applications_number_unique" UNIQUE("number"),
	CONSTRAINT "applications_state" CHECK ("applications"."state" in ('received','awaiting_supplement','supplement_approval','declined','in_review','review_supplement','special_procedure','lead_decision','approved','rejected','delivering','delivered','stopped','revoked')),
	CONSTRAINT "applications_kind" CHECK ("applications"."kind" in ('item','bundle')),
	CONSTRAINT "applications_guide" CHECK (("applications"."kind" = 'item') = ("applications"."guide_version_id" is not null)),
	CONSTRAINT "applications_bundle_version" CHECK ("applications"."kind" <> 'bundle' or "applications"."bundle_version_id" is not null),
	CONSTRAINT "applications_deferral_state" CHECK ("applications"."deferral_state" is null or "applications"."deferral_state" in ('pending','supplied','expired')),
	CONSTRAINT "applications_decision" CHECK ("applications"."decision" is null or "applications"."decision" in ('approved','rejected')),
	CONSTRAINT "applications_paused_days" CHECK ("applications"."paused_days" >= 0 and "applications"."promised_days" >= 0)
);
--> statement-breakpoint
CREATE TABLE "application_commitment_verifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"due_date" date NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"is_overdue" boolean DEFAULT false NOT NULL,
	"verified_by_name" text,
	"verified_at" timestamp with time zone,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "application_commitment_verifications_application_id_unique" UNIQUE("application_id"),
	CONSTRAINT "application_commitment_verifications_state" CHECK ("application_commitment_verifications"."state" in ('pending','confirmed','false'))
);
--> statement-breakpoint
CREATE TABLE "application_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"method" text NOT NULL,
	"pickup_code" varchar(6),
	"address" text DEFAULT '' NOT NULL,
	"recipient_name" text DEFAULT '' NOT NULL,
	"recipient_phone_cipher" text,
	"recipient_phone_masked" varchar(20),
	"carrier" text DEFAULT '' NOT NULL,
	"tracking_number" text DEFAULT '' NOT NULL,
	"state" text NOT NULL,
	"handled_by_name" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"delivered_at" timestamp with time zone,
	CONSTRAINT "application_deliveries_application_id_unique" UNIQUE("application_id"),
	CONSTRAINT "application_deliveries_method" CHECK ("application_deliveries"."method" in ('counter','mail','electronic')),
	CONSTRAINT "application_deliveries_state" CHECK ("application_deliveries"."state" in ('awaiting_pickup','mailed','delivered')),
	CONSTRAINT "application_deliveries_mail" CHECK ("application_deliveries"."method" <> 'mail' or "application_deliveries"."state" = 'awaiting_pickup' or ("application_deliveries"."carrier" <> '' and "application_deliveries"."tracking_number" <> ''))
);
--> statement-breakpoint
CREATE TABLE "application_review_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"center_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"is_lead" boolean DEFAULT false NOT NULL,
	"state" text NOT NULL,
	"assignee_id" uuid,
	"assignee_name" text DEFAULT '' NOT NULL,
	"opinion" text DEFAULT '' NOT NULL,
	"opened_at" timestamp with time zone,
	"taken_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "application_review_tasks_department" UNIQUE("application_id","department_id"),
	CONSTRAINT "application_review_tasks_state" CHECK ("application_review_tasks"."state" in ('waiting','open','taken','approved','rejected','closed'))
);
--> statement-breakpoint
CREATE TABLE "application_special_procedures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"reason" text NOT NULL,
	"max_days" integer NOT NULL,
	"started_on" date NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"started_by_name" text NOT NULL,
	"ended_on" date,
	"ended_at" timestamp with time zone,
	"ended_by_name" text,
	"outcome" text DEFAULT '' NOT NULL,
	"paused_days" integer,
	CONSTRAINT "application_special_procedures_kind" CHECK ("application_special_procedures"."kind" in ('expert_review','hearing','inspection')),
	CONSTRAINT "application_special_procedures_max" CHECK ("application_special_procedures"."max_days" between 1 and 120)
);
--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_materials" ADD CONSTRAINT "application_materials_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_materials" ADD CONSTRAINT "application_materials_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_materials" ADD CONSTRAINT "application_materials_license_id_licenses_id_fk" FOREIGN KEY ("license_id") REFERENCES "public"."licenses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_notices" ADD CONSTRAINT "application_notices_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_notices" ADD CONSTRAINT "application_notices_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_notices" ADD CONSTRAINT "application_notices_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_supplements" ADD CONSTRAINT "application_supplements_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_supplements" ADD CONSTRAINT "application_supplements_requested_by_id_staff_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_supplements" ADD CONSTRAINT "application_supplements_notice_id_application_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."application_notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_guide_version_id_catalog_item_versions_id_fk" FOREIGN KEY ("guide_version_id") REFERENCES "public"."catalog_item_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_bundle_version_id_catalog_bundle_versions_id_fk" FOREIGN KEY ("bundle_version_id") REFERENCES "public"."catalog_bundle_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_lead_department_id_departments_id_fk" FOREIGN KEY ("lead_department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_agent_person_id_people_id_fk" FOREIGN KEY ("agent_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_first_handler_id_staff_id_fk" FOREIGN KEY ("first_handler_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_license_id_licenses_id_fk" FOREIGN KEY ("license_id") REFERENCES "public"."licenses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_commitment_verifications" ADD CONSTRAINT "application_commitment_verifications_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_commitment_verifications" ADD CONSTRAINT "application_commitment_verifications_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_deliveries" ADD CONSTRAINT "application_deliveries_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_review_tasks" ADD CONSTRAINT "application_review_tasks_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_review_tasks" ADD CONSTRAINT "application_review_tasks_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_review_tasks" ADD CONSTRAINT "application_review_tasks_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_review_tasks" ADD CONSTRAINT "application_review_tasks_assignee_id_staff_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_special_procedures" ADD CONSTRAINT "application_special_procedures_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_events_application" ON "application_events" USING btree ("application_id","id");--> statement-breakpoint
CREATE INDEX "application_notices_application" ON "application_notices" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "applications_center_state" ON "applications" USING btree ("center_id","state");--> statement-breakpoint
CREATE INDEX "applications_department_state" ON "applications" USING btree ("department_id","state");--> statement-breakpoint
CREATE INDEX "applications_parent" ON "applications" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "applications_uscc" ON "applications" USING btree ("uscc");--> statement-breakpoint
CREATE INDEX "applications_phone" ON "applications" USING btree ("phone_hash");--> statement-breakpoint
CREATE INDEX "applications_due" ON "applications" USING btree ("center_id","due_date");--> statement-breakpoint
CREATE INDEX "applications_received" ON "applications" USING btree ("center_id","received_at");--> statement-breakpoint
CREATE INDEX "application_commitment_verifications_due" ON "application_commitment_verifications" USING btree ("state","due_date");--> statement-breakpoint
CREATE INDEX "application_review_tasks_department_state" ON "application_review_tasks" USING btree ("department_id","state");--> statement-breakpoint
CREATE INDEX "application_review_tasks_assignee" ON "application_review_tasks" USING btree ("assignee_id","state");--> statement-breakpoint
CREATE UNIQUE INDEX "application_special_procedures_one_open" ON "application_special_procedures" USING btree ("application_id") WHERE "application_special_procedures"."ended_on" is null;