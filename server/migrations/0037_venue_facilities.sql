CREATE TABLE "facilities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"center_id" uuid NOT NULL,
	"zone_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"location_note" text DEFAULT '' NOT NULL,
	"asset_number" text DEFAULT '' NOT NULL,
	"is_accessibility" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'in_service' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "facilities_status" CHECK ("facilities"."status" in ('in_service','faulty','under_repair','retired'))
);
--> statement-breakpoint
CREATE TABLE "facility_fault_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"center_id" uuid NOT NULL,
	"fault_id" uuid NOT NULL,
	"reported_by" uuid NOT NULL,
	"reported_at" timestamp with time zone NOT NULL,
	"description" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "facility_faults" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"center_id" uuid NOT NULL,
	"facility_id" uuid NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"repair_started_at" timestamp with time zone,
	"repair_started_by" uuid,
	"repairer" text DEFAULT '' NOT NULL,
	"repair_finished_at" timestamp with time zone,
	"repair_finished_by" uuid,
	"repair_result" text DEFAULT '' NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_as" text,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "facility_faults_closed_as" CHECK ("facility_faults"."closed_as" is null or "facility_faults"."closed_as" in ('repaired','retired'))
);
--> statement-breakpoint
ALTER TABLE "facilities" ADD CONSTRAINT "facilities_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facilities" ADD CONSTRAINT "facilities_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facility_fault_reports" ADD CONSTRAINT "facility_fault_reports_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facility_fault_reports" ADD CONSTRAINT "facility_fault_reports_fault_id_facility_faults_id_fk" FOREIGN KEY ("fault_id") REFERENCES "public"."facility_faults"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facility_fault_reports" ADD CONSTRAINT "facility_fault_reports_reported_by_staff_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facility_faults" ADD CONSTRAINT "facility_faults_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facility_faults" ADD CONSTRAINT "facility_faults_facility_id_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facility_faults" ADD CONSTRAINT "facility_faults_repair_started_by_staff_id_fk" FOREIGN KEY ("repair_started_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "facility_faults" ADD CONSTRAINT "facility_faults_repair_finished_by_staff_id_fk" FOREIGN KEY ("repair_finished_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "facilities_center_asset" ON "facilities" USING btree ("center_id","asset_number") WHERE "facilities"."asset_number" <> '';--> statement-breakpoint
CREATE INDEX "facilities_center" ON "facilities" USING btree ("center_id");--> statement-breakpoint
CREATE INDEX "facility_fault_reports_fault" ON "facility_fault_reports" USING btree ("fault_id");--> statement-breakpoint
CREATE UNIQUE INDEX "facility_faults_one_open" ON "facility_faults" USING btree ("facility_id") WHERE "facility_faults"."closed_at" is null;--> statement-breakpoint
CREATE INDEX "facility_faults_center" ON "facility_faults" USING btree ("center_id");