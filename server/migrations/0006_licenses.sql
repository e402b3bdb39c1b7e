CREATE TABLE "license_grant_failures" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"staff_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "license_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"code" varchar(6) NOT NULL,
	"token" varchar(43) NOT NULL,
	"type_ids" uuid[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"cancelled_at" timestamp with time zone,
	"used_at" timestamp with time zone,
	"used_by_staff_id" uuid,
	"used_by_name" text DEFAULT '' NOT NULL,
	"used_at_center" text DEFAULT '' NOT NULL,
	"application_ref" text DEFAULT '' NOT NULL,
	"provided_license_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"is_code_released" boolean DEFAULT false NOT NULL,
	CONSTRAINT "license_grants_code_digits" CHECK ("license_grants"."code" ~ '^[0-9]{6}$')
);
--> statement-breakpoint
CREATE TABLE "license_types" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" varchar(40) NOT NULL,
	"name" text NOT NULL,
	"default_issuer" text DEFAULT '' NOT NULL,
	"validity_years" integer,
	"is_active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "license_types_code_unique" UNIQUE("code"),
	CONSTRAINT "license_types_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "licenses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"type_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"number" varchar(64) NOT NULL,
	"issuer" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"application_ref" text DEFAULT '' NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text DEFAULT '' NOT NULL,
	"revoked_by" text DEFAULT '' NOT NULL,
	"document_path" text,
	"document_media_type" text,
	"document_name" text,
	"document_size" integer,
	"document_sha256" varchar(64),
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "licenses_type_number" UNIQUE("type_id","number"),
	CONSTRAINT "licenses_dates" CHECK ("licenses"."valid_to" is null or "licenses"."valid_to" >= "licenses"."valid_from")
);
--> statement-breakpoint
ALTER TABLE "license_grants" ADD CONSTRAINT "license_grants_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licenses" ADD CONSTRAINT "licenses_type_id_license_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "public"."license_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licenses" ADD CONSTRAINT "licenses_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "license_grant_failures_staff" ON "license_grant_failures" USING btree ("staff_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "license_grants_live_code" ON "license_grants" USING btree ("code") WHERE not "license_grants"."is_code_released";--> statement-breakpoint
CREATE INDEX "license_grants_enterprise" ON "license_grants" USING btree ("enterprise_id","created_at");--> statement-breakpoint
CREATE INDEX "license_grants_used_by" ON "license_grants" USING btree ("used_by_staff_id","used_at");--> statement-breakpoint
CREATE INDEX "licenses_enterprise" ON "licenses" USING btree ("enterprise_id");