CREATE TABLE "figures_rollup_days" (
	"domain" text NOT NULL,
	"center_id" uuid NOT NULL,
	"day" date NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "figures_rollup_days_domain_center_id_day_pk" PRIMARY KEY("domain","center_id","day")
);
--> statement-breakpoint
CREATE TABLE "figures_stale_days" (
	"domain" text NOT NULL,
	"center_id" uuid NOT NULL,
	"day" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "figures_stale_days_domain_center_id_day_pk" PRIMARY KEY("domain","center_id","day")
);
--> statement-breakpoint
CREATE TABLE "figures_daily_tickets" (
	"center_id" uuid NOT NULL,
	"day" date NOT NULL,
	"dim" text NOT NULL,
	"key" uuid,
	"tickets" integer NOT NULL,
	"done" integer NOT NULL,
	"no_show" integer NOT NULL,
	"cancelled" integer NOT NULL,
	"wait_seconds_sum" numeric,
	"wait_count" integer NOT NULL,
	"max_wait_seconds" numeric,
	"service_seconds_sum" numeric,
	"service_count" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "figures_daily_ratings" (
	"center_id" uuid NOT NULL,
	"day" date NOT NULL,
	"department_id" uuid,
	"dim" text NOT NULL,
	"key" text,
	"label" text,
	"rated" integer NOT NULL,
	"l5" integer NOT NULL,
	"l4" integer NOT NULL,
	"l3" integer NOT NULL,
	"l2" integer NOT NULL,
	"l1" integer NOT NULL,
	"active" integer NOT NULL,
	"active_good" integer NOT NULL,
	"excluded" integer NOT NULL,
	"anonymous_bad" integer NOT NULL,
	"real_name_bad" integer NOT NULL,
	"called_back" integer NOT NULL,
	"rectified" integer NOT NULL,
	"callback_hours_sum" double precision,
	"callback_hours_count" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "figures_daily_services" (
	"center_id" uuid NOT NULL,
	"day" date NOT NULL,
	"department_id" uuid,
	"dim" text NOT NULL,
	"key" text,
	"label" text,
	"finished" integer NOT NULL,
	"actively_rated" integer NOT NULL,
	"defaulted" integer NOT NULL,
	"excluded" integer NOT NULL,
	"unrated" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "figures_daily_tickets_center_dim_day" ON "figures_daily_tickets" USING btree ("center_id","dim","day");--> statement-breakpoint
CREATE INDEX "figures_daily_ratings_center_dim_day" ON "figures_daily_ratings" USING btree ("center_id","dim","day");--> statement-breakpoint
CREATE INDEX "figures_daily_services_center_dim_day" ON "figures_daily_services" USING btree ("center_id","dim","day");--> statement-breakpoint
-- Figures at scale: every change to a row of a past business day marks that day stale for the
-- figures rollups (platform/rollups), so that the figures read it raw until the rollup job has
-- recomputed it. Today's rows are never rolled up and need no mark.
CREATE FUNCTION figures_mark_stale(p_domain text, p_center uuid, p_day date) RETURNS void LANGUAGE sql AS $$
  INSERT INTO figures_stale_days (domain, center_id, day)
  SELECT p_domain, p_center, p_day WHERE p_day IS NOT NULL AND p_day < (now() AT TIME ZONE 'Asia/Shanghai')::date
  ON CONFLICT (domain, center_id, day) DO UPDATE SET version = figures_stale_days.version + 1
$$;--> statement-breakpoint
CREATE FUNCTION figures_mark_rating(p_rating uuid) RETURNS void LANGUAGE sql AS $$
  SELECT figures_mark_stale('ratings', r.center_id, (r.rated_at AT TIME ZONE 'Asia/Shanghai')::date) FROM ratings r WHERE r.id = p_rating
$$;--> statement-breakpoint
CREATE FUNCTION figures_mark_callback(p_callback uuid) RETURNS void LANGUAGE sql AS $$
  SELECT figures_mark_rating(c.rating_id) FROM callbacks c WHERE c.id = p_callback
$$;--> statement-breakpoint
CREATE FUNCTION figures_tickets_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM figures_mark_stale('tickets', OLD.center_id, OLD.business_date); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM figures_mark_stale('tickets', NEW.center_id, NEW.business_date); END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER figures_tickets_changed AFTER INSERT OR UPDATE OR DELETE ON tickets FOR EACH ROW EXECUTE FUNCTION figures_tickets_changed();--> statement-breakpoint
CREATE FUNCTION figures_subjects_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM figures_mark_stale('services', OLD.center_id, (OLD.finished_at AT TIME ZONE 'Asia/Shanghai')::date); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM figures_mark_stale('services', NEW.center_id, (NEW.finished_at AT TIME ZONE 'Asia/Shanghai')::date); END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER figures_subjects_changed AFTER INSERT OR UPDATE OR DELETE ON rateable_subjects FOR EACH ROW EXECUTE FUNCTION figures_subjects_changed();--> statement-breakpoint
CREATE FUNCTION figures_ratings_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE r ratings;
BEGIN
  FOREACH r IN ARRAY CASE TG_OP WHEN 'INSERT' THEN ARRAY[NEW] WHEN 'DELETE' THEN ARRAY[OLD] ELSE ARRAY[OLD, NEW] END LOOP
    PERFORM figures_mark_stale('ratings', r.center_id, (r.rated_at AT TIME ZONE 'Asia/Shanghai')::date);
    PERFORM figures_mark_stale('services', s.center_id, (s.finished_at AT TIME ZONE 'Asia/Shanghai')::date)
      FROM rateable_subjects s WHERE s.id = coalesce(r.ticket_id, r.application_id);
  END LOOP;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER figures_ratings_changed AFTER INSERT OR UPDATE OR DELETE ON ratings FOR EACH ROW EXECUTE FUNCTION figures_ratings_changed();--> statement-breakpoint
CREATE FUNCTION figures_callbacks_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'callbacks' THEN
    IF TG_OP <> 'INSERT' THEN PERFORM figures_mark_rating(OLD.rating_id); END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM figures_mark_rating(NEW.rating_id); END IF;
  ELSE
    IF TG_OP <> 'INSERT' THEN PERFORM figures_mark_callback(OLD.callback_id); END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM figures_mark_callback(NEW.callback_id); END IF;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER figures_callbacks_changed AFTER INSERT OR UPDATE OR DELETE ON callbacks FOR EACH ROW EXECUTE FUNCTION figures_callbacks_changed();--> statement-breakpoint
CREATE TRIGGER figures_callbacks_changed AFTER INSERT OR UPDATE OR DELETE ON callback_contacts FOR EACH ROW EXECUTE FUNCTION figures_callbacks_changed();--> statement-breakpoint
CREATE TRIGGER figures_callbacks_changed AFTER INSERT OR UPDATE OR DELETE ON rectifications FOR EACH ROW EXECUTE FUNCTION figures_callbacks_changed();
--> statement-breakpoint
-- The real-name bad reviews of a center over time: the figures' list of what keeps the callback
-- and rectification rates below 100 % reads these only, not every rating of the period.
CREATE INDEX "ratings_real_name_bad" ON "ratings" USING btree ("center_id","rated_at") WHERE "excluded_at" IS NULL AND "level" <= 2 AND "is_real_name";
