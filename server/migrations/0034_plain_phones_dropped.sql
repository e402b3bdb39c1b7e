-- enterprise_accounts.contact_phone was never written: an empty place for a number in clear, gone.
ALTER TABLE "enterprise_accounts" DROP COLUMN "contact_phone";--> statement-breakpoint
-- The plain phone columns (issue 18, item 15) go where they are already empty. Where an earlier
-- version still holds numbers in clear, they stay until the upgrade step (server/src/upgrades.ts),
-- which holds the key, has sealed every number; it then drops the column itself.
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM "tickets" WHERE "phone" IS NOT NULL) THEN
    ALTER TABLE "tickets" DROP COLUMN "phone";
  END IF;
END $$;--> statement-breakpoint
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM "inquiries" WHERE "phone" IS NOT NULL) THEN
    ALTER TABLE "inquiries" DROP COLUMN "phone";
  END IF;
END $$;
