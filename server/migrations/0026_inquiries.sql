CREATE TABLE "inquiry_violations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"center_id" uuid NOT NULL,
	"inquiry_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"staff_id" uuid NOT NULL,
	"department_id" uuid,
	"manager_id" uuid,
	"due_on" date NOT NULL,
	"flagged_at" timestamp with time zone DEFAULT now() NOT NULL,
	"handling" text,
	"handling_note" text DEFAULT '' NOT NULL,
	"handled_by" uuid,
	"handled_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "inquiry_violations_kind" CHECK ("inquiry_violations"."kind" in ('unanswered','not_received')),
	CONSTRAINT "inquiry_violations_handling" CHECK ("inquiry_violations"."handling" is null or "inquiry_violations"."handling" in ('talk','criticism','reassignment','unfounded'))
);
--> statement-breakpoint
ALTER TABLE "inquiries" DROP CONSTRAINT "inquiries_mode";--> statement-breakpoint
ALTER TABLE "inquiries" DROP CONSTRAINT "inquiries_outcome";--> statement-breakpoint
ALTER TABLE "inquiries" ADD COLUMN "purpose" text DEFAULT 'consult' NOT NULL;--> statement-breakpoint
ALTER TABLE "inquiries" ADD COLUMN "enterprise_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "inquiries" ADD COLUMN "person_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "inquiries" ADD COLUMN "phone_cipher" text;--> statement-breakpoint
ALTER TABLE "inquiries" ADD COLUMN "phone_masked" varchar(20);--> statement-breakpoint
ALTER TABLE "inquiries" ADD COLUMN "phone_hash" text;--> statement-breakpoint
ALTER TABLE "inquiries" ADD COLUMN "reply" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "inquiries" ADD COLUMN "replied_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "inquiries" ADD COLUMN "replied_by" uuid;--> statement-breakpoint
ALTER TABLE "inquiries" ADD COLUMN "reply_due_on" date;--> statement-breakpoint
ALTER TABLE "inquiries" ADD COLUMN "transfer_department_id" uuid;--> statement-breakpoint
ALTER TABLE "inquiries" ADD COLUMN "transfer_staff_id" uuid;--> statement-breakpoint
ALTER TABLE "inquiries" ADD COLUMN "transfer_due_on" date;--> statement-breakpoint
ALTER TABLE "inquiries" ADD COLUMN "received_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "inquiries" ADD COLUMN "received_by" uuid;--> statement-breakpoint
ALTER TABLE "inquiries" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "inquiry_violations" ADD CONSTRAINT "inquiry_violations_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_violations" ADD CONSTRAINT "inquiry_violations_inquiry_id_inquiries_id_fk" FOREIGN KEY ("inquiry_id") REFERENCES "public"."inquiries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_violations" ADD CONSTRAINT "inquiry_violations_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_violations" ADD CONSTRAINT "inquiry_violations_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_violations" ADD CONSTRAINT "inquiry_violations_manager_id_staff_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiry_violations" ADD CONSTRAINT "inquiry_violations_handled_by_staff_id_fk" FOREIGN KEY ("handled_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "inquiry_violations_once" ON "inquiry_violations" USING btree ("inquiry_id","kind");--> statement-breakpoint
CREATE INDEX "inquiry_violations_center" ON "inquiry_violations" USING btree ("center_id","flagged_at");--> statement-breakpoint
CREATE INDEX "inquiry_violations_staff" ON "inquiry_violations" USING btree ("staff_id");--> statement-breakpoint
CREATE INDEX "inquiry_violations_manager" ON "inquiry_violations" USING btree ("manager_id");--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_replied_by_staff_id_fk" FOREIGN KEY ("replied_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_transfer_department_id_departments_id_fk" FOREIGN KEY ("transfer_department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_transfer_staff_id_staff_id_fk" FOREIGN KEY ("transfer_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_received_by_staff_id_fk" FOREIGN KEY ("received_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inquiries_first_responder" ON "inquiries" USING btree ("first_responder_id","asked_at");--> statement-breakpoint
CREATE INDEX "inquiries_open" ON "inquiries" USING btree ("center_id","outcome");--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_purpose" CHECK ("inquiries"."purpose" in ('consult','apply'));--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_transfer_has_target" CHECK ("inquiries"."transfer_due_on" is null or "inquiries"."transfer_department_id" is not null or "inquiries"."transfer_staff_id" is not null);--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_mode" CHECK ("inquiries"."mode" in ('in_person','phone','online'));--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_outcome" CHECK ("inquiries"."outcome" in ('answered','pending','transferred','directed','outside_center'));