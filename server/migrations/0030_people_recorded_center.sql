-- The center whose staff recorded a person: full ID and phone numbers are shown only to staff of
-- that center or a center above it (issue 18, item 14). Earlier records keep null (open to all centers).
-- The snapshot beside this migration is the whole schema again (those of 0020–0029 missed the tables of
-- branches merged beside each other); this file holds only what is new.
ALTER TABLE "people" ADD COLUMN "recorded_center_id" uuid;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_recorded_center_id_centers_id_fk" FOREIGN KEY ("recorded_center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;
