CREATE TABLE "item_delegations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"center_id" uuid NOT NULL,
	"owner_center_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"state" text NOT NULL,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by_name" text,
	"published_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "item_delegations_state" CHECK ("item_delegations"."state" in ('delegated','published','revoked'))
);
--> statement-breakpoint
CREATE TABLE "point_receipts" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"center_id" uuid NOT NULL,
	"delegation_id" uuid NOT NULL,
	"code" varchar(40) NOT NULL,
	"name" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_points" (
	"center_id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_points_kind" CHECK ("service_points"."kind" in ('government','industrial_park','bank_branch','post_office'))
);
--> statement-breakpoint
ALTER TABLE "item_delegations" ADD CONSTRAINT "item_delegations_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_delegations" ADD CONSTRAINT "item_delegations_owner_center_id_centers_id_fk" FOREIGN KEY ("owner_center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_delegations" ADD CONSTRAINT "item_delegations_item_id_catalog_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."catalog_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_receipts" ADD CONSTRAINT "point_receipts_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_receipts" ADD CONSTRAINT "point_receipts_delegation_id_item_delegations_id_fk" FOREIGN KEY ("delegation_id") REFERENCES "public"."item_delegations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_points" ADD CONSTRAINT "service_points_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "item_delegations_one_active" ON "item_delegations" USING btree ("center_id","item_id") WHERE "item_delegations"."state" <> 'revoked';--> statement-breakpoint
CREATE INDEX "item_delegations_item" ON "item_delegations" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "point_receipts_center" ON "point_receipts" USING btree ("center_id","received_at");