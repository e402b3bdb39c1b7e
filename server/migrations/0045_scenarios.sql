CREATE TABLE "scenario_entries" (
	"scenario_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "scenario_entries_scenario_id_kind_code_pk" PRIMARY KEY("scenario_id","kind","code"),
	CONSTRAINT "scenario_entries_kind" CHECK ("scenario_entries"."kind" in ('item','bundle'))
);
--> statement-breakpoint
CREATE TABLE "scenario_provider_links" (
	"scenario_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "scenario_provider_links_scenario_id_provider_id_pk" PRIMARY KEY("scenario_id","provider_id")
);
--> statement-breakpoint
CREATE TABLE "scenario_providers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"center_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"uscc" text NOT NULL,
	"contact_name" text NOT NULL,
	"service_phone" text NOT NULL,
	"services" text NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"decision_note" text DEFAULT '' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "scenario_providers_kind" CHECK ("scenario_providers"."kind" in ('legal','finance','intellectual_property','human_resources','other')),
	CONSTRAINT "scenario_providers_state" CHECK ("scenario_providers"."state" in ('pending','approved','rejected','suspended'))
);
--> statement-breakpoint
CREATE TABLE "scenario_referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"center_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"scenario_id" uuid,
	"enterprise_id" uuid NOT NULL,
	"uscc" text NOT NULL,
	"enterprise_name" text NOT NULL,
	"need" text NOT NULL,
	"channel" text NOT NULL,
	"referred_by" uuid,
	"outcome" text DEFAULT 'in_progress' NOT NULL,
	"outcome_note" text DEFAULT '' NOT NULL,
	"outcome_source" text,
	"outcome_by" uuid,
	"outcome_at" timestamp with time zone,
	"rating" smallint,
	"rating_comment" text,
	"rated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "scenario_referrals_channel" CHECK ("scenario_referrals"."channel" in ('portal','staff')),
	CONSTRAINT "scenario_referrals_outcome" CHECK ("scenario_referrals"."outcome" in ('in_progress','served','not_reached')),
	CONSTRAINT "scenario_referrals_source" CHECK ("scenario_referrals"."outcome_source" is null or "scenario_referrals"."outcome_source" in ('staff','provider')),
	CONSTRAINT "scenario_referrals_rating" CHECK ("scenario_referrals"."rating" is null or ("scenario_referrals"."rating" between 1 and 5 and "scenario_referrals"."outcome" = 'served')),
	CONSTRAINT "scenario_referrals_rated" CHECK (("scenario_referrals"."rating" is null) = ("scenario_referrals"."rated_at" is null))
);
--> statement-breakpoint
CREATE TABLE "scenarios" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"center_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"service_kinds" text[] NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "scenario_entries" ADD CONSTRAINT "scenario_entries_scenario_id_scenarios_id_fk" FOREIGN KEY ("scenario_id") REFERENCES "public"."scenarios"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_provider_links" ADD CONSTRAINT "scenario_provider_links_scenario_id_scenarios_id_fk" FOREIGN KEY ("scenario_id") REFERENCES "public"."scenarios"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_provider_links" ADD CONSTRAINT "scenario_provider_links_provider_id_scenario_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."scenario_providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_providers" ADD CONSTRAINT "scenario_providers_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_providers" ADD CONSTRAINT "scenario_providers_decided_by_staff_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_providers" ADD CONSTRAINT "scenario_providers_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_referrals" ADD CONSTRAINT "scenario_referrals_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_referrals" ADD CONSTRAINT "scenario_referrals_provider_id_scenario_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."scenario_providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_referrals" ADD CONSTRAINT "scenario_referrals_scenario_id_scenarios_id_fk" FOREIGN KEY ("scenario_id") REFERENCES "public"."scenarios"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_referrals" ADD CONSTRAINT "scenario_referrals_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_referrals" ADD CONSTRAINT "scenario_referrals_referred_by_staff_id_fk" FOREIGN KEY ("referred_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_referrals" ADD CONSTRAINT "scenario_referrals_outcome_by_staff_id_fk" FOREIGN KEY ("outcome_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenarios" ADD CONSTRAINT "scenarios_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenarios" ADD CONSTRAINT "scenarios_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "scenario_provider_links_provider" ON "scenario_provider_links" USING btree ("provider_id");--> statement-breakpoint
CREATE UNIQUE INDEX "scenario_providers_uscc" ON "scenario_providers" USING btree ("center_id","uscc");--> statement-breakpoint
CREATE INDEX "scenario_providers_center" ON "scenario_providers" USING btree ("center_id","state");--> statement-breakpoint
CREATE INDEX "scenario_referrals_center" ON "scenario_referrals" USING btree ("center_id","created_at");--> statement-breakpoint
CREATE INDEX "scenario_referrals_provider" ON "scenario_referrals" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "scenario_referrals_uscc" ON "scenario_referrals" USING btree ("uscc","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "scenarios_title" ON "scenarios" USING btree ("center_id","title");