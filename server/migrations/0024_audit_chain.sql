CREATE TABLE "audit_anchors" (
	"day" date PRIMARY KEY NOT NULL,
	"chains" jsonb NOT NULL,
	"rows" integer NOT NULL,
	"anchor" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "correlation_id" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "center_id" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "chain_day" date;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "chain_part" smallint;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "chain_seq" bigint;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "prev_mac" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "mac" text;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_log_chain" ON "audit_log" USING btree ("chain_day","chain_part","chain_seq");--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_action_bounded" CHECK (char_length("audit_log"."action") <= 100) NOT VALID;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_detail_bounded" CHECK (octet_length("audit_log"."detail"::text) <= 16384) NOT VALID;