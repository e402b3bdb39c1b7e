CREATE TABLE "catalog_bundle_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"bundle_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"state" text NOT NULL,
	"name" text NOT NULL,
	"life_stage" text NOT NULL,
	"lead_department_id" uuid NOT NULL,
	"guide" jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by_id" uuid,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_id" uuid,
	"updated_by_name" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by_id" uuid,
	"published_by_name" text,
	"published_at" timestamp with time zone,
	CONSTRAINT "catalog_bundle_versions_number" UNIQUE("bundle_id","number"),
	CONSTRAINT "catalog_bundle_versions_state" CHECK ("catalog_bundle_versions"."state" in ('draft','published','superseded'))
);
--> statement-breakpoint
CREATE TABLE "catalog_bundles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"center_id" uuid NOT NULL,
	"code" varchar(40) NOT NULL,
	"status" text NOT NULL,
	"published_version_id" uuid,
	"draft_version_id" uuid,
	"withdrawn_reason" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalog_bundles_center_code" UNIQUE("center_id","code"),
	CONSTRAINT "catalog_bundles_status" CHECK ("catalog_bundles"."status" in ('draft','published','withdrawn')),
	CONSTRAINT "catalog_bundles_published_has_version" CHECK ("catalog_bundles"."status" = 'draft' or "catalog_bundles"."published_version_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "catalog_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"center_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" varchar(64) NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalog_files_size" CHECK ("catalog_files"."size" > 0)
);
--> statement-breakpoint
CREATE TABLE "catalog_item_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"state" text NOT NULL,
	"name" text NOT NULL,
	"theme" text NOT NULL,
	"department_id" uuid NOT NULL,
	"processing_kind" text NOT NULL,
	"promised_limit_days" integer NOT NULL,
	"is_commitment_allowed" boolean NOT NULL,
	"is_deferral_allowed" boolean NOT NULL,
	"supplement_days" integer,
	"joint_review_group" text,
	"appointment_mode" text NOT NULL,
	"guide" jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by_id" uuid,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_id" uuid,
	"updated_by_name" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by_id" uuid,
	"published_by_name" text,
	"published_at" timestamp with time zone,
	CONSTRAINT "catalog_item_versions_number" UNIQUE("item_id","number"),
	CONSTRAINT "catalog_item_versions_state" CHECK ("catalog_item_versions"."state" in ('draft','published','superseded')),
	CONSTRAINT "catalog_item_versions_supplement_within_limit" CHECK ("catalog_item_versions"."supplement_days" is null or "catalog_item_versions"."supplement_days" <= "catalog_item_versions"."promised_limit_days")
);
--> statement-breakpoint
CREATE TABLE "catalog_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"center_id" uuid NOT NULL,
	"code" varchar(40) NOT NULL,
	"status" text NOT NULL,
	"published_version_id" uuid,
	"draft_version_id" uuid,
	"withdrawn_reason" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalog_items_center_code" UNIQUE("center_id","code"),
	CONSTRAINT "catalog_items_status" CHECK ("catalog_items"."status" in ('draft','published','withdrawn')),
	CONSTRAINT "catalog_items_published_has_version" CHECK ("catalog_items"."status" = 'draft' or "catalog_items"."published_version_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "catalog_revisions" (
	"center_id" uuid PRIMARY KEY NOT NULL,
	"revision" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "catalog_bundle_versions" ADD CONSTRAINT "catalog_bundle_versions_bundle_id_catalog_bundles_id_fk" FOREIGN KEY ("bundle_id") REFERENCES "public"."catalog_bundles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_bundle_versions" ADD CONSTRAINT "catalog_bundle_versions_lead_department_id_departments_id_fk" FOREIGN KEY ("lead_department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_bundles" ADD CONSTRAINT "catalog_bundles_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_files" ADD CONSTRAINT "catalog_files_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_item_versions" ADD CONSTRAINT "catalog_item_versions_item_id_catalog_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."catalog_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_item_versions" ADD CONSTRAINT "catalog_item_versions_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_items" ADD CONSTRAINT "catalog_items_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_revisions" ADD CONSTRAINT "catalog_revisions_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_bundle_versions_one_draft" ON "catalog_bundle_versions" USING btree ("bundle_id") WHERE "catalog_bundle_versions"."state" = 'draft';--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_bundle_versions_one_published" ON "catalog_bundle_versions" USING btree ("bundle_id") WHERE "catalog_bundle_versions"."state" = 'published';--> statement-breakpoint
CREATE INDEX "catalog_files_center" ON "catalog_files" USING btree ("center_id");--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_item_versions_one_draft" ON "catalog_item_versions" USING btree ("item_id") WHERE "catalog_item_versions"."state" = 'draft';--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_item_versions_one_published" ON "catalog_item_versions" USING btree ("item_id") WHERE "catalog_item_versions"."state" = 'published';--> statement-breakpoint
CREATE INDEX "catalog_item_versions_department" ON "catalog_item_versions" USING btree ("department_id");