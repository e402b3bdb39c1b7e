ALTER TABLE "license_types" ADD COLUMN "is_per_site" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "licenses" ADD COLUMN "site" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "licenses" ADD COLUMN "superseded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "licenses" ADD COLUMN "superseded_by_id" uuid;--> statement-breakpoint
ALTER TABLE "licenses" ADD CONSTRAINT "licenses_superseded_by_id_licenses_id_fk" FOREIGN KEY ("superseded_by_id") REFERENCES "public"."licenses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Licenses piled up (issue 16, item 3): of a holder's unrevoked licenses of one type, the newest
-- (latest start, then latest created) stays current; each older one is replaced by the one after it.
WITH ranked AS (
  SELECT "id", lead("id") OVER w AS "next_id", lead("created_at") OVER w AS "next_at"
  FROM "licenses" WHERE "revoked_at" IS NULL
  WINDOW w AS (PARTITION BY "type_id", "enterprise_id" ORDER BY "valid_from", "created_at", "id")
)
UPDATE "licenses" SET "superseded_at" = ranked."next_at", "superseded_by_id" = ranked."next_id"
FROM ranked WHERE ranked."id" = "licenses"."id" AND ranked."next_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "licenses_current" ON "licenses" USING btree ("type_id","enterprise_id","site") WHERE "licenses"."revoked_at" is null and "licenses"."superseded_at" is null;