CREATE TABLE "online_application_drafts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"center_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"item_code" varchar(40) NOT NULL,
	"item_name" text NOT NULL,
	"answers" jsonb NOT NULL,
	"materials" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "online_application_drafts" ADD CONSTRAINT "online_application_drafts_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_application_drafts" ADD CONSTRAINT "online_application_drafts_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "online_application_drafts_item" ON "online_application_drafts" USING btree ("enterprise_id","center_id","item_code");