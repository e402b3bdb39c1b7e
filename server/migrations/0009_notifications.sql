CREATE TABLE "notification_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"channel" text NOT NULL,
	"recipient_encrypted" text NOT NULL,
	"recipient_masked" text NOT NULL,
	"recipient_hash" text NOT NULL,
	"template" text NOT NULL,
	"body" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"transport" text,
	"transport_ref" text,
	"last_error" text,
	"related_type" text DEFAULT '' NOT NULL,
	"related_id" text DEFAULT '' NOT NULL,
	"center_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "notification_messages_related" ON "notification_messages" USING btree ("related_type","related_id");--> statement-breakpoint
CREATE INDEX "notification_messages_recipient" ON "notification_messages" USING btree ("recipient_hash");