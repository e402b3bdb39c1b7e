-- The audit log is append-only: no row is ever changed or removed, not even by the application.
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
-- References between departments, staff and counters that point both ways.
ALTER TABLE departments ADD CONSTRAINT departments_chief_officer_fk FOREIGN KEY (chief_officer_id) REFERENCES staff(id);
--> statement-breakpoint
ALTER TABLE counters ADD CONSTRAINT counters_department_fk FOREIGN KEY (department_id) REFERENCES departments(id);
--> statement-breakpoint
ALTER TABLE centers ADD CONSTRAINT centers_parent_fk FOREIGN KEY (parent_id) REFERENCES centers(id);
