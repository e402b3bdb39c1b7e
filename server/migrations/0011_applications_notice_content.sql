ALTER TABLE "application_notices" ALTER COLUMN "file_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "application_notices" ADD COLUMN "content" jsonb NOT NULL;