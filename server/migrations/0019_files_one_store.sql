ALTER TABLE "catalog_files" DISABLE ROW LEVEL SECURITY;--> statement-breakpoint
DROP TABLE "catalog_files" CASCADE;--> statement-breakpoint
ALTER TABLE "staff_photos" ALTER COLUMN "file_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "stored_files" DROP COLUMN "content";--> statement-breakpoint
ALTER TABLE "licenses" DROP COLUMN "document_media_type";--> statement-breakpoint
ALTER TABLE "licenses" DROP COLUMN "document_size";--> statement-breakpoint
ALTER TABLE "licenses" DROP COLUMN "document_sha256";--> statement-breakpoint
ALTER TABLE "staff_photos" DROP COLUMN "content_type";--> statement-breakpoint
ALTER TABLE "staff_photos" DROP COLUMN "data";