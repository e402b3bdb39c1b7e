-- One file store: the content of every stored file moves into chunks of 256 KiB; catalog
-- templates and staff photos join stored_files (catalog files keep their ids, which guides
-- refer to). Licence documents on disk are moved by the upgrade step at start (server/src/upgrades.ts).
INSERT INTO "stored_file_chunks" ("file_id", "seq", "data")
SELECT f."id", g.seq, substring(f."content" FROM g.seq * 262144 + 1 FOR 262144)
FROM "stored_files" f, generate_series(0, (octet_length(f."content") - 1) / 262144) AS g(seq);
--> statement-breakpoint
INSERT INTO "stored_files" ("id", "purpose", "filename", "media_type", "size", "sha256", "content", "created_by", "created_at")
SELECT c."id", 'catalog_template', c."filename", c."media_type", c."size", c."sha256", ''::bytea,
  coalesce((SELECT s."display_name" FROM "staff" s WHERE s."id" = c."uploaded_by_id"), ''), c."created_at"
FROM "catalog_files" c;
--> statement-breakpoint
INSERT INTO "stored_file_chunks" ("file_id", "seq", "data")
SELECT c."id", g.seq, substring(c."content" FROM g.seq * 262144 + 1 FOR 262144)
FROM "catalog_files" c, generate_series(0, (octet_length(c."content") - 1) / 262144) AS g(seq);
--> statement-breakpoint
-- Each photo gets its file's id first; the foreign key waits until the files are there.
ALTER TABLE "staff_photos" DROP CONSTRAINT "staff_photos_file_id_stored_files_id_fk";
--> statement-breakpoint
UPDATE "staff_photos" SET "file_id" = gen_random_uuid() WHERE "file_id" IS NULL;
--> statement-breakpoint
INSERT INTO "stored_files" ("id", "purpose", "filename", "media_type", "size", "sha256", "content", "created_by", "created_at")
SELECT p."file_id", 'staff_photo',
  'photo.' || CASE p."content_type" WHEN 'image/png' THEN 'png' WHEN 'image/webp' THEN 'webp' WHEN 'image/svg+xml' THEN 'svg' ELSE 'jpg' END,
  p."content_type", octet_length(p."data"), encode(sha256(p."data"), 'hex'), ''::bytea, '', p."updated_at"
FROM "staff_photos" p;
--> statement-breakpoint
INSERT INTO "stored_file_chunks" ("file_id", "seq", "data")
SELECT p."file_id", g.seq, substring(p."data" FROM g.seq * 262144 + 1 FOR 262144)
FROM "staff_photos" p, generate_series(0, (octet_length(p."data") - 1) / 262144) AS g(seq);
--> statement-breakpoint
ALTER TABLE "staff_photos" ADD CONSTRAINT "staff_photos_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;
