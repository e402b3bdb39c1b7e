DROP INDEX "online_application_drafts_item";--> statement-breakpoint
ALTER TABLE "online_application_drafts" ADD COLUMN "kind" varchar(10) DEFAULT 'item' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "online_application_drafts_item" ON "online_application_drafts" USING btree ("enterprise_id","center_id","kind","item_code");