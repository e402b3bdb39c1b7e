CREATE TABLE "policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"title" text NOT NULL,
	"issuing_department" text NOT NULL,
	"kind" text NOT NULL,
	"legal_basis_name" text DEFAULT '' NOT NULL,
	"legal_basis_number" text DEFAULT '' NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"interpretation" text DEFAULT '' NOT NULL,
	"valid_from" date,
	"valid_to" date,
	"amount_rule" jsonb NOT NULL,
	"materials" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"mode" text NOT NULL,
	"rule" jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_version" integer DEFAULT 0 NOT NULL,
	"published_at" timestamp with time zone,
	"created_by" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "policies_status" CHECK ("policies"."status" in ('draft','published','expired','withdrawn')),
	CONSTRAINT "policies_mode" CHECK ("policies"."mode" in ('apply','auto')),
	CONSTRAINT "policies_validity" CHECK ("policies"."valid_to" is null or "policies"."valid_from" is null or "policies"."valid_to" >= "policies"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "policy_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"policy_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"uscc" varchar(18) NOT NULL,
	"enterprise_name" text NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	"amount_basis" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"reject_reason" text DEFAULT '' NOT NULL,
	"verified_by" text,
	"verified_at" timestamp with time zone,
	"disbursement" text DEFAULT 'not_started' NOT NULL,
	"disbursed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "policy_grants_once" UNIQUE("policy_id","enterprise_id"),
	CONSTRAINT "policy_grants_status" CHECK ("policy_grants"."status" in ('pending','confirmed','rejected')),
	CONSTRAINT "policy_grants_disbursement" CHECK ("policy_grants"."disbursement" in ('not_started','in_progress','disbursed','failed')),
	CONSTRAINT "policy_grants_disburse_confirmed" CHECK ("policy_grants"."disbursement" = 'not_started' or "policy_grants"."status" = 'confirmed')
);
--> statement-breakpoint
CREATE TABLE "policy_matches" (
	"policy_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"uscc" varchar(18) NOT NULL,
	"first_matched_at" timestamp with time zone DEFAULT now() NOT NULL,
	"is_current" boolean DEFAULT true NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "policy_matches_policy_id_enterprise_id_pk" PRIMARY KEY("policy_id","enterprise_id")
);
--> statement-breakpoint
CREATE TABLE "policy_push_opt_outs" (
	"enterprise_id" uuid PRIMARY KEY NOT NULL,
	"uscc" varchar(18) NOT NULL,
	"opted_out_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_pushes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"policy_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"uscc" varchar(18) NOT NULL,
	"reasons" jsonb NOT NULL,
	"is_sms_queued" boolean DEFAULT false NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "policy_pushes_once" UNIQUE("policy_id","enterprise_id")
);
--> statement-breakpoint
CREATE TABLE "policy_versions" (
	"policy_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"published_by" text NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "policy_versions_policy_id_version_pk" PRIMARY KEY("policy_id","version")
);
--> statement-breakpoint
ALTER TABLE "policy_grants" ADD CONSTRAINT "policy_grants_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_matches" ADD CONSTRAINT "policy_matches_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_pushes" ADD CONSTRAINT "policy_pushes_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_versions" ADD CONSTRAINT "policy_versions_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "policies_status" ON "policies" USING btree ("status");--> statement-breakpoint
CREATE INDEX "policy_grants_policy" ON "policy_grants" USING btree ("policy_id","status");--> statement-breakpoint
CREATE INDEX "policy_grants_uscc" ON "policy_grants" USING btree ("uscc");--> statement-breakpoint
CREATE INDEX "policy_matches_enterprise" ON "policy_matches" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "policy_matches_uscc" ON "policy_matches" USING btree ("policy_id","uscc");--> statement-breakpoint
CREATE INDEX "policy_pushes_uscc" ON "policy_pushes" USING btree ("uscc");