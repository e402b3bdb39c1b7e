CREATE TABLE "credit_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid,
	"person_id" uuid,
	"kind" text NOT NULL,
	"source" text NOT NULL,
	"source_reference" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"recorded_on" date NOT NULL,
	"repaired_on" date,
	"repair_note" text DEFAULT '' NOT NULL,
	"recorded_by" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "credit_records_one_subject" CHECK (("credit_records"."enterprise_id" is null) <> ("credit_records"."person_id" is null)),
	CONSTRAINT "credit_records_kind" CHECK ("credit_records"."kind" in ('serious_bad_credit','false_commitment','dishonesty_list')),
	CONSTRAINT "credit_records_repair_after_record" CHECK ("credit_records"."repaired_on" is null or "credit_records"."repaired_on" >= "credit_records"."recorded_on")
);
--> statement-breakpoint
CREATE TABLE "enterprise_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enterprise_contacts_once" UNIQUE("enterprise_id","person_id","role"),
	CONSTRAINT "enterprise_contacts_role" CHECK ("enterprise_contacts"."role" in ('legal_representative','agent','contact','applicant'))
);
--> statement-breakpoint
CREATE TABLE "enterprises" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"uscc" varchar(18) NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"legal_representative" text DEFAULT '' NOT NULL,
	"registered_address" text DEFAULT '' NOT NULL,
	"district_code" varchar(6) NOT NULL,
	"town" text DEFAULT '' NOT NULL,
	"registration_date" date,
	"industry_code" varchar(5) NOT NULL,
	"employees" integer,
	"revenue" numeric(16, 2),
	"assets" numeric(16, 2),
	"size_class" text,
	"size_reason" text DEFAULT '' NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enterprises_uscc_unique" UNIQUE("uscc"),
	CONSTRAINT "enterprises_uscc_chars" CHECK ("enterprises"."uscc" ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
	CONSTRAINT "enterprises_district_digits" CHECK ("enterprises"."district_code" ~ '^[1-9][0-9]{5}$'),
	CONSTRAINT "enterprises_industry_form" CHECK ("enterprises"."industry_code" ~ '^[A-T]([0-9]{2,4})?$'),
	CONSTRAINT "enterprises_size_class" CHECK ("enterprises"."size_class" in ('large','medium','small','micro')),
	CONSTRAINT "enterprises_not_negative" CHECK (coalesce("enterprises"."employees", 0) >= 0 and coalesce("enterprises"."revenue", 0) >= 0 and coalesce("enterprises"."assets", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"id_number_cipher" text NOT NULL,
	"id_number_hash" varchar(64) NOT NULL,
	"id_number_masked" varchar(18) NOT NULL,
	"phone_cipher" text,
	"phone_hash" varchar(64),
	"phone_masked" varchar(20),
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "people_id_number_hash_unique" UNIQUE("id_number_hash")
);
--> statement-breakpoint
ALTER TABLE "credit_records" ADD CONSTRAINT "credit_records_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_records" ADD CONSTRAINT "credit_records_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_contacts" ADD CONSTRAINT "enterprise_contacts_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_contacts" ADD CONSTRAINT "enterprise_contacts_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "credit_records_enterprise" ON "credit_records" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "credit_records_person" ON "credit_records" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "enterprise_contacts_person" ON "enterprise_contacts" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "enterprises_industry" ON "enterprises" USING btree ("industry_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "enterprises_district" ON "enterprises" USING btree ("district_code","town");--> statement-breakpoint
CREATE INDEX "enterprises_size" ON "enterprises" USING btree ("size_class");--> statement-breakpoint
CREATE INDEX "enterprises_name" ON "enterprises" USING btree ("name" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "people_phone_hash" ON "people" USING btree ("phone_hash");--> statement-breakpoint
CREATE INDEX "people_name" ON "people" USING btree ("name" text_pattern_ops);