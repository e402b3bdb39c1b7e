CREATE TABLE "appeals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"rating_id" uuid NOT NULL,
	"center_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"statement" text NOT NULL,
	"evidence_file_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"appellant_id" uuid NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appeals_not_self_decided" CHECK ("appeals"."decided_by" is null or "appeals"."decided_by" <> "appeals"."appellant_id")
);
--> statement-breakpoint
CREATE TABLE "callback_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"callback_id" uuid NOT NULL,
	"method" text NOT NULL,
	"is_reached" boolean NOT NULL,
	"note" text NOT NULL,
	"staff_id" uuid NOT NULL,
	"contacted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "callbacks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"rating_id" uuid NOT NULL,
	"center_id" uuid NOT NULL,
	"department_id" uuid,
	"counter_id" uuid,
	"assignee_id" uuid,
	"state" text NOT NULL,
	"contact_due_on" date NOT NULL,
	"finish_due_on" date NOT NULL,
	"contacted_at" timestamp with time zone,
	"verdict" text,
	"verdict_note" text DEFAULT '' NOT NULL,
	"verified_by" uuid,
	"verified_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"overdue_alerted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "callbacks_rating_id_unique" UNIQUE("rating_id"),
	CONSTRAINT "callbacks_state" CHECK ("callbacks"."state" in ('open','contacted','verified','rectifying','closed'))
);
--> statement-breakpoint
CREATE TABLE "evaluation_settings" (
	"center_id" uuid PRIMARY KEY NOT NULL,
	"rating_period_days" integer DEFAULT 7 NOT NULL,
	"addition_period_days" integer DEFAULT 15 NOT NULL,
	"callback_contact_working_days" integer DEFAULT 1 NOT NULL,
	"callback_finish_working_days" integer DEFAULT 5 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rating_additions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"rating_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"level" smallint,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"channel" text NOT NULL,
	"entered_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rating_additions_level" CHECK ("rating_additions"."level" is null or "rating_additions"."level" between 1 and 5),
	CONSTRAINT "rating_additions_re_rating_level" CHECK ("rating_additions"."kind" <> 're_rating' or "rating_additions"."level" is not null)
);
--> statement-breakpoint
CREATE TABLE "rating_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" varchar(64) NOT NULL,
	"ticket_id" uuid,
	"application_id" uuid,
	"channel" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rating_invitations_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "rating_invitations_one_subject" CHECK (("rating_invitations"."ticket_id" is null) <> ("rating_invitations"."application_id" is null))
);
--> statement-breakpoint
CREATE TABLE "rectifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"callback_id" uuid NOT NULL,
	"measures" text NOT NULL,
	"owner_id" uuid,
	"owner_name" text NOT NULL,
	"due_on" date NOT NULL,
	"evidence_file_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"result" text DEFAULT '' NOT NULL,
	"done_at" timestamp with time zone,
	"done_by" uuid,
	"public_summary" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rectifications_callback_id_unique" UNIQUE("callback_id"),
	CONSTRAINT "rectifications_measures" CHECK (length(trim("rectifications"."measures")) > 0)
);
--> statement-breakpoint
ALTER TABLE "ratings" DROP CONSTRAINT "ratings_one_per_ticket";--> statement-breakpoint
ALTER TABLE "ratings" DROP CONSTRAINT "ratings_subject";--> statement-breakpoint
ALTER TABLE "ratings" DROP CONSTRAINT "ratings_channel";--> statement-breakpoint
ALTER TABLE "ratings" ADD COLUMN "question_set" text DEFAULT 'in_person' NOT NULL;--> statement-breakpoint
ALTER TABLE "ratings" ALTER COLUMN "question_set" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "ratings" ADD COLUMN "tags" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "ratings" ADD COLUMN "is_default" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "ratings" ADD COLUMN "rater_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "ratings" ADD COLUMN "rater_uscc" varchar(18);--> statement-breakpoint
ALTER TABLE "ratings" ADD COLUMN "rater_phone_cipher" text;--> statement-breakpoint
ALTER TABLE "ratings" ADD COLUMN "rater_phone_masked" varchar(20);--> statement-breakpoint
ALTER TABLE "ratings" ADD COLUMN "department_id" uuid;--> statement-breakpoint
ALTER TABLE "ratings" ADD COLUMN "item_id" uuid;--> statement-breakpoint
ALTER TABLE "ratings" ADD COLUMN "item_code" varchar(40) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "ratings" ADD COLUMN "item_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "ratings" ADD COLUMN "service_ended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "ratings" ADD COLUMN "entered_by" uuid;--> statement-breakpoint
ALTER TABLE "ratings" ADD COLUMN "excluded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_rating_id_ratings_id_fk" FOREIGN KEY ("rating_id") REFERENCES "public"."ratings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_appellant_id_staff_id_fk" FOREIGN KEY ("appellant_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_decided_by_staff_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callback_contacts" ADD CONSTRAINT "callback_contacts_callback_id_callbacks_id_fk" FOREIGN KEY ("callback_id") REFERENCES "public"."callbacks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callback_contacts" ADD CONSTRAINT "callback_contacts_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callbacks" ADD CONSTRAINT "callbacks_rating_id_ratings_id_fk" FOREIGN KEY ("rating_id") REFERENCES "public"."ratings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callbacks" ADD CONSTRAINT "callbacks_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callbacks" ADD CONSTRAINT "callbacks_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callbacks" ADD CONSTRAINT "callbacks_counter_id_counters_id_fk" FOREIGN KEY ("counter_id") REFERENCES "public"."counters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callbacks" ADD CONSTRAINT "callbacks_assignee_id_staff_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callbacks" ADD CONSTRAINT "callbacks_verified_by_staff_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_settings" ADD CONSTRAINT "evaluation_settings_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_additions" ADD CONSTRAINT "rating_additions_rating_id_ratings_id_fk" FOREIGN KEY ("rating_id") REFERENCES "public"."ratings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_additions" ADD CONSTRAINT "rating_additions_entered_by_staff_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_invitations" ADD CONSTRAINT "rating_invitations_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_invitations" ADD CONSTRAINT "rating_invitations_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectifications" ADD CONSTRAINT "rectifications_callback_id_callbacks_id_fk" FOREIGN KEY ("callback_id") REFERENCES "public"."callbacks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectifications" ADD CONSTRAINT "rectifications_owner_id_staff_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectifications" ADD CONSTRAINT "rectifications_done_by_staff_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appeals_center_state" ON "appeals" USING btree ("center_id","state");--> statement-breakpoint
CREATE UNIQUE INDEX "appeals_one_pending_per_rating" ON "appeals" USING btree ("rating_id") WHERE "appeals"."state" = 'pending';--> statement-breakpoint
CREATE INDEX "callback_contacts_callback" ON "callback_contacts" USING btree ("callback_id");--> statement-breakpoint
CREATE INDEX "callbacks_center_state" ON "callbacks" USING btree ("center_id","state");--> statement-breakpoint
CREATE INDEX "callbacks_department_state" ON "callbacks" USING btree ("department_id","state");--> statement-breakpoint
CREATE INDEX "rating_additions_rating" ON "rating_additions" USING btree ("rating_id");--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_entered_by_staff_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ratings_one_per_ticket" ON "ratings" USING btree ("ticket_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ratings_one_per_application" ON "ratings" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "ratings_department_rated" ON "ratings" USING btree ("department_id","rated_at");--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_one_subject" CHECK (("ratings"."ticket_id" is null) <> ("ratings"."application_id" is null));--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_default_is_basic" CHECK (not "ratings"."is_default" or ("ratings"."level" = 3 and "ratings"."channel" = 'default'));--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_channel" CHECK ("ratings"."channel" in ('evaluator','qr','sms','portal','kiosk','phone','default'));