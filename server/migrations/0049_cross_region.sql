CREATE TABLE "cross_region_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"handover_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cross_region_handovers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"center_id" uuid NOT NULL,
	"mode" text NOT NULL,
	"competent_region_code" varchar(6) NOT NULL,
	"competent_center_id" uuid,
	"application_id" uuid,
	"item_code" varchar(40) NOT NULL,
	"item_name" text NOT NULL,
	"uscc" varchar(18) NOT NULL,
	"applicant_name" text NOT NULL,
	"identity_checked" boolean NOT NULL,
	"materials_checked" boolean NOT NULL,
	"received_by_id" uuid,
	"received_by_name" text NOT NULL,
	"return_method" text NOT NULL,
	"postal_address" text DEFAULT '' NOT NULL,
	"state" text NOT NULL,
	"decision" text,
	"decision_opinion" text DEFAULT '' NOT NULL,
	"decided_on" date,
	"license_number" text DEFAULT '' NOT NULL,
	"tracking_number" text DEFAULT '' NOT NULL,
	"returned_at" timestamp with time zone,
	"returned_by_name" text DEFAULT '' NOT NULL,
	"package_id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"exported_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cross_region_handovers_application" UNIQUE("application_id"),
	CONSTRAINT "cross_region_handovers_package" UNIQUE("package_id"),
	CONSTRAINT "cross_region_handovers_state" CHECK ("cross_region_handovers"."state" in ('sent','returned','exported','result_imported','done')),
	CONSTRAINT "cross_region_handovers_mode" CHECK ("cross_region_handovers"."mode" in ('proxy','multi_site')),
	CONSTRAINT "cross_region_handovers_return" CHECK ("cross_region_handovers"."return_method" in ('post','e_license')),
	CONSTRAINT "cross_region_handovers_decision" CHECK ("cross_region_handovers"."decision" is null or "cross_region_handovers"."decision" in ('approved','rejected'))
);
--> statement-breakpoint
CREATE TABLE "cross_region_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"center_id" uuid NOT NULL,
	"item_code" varchar(40) NOT NULL,
	"item_name" text NOT NULL,
	"modes" text[] NOT NULL,
	"partner_region_codes" varchar(6)[] NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cross_region_items_center_code" UNIQUE("center_id","item_code"),
	CONSTRAINT "cross_region_items_modes" CHECK (cardinality("cross_region_items"."modes") > 0)
);
--> statement-breakpoint
CREATE TABLE "cross_region_parts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"handover_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"done_at" timestamp with time zone,
	"done_by_name" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "cross_region_parts_position" UNIQUE("handover_id","position")
);
--> statement-breakpoint
ALTER TABLE "cross_region_files" ADD CONSTRAINT "cross_region_files_handover_id_cross_region_handovers_id_fk" FOREIGN KEY ("handover_id") REFERENCES "public"."cross_region_handovers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cross_region_files" ADD CONSTRAINT "cross_region_files_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cross_region_handovers" ADD CONSTRAINT "cross_region_handovers_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cross_region_handovers" ADD CONSTRAINT "cross_region_handovers_competent_region_code_regions_code_fk" FOREIGN KEY ("competent_region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cross_region_handovers" ADD CONSTRAINT "cross_region_handovers_competent_center_id_centers_id_fk" FOREIGN KEY ("competent_center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cross_region_handovers" ADD CONSTRAINT "cross_region_handovers_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cross_region_handovers" ADD CONSTRAINT "cross_region_handovers_received_by_id_staff_id_fk" FOREIGN KEY ("received_by_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cross_region_items" ADD CONSTRAINT "cross_region_items_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cross_region_parts" ADD CONSTRAINT "cross_region_parts_handover_id_cross_region_handovers_id_fk" FOREIGN KEY ("handover_id") REFERENCES "public"."cross_region_handovers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cross_region_parts" ADD CONSTRAINT "cross_region_parts_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cross_region_files_handover" ON "cross_region_files" USING btree ("handover_id");--> statement-breakpoint
CREATE INDEX "cross_region_handovers_center" ON "cross_region_handovers" USING btree ("center_id","created_at");--> statement-breakpoint
CREATE INDEX "cross_region_handovers_competent" ON "cross_region_handovers" USING btree ("competent_center_id","created_at");