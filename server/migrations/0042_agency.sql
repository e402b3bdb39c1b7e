CREATE TABLE "agency_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"action" text NOT NULL,
	"activity_kind" text,
	"department_id" uuid,
	"application_id" uuid,
	"note" text DEFAULT '' NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agency_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"center_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"agent_does" text NOT NULL,
	"enterprise_does" text NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agency_items_center_item" UNIQUE("center_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "agency_materials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"name" text NOT NULL,
	"copies" integer DEFAULT 1 NOT NULL,
	"is_original" boolean DEFAULT false NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"received_by" text NOT NULL,
	"returned_at" timestamp with time zone,
	"returned_by" text DEFAULT '' NOT NULL,
	CONSTRAINT "agency_materials_copies" CHECK ("agency_materials"."copies" between 1 and 99)
);
--> statement-breakpoint
CREATE TABLE "agency_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"title" text NOT NULL,
	"due_on" date NOT NULL,
	"done_on" date,
	"done_by" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agency_numbers" (
	"center_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "agency_numbers_center_year" UNIQUE("center_id","year")
);
--> statement-breakpoint
CREATE TABLE "agency_projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"center_id" uuid NOT NULL,
	"name" text NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"enterprise_name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"team" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agency_projects_center_name" UNIQUE("center_id","name")
);
--> statement-breakpoint
CREATE TABLE "agency_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"center_id" uuid NOT NULL,
	"number" text NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"uscc" varchar(18) NOT NULL,
	"enterprise_name" text NOT NULL,
	"item_id" uuid,
	"item_name" text DEFAULT '' NOT NULL,
	"matter" text DEFAULT '' NOT NULL,
	"channel" text NOT NULL,
	"ticket_id" uuid,
	"contact_name" text DEFAULT '' NOT NULL,
	"phone_masked" varchar(20),
	"phone_cipher" text,
	"phone_hash" varchar(64),
	"state" text DEFAULT 'requested' NOT NULL,
	"agent_id" uuid,
	"agent_name" text DEFAULT '' NOT NULL,
	"project_id" uuid,
	"recorded_by" text DEFAULT '' NOT NULL,
	"agreement_number" text,
	"agreement_scope" text DEFAULT '' NOT NULL,
	"signer_name" text DEFAULT '' NOT NULL,
	"signer_id_cipher" text,
	"signer_id_masked" varchar(30),
	"signed_on" date,
	"agreement_file_id" uuid,
	"reason" text DEFAULT '' NOT NULL,
	"result" text DEFAULT '' NOT NULL,
	"requested_on" date NOT NULL,
	"done_on" date,
	"days_taken" integer,
	"confirmed_at" timestamp with time zone,
	"confirmation_note" text DEFAULT '' NOT NULL,
	"follow_up_due" date,
	"followed_up_on" date,
	"follow_up_note" text DEFAULT '' NOT NULL,
	"satisfaction" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agency_requests_number_unique" UNIQUE("number"),
	CONSTRAINT "agency_requests_state" CHECK ("agency_requests"."state" in ('requested','accepted','signed','in_progress','done','confirmed','followed_up','declined','withdrawn')),
	CONSTRAINT "agency_requests_channel" CHECK ("agency_requests"."channel" in ('portal','phone','counter','visit')),
	CONSTRAINT "agency_requests_satisfaction" CHECK ("agency_requests"."satisfaction" is null or "agency_requests"."satisfaction" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "agency_settings" (
	"center_id" uuid PRIMARY KEY NOT NULL,
	"follow_up_days" integer DEFAULT 3 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agency_settings_days" CHECK ("agency_settings"."follow_up_days" between 1 and 30)
);
--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "agency_staff_id" uuid;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "agency_staff_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "agency_request_id" uuid;--> statement-breakpoint
ALTER TABLE "agency_events" ADD CONSTRAINT "agency_events_request_id_agency_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."agency_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_events" ADD CONSTRAINT "agency_events_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_events" ADD CONSTRAINT "agency_events_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_items" ADD CONSTRAINT "agency_items_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_items" ADD CONSTRAINT "agency_items_item_id_catalog_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."catalog_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_materials" ADD CONSTRAINT "agency_materials_request_id_agency_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."agency_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_milestones" ADD CONSTRAINT "agency_milestones_project_id_agency_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."agency_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_numbers" ADD CONSTRAINT "agency_numbers_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_projects" ADD CONSTRAINT "agency_projects_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_projects" ADD CONSTRAINT "agency_projects_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_requests" ADD CONSTRAINT "agency_requests_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_requests" ADD CONSTRAINT "agency_requests_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_requests" ADD CONSTRAINT "agency_requests_item_id_catalog_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."catalog_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_requests" ADD CONSTRAINT "agency_requests_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_requests" ADD CONSTRAINT "agency_requests_agent_id_staff_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_settings" ADD CONSTRAINT "agency_settings_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agency_events_request" ON "agency_events" USING btree ("request_id","at");--> statement-breakpoint
CREATE INDEX "agency_materials_request" ON "agency_materials" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "agency_milestones_project" ON "agency_milestones" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "agency_requests_center_state" ON "agency_requests" USING btree ("center_id","state");--> statement-breakpoint
CREATE INDEX "agency_requests_enterprise" ON "agency_requests" USING btree ("enterprise_id");--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_agency_staff_id_staff_id_fk" FOREIGN KEY ("agency_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;