CREATE TABLE "conduct_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"center_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"department_id" uuid,
	"inspected_on" date NOT NULL,
	"aspect" text NOT NULL,
	"finding" text NOT NULL,
	"points_deducted" integer NOT NULL,
	"inspector_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conduct_records_aspect" CHECK ("conduct_records"."aspect" in ('appearance','language','discipline')),
	CONSTRAINT "conduct_records_points" CHECK ("conduct_records"."points_deducted" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "exam_scores" (
	"exam_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"score" integer NOT NULL,
	"passed" boolean NOT NULL,
	CONSTRAINT "exam_scores_exam_id_staff_id_pk" PRIMARY KEY("exam_id","staff_id"),
	CONSTRAINT "exam_scores_score" CHECK ("exam_scores"."score" >= 0)
);
--> statement-breakpoint
CREATE TABLE "qualification_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"center_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"role" text NOT NULL,
	"kind" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "qualification_rules_unique" UNIQUE("center_id","purpose","role","kind")
);
--> statement-breakpoint
CREATE TABLE "staff_certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"center_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"number" text NOT NULL,
	"issued_on" date NOT NULL,
	"expires_on" date NOT NULL,
	"exam_id" uuid,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_certificates_kind_number" UNIQUE("kind","number"),
	CONSTRAINT "staff_certificates_dates" CHECK ("staff_certificates"."expires_on" > "staff_certificates"."issued_on")
);
--> statement-breakpoint
CREATE TABLE "training_attendance" (
	"session_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	CONSTRAINT "training_attendance_session_id_staff_id_pk" PRIMARY KEY("session_id","staff_id")
);
--> statement-breakpoint
CREATE TABLE "training_courses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"center_id" uuid NOT NULL,
	"title" text NOT NULL,
	"category" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_courses_center_title" UNIQUE("center_id","title"),
	CONSTRAINT "training_courses_category" CHECK ("training_courses"."category" in ('business','policy','etiquette','other'))
);
--> statement-breakpoint
CREATE TABLE "training_exams" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"pass_mark" integer NOT NULL,
	"max_score" integer DEFAULT 100 NOT NULL,
	"qualification_kind" text,
	"validity_months" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_exams_marks" CHECK ("training_exams"."pass_mark" between 0 and "training_exams"."max_score" and "training_exams"."max_score" > 0),
	CONSTRAINT "training_exams_qualification" CHECK (("training_exams"."qualification_kind" is null) = ("training_exams"."validity_months" is null))
);
--> statement-breakpoint
CREATE TABLE "training_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"trainer" text NOT NULL,
	"place" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "conduct_records" ADD CONSTRAINT "conduct_records_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conduct_records" ADD CONSTRAINT "conduct_records_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conduct_records" ADD CONSTRAINT "conduct_records_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conduct_records" ADD CONSTRAINT "conduct_records_inspector_id_staff_id_fk" FOREIGN KEY ("inspector_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_scores" ADD CONSTRAINT "exam_scores_exam_id_training_exams_id_fk" FOREIGN KEY ("exam_id") REFERENCES "public"."training_exams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_scores" ADD CONSTRAINT "exam_scores_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qualification_rules" ADD CONSTRAINT "qualification_rules_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qualification_rules" ADD CONSTRAINT "qualification_rules_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_certificates" ADD CONSTRAINT "staff_certificates_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_certificates" ADD CONSTRAINT "staff_certificates_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_certificates" ADD CONSTRAINT "staff_certificates_exam_id_training_exams_id_fk" FOREIGN KEY ("exam_id") REFERENCES "public"."training_exams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_certificates" ADD CONSTRAINT "staff_certificates_recorded_by_staff_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_courses" ADD CONSTRAINT "training_courses_center_id_centers_id_fk" FOREIGN KEY ("center_id") REFERENCES "public"."centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_courses" ADD CONSTRAINT "training_courses_created_by_staff_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_exams" ADD CONSTRAINT "training_exams_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conduct_records_center_date" ON "conduct_records" USING btree ("center_id","inspected_on");--> statement-breakpoint
CREATE INDEX "staff_certificates_staff" ON "staff_certificates" USING btree ("staff_id","kind");--> statement-breakpoint
CREATE INDEX "staff_certificates_expiry" ON "staff_certificates" USING btree ("center_id","expires_on");--> statement-breakpoint
CREATE INDEX "training_exams_course" ON "training_exams" USING btree ("course_id");--> statement-breakpoint
CREATE INDEX "training_sessions_course" ON "training_sessions" USING btree ("course_id");