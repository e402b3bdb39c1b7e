ALTER TABLE "tickets" ADD COLUMN "phone_cipher" text;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "phone_masked" varchar(20);--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "phone_hash" text;
