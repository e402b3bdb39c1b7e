-- Hit counters of the rate limits (platform/http/rate-limit.ts), shared by every process on the
-- database. UNLOGGED: no WAL for a counter that may be lost in a crash (it then starts again).
CREATE UNLOGGED TABLE "rate_limits" (
	"key" varchar(300) PRIMARY KEY NOT NULL,
	"hits" integer NOT NULL,
	"reset_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "rate_limits_reset_at_idx" ON "rate_limits" ("reset_at");
