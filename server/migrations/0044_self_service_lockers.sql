CREATE TABLE "locker_deposits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"center_id" uuid NOT NULL,
	"locker_id" uuid NOT NULL,
	"slot_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"code_hash" varchar(64) NOT NULL,
	"state" text DEFAULT 'waiting' NOT NULL,
	"deposited_by_name" text NOT NULL,
	"deposited_at" timestamp with time zone NOT NULL,
	"picked_up_at" timestamp with time zone,
	CONSTRAINT "locker_deposits_code" UNIQUE("locker_id","code_hash"),
	CONSTRAINT "locker_deposits_state" CHECK ("locker_deposits"."state" in ('waiting','picked_up')),
	CONSTRAINT "locker_deposits_picked" CHECK ("locker_deposits"."state" = 'waiting' or "locker_deposits"."picked_up_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "locker_slots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"locker_id" uuid NOT NULL,
	"number" varchar(10) NOT NULL,
	CONSTRAINT "locker_slots_locker_number" UNIQUE("locker_id","number")
);
--> statement-breakpoint
CREATE TABLE "lockers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"center_id" uuid NOT NULL,
	"name" text NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"key_hash" varchar(64) NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lockers_center_name" UNIQUE("center_id","name")
);
--> statement-breakpoint
ALTER TABLE "locker_deposits" ADD CONSTRAINT "locker_deposits_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "locker_deposits" ADD CONSTRAINT "locker_deposits_locker_id_lockers_id_fk" FOREIGN KEY ("locker_id") REFERENCES "public"."lockers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "locker_deposits" ADD CONSTRAINT "locker_deposits_slot_id_locker_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."locker_slots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "locker_deposits" ADD CONSTRAINT "locker_deposits_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "locker_slots" ADD CONSTRAINT "locker_slots_locker_id_lockers_id_fk" FOREIGN KEY ("locker_id") REFERENCES "public"."lockers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lockers" ADD CONSTRAINT "lockers_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "locker_deposits_one_per_slot" ON "locker_deposits" USING btree ("slot_id") WHERE "locker_deposits"."state" = 'waiting';--> statement-breakpoint
CREATE UNIQUE INDEX "locker_deposits_one_per_application" ON "locker_deposits" USING btree ("application_id") WHERE "locker_deposits"."state" = 'waiting';--> statement-breakpoint
CREATE INDEX "locker_deposits_center" ON "locker_deposits" USING btree ("center_id");--> statement-breakpoint
CREATE UNIQUE INDEX "lockers_key_hash" ON "lockers" USING btree ("key_hash");