CREATE TABLE "rateable_subjects" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"center_id" uuid NOT NULL,
	"number" text NOT NULL,
	"business_date" date,
	"receipt_token_hash" varchar(64),
	"department_id" uuid,
	"counter_id" uuid,
	"staff_id" uuid,
	"item_id" uuid,
	"item_code" varchar(40) DEFAULT '' NOT NULL,
	"item_name" text DEFAULT '' NOT NULL,
	"processing_kind" text,
	"channel" text NOT NULL,
	"uscc" varchar(18),
	"applicant_name" text DEFAULT '' NOT NULL,
	"phone_cipher" text,
	"phone_masked" varchar(20),
	"received_at" timestamp with time zone NOT NULL,
	"service_started_at" timestamp with time zone,
	"finished_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rateable_subjects_kind" CHECK ("rateable_subjects"."kind" in ('visit','application'))
);
--> statement-breakpoint
ALTER TABLE "rating_invitations" DROP CONSTRAINT "rating_invitations_ticket_id_tickets_id_fk";
--> statement-breakpoint
ALTER TABLE "rating_invitations" DROP CONSTRAINT "rating_invitations_application_id_applications_id_fk";
--> statement-breakpoint
ALTER TABLE "ratings" DROP CONSTRAINT "ratings_ticket_id_tickets_id_fk";
--> statement-breakpoint
ALTER TABLE "ratings" DROP CONSTRAINT "ratings_application_id_applications_id_fk";
--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "rated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "rateable_subjects" ADD CONSTRAINT "rateable_subjects_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rateable_subjects" ADD CONSTRAINT "rateable_subjects_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rateable_subjects" ADD CONSTRAINT "rateable_subjects_counter_id_counters_id_fk" FOREIGN KEY ("counter_id") REFERENCES "public"."counters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rateable_subjects" ADD CONSTRAINT "rateable_subjects_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rateable_subjects_center_finished" ON "rateable_subjects" USING btree ("center_id","finished_at");--> statement-breakpoint
CREATE INDEX "rateable_subjects_uscc_finished" ON "rateable_subjects" USING btree ("uscc","finished_at");--> statement-breakpoint
CREATE INDEX "rateable_subjects_counter_finished" ON "rateable_subjects" USING btree ("counter_id","finished_at");--> statement-breakpoint
CREATE INDEX "rateable_subjects_number" ON "rateable_subjects" USING btree ("center_id","number");--> statement-breakpoint
CREATE INDEX "rateable_subjects_receipt" ON "rateable_subjects" USING btree ("receipt_token_hash");