-- Policies re-match an enterprise whenever what its eligibility reads changes: its registry row,
-- its credit records, its e-licenses. Every process LISTENs (policies/runtime.ts).
create or replace function policies_notify_enterprise() returns trigger language plpgsql as $$
declare
  target uuid;
begin
  if tg_table_name = 'enterprises' then
    target := coalesce(new.id, old.id);
  else
    target := coalesce(new.enterprise_id, old.enterprise_id);
  end if;
  if target is not null then
    perform pg_notify('banshi_policy_enterprise', target::text);
  end if;
  return null;
end $$;
--> statement-breakpoint
create trigger enterprises_policy_notify after insert or update or delete on enterprises
  for each row execute function policies_notify_enterprise();
--> statement-breakpoint
create trigger credit_records_policy_notify after insert or update or delete on credit_records
  for each row execute function policies_notify_enterprise();
--> statement-breakpoint
create trigger licenses_policy_notify after insert or update or delete on licenses
  for each row execute function policies_notify_enterprise();
