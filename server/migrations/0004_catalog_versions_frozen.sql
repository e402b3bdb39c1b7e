-- A published guide never changes: once a version leaves the draft state, the only change it may
-- undergo is published -> superseded, and it is never deleted. Applications keep pointing at it.
CREATE FUNCTION catalog_version_freeze() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.state <> 'draft' THEN
      RAISE EXCEPTION '% version % is published and cannot be deleted', TG_TABLE_NAME, OLD.id USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.state <> 'draft' AND NOT (
    OLD.state = 'published' AND NEW.state = 'superseded' AND (to_jsonb(NEW) - 'state') = (to_jsonb(OLD) - 'state')
  ) THEN
    RAISE EXCEPTION '% version % is published and cannot be changed', TG_TABLE_NAME, OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER catalog_item_versions_frozen BEFORE UPDATE OR DELETE ON catalog_item_versions
  FOR EACH ROW EXECUTE FUNCTION catalog_version_freeze();
--> statement-breakpoint
CREATE TRIGGER catalog_bundle_versions_frozen BEFORE UPDATE OR DELETE ON catalog_bundle_versions
  FOR EACH ROW EXECUTE FUNCTION catalog_version_freeze();
--> statement-breakpoint
-- The item's pointers to its published and draft versions (the versions point back at the item).
ALTER TABLE catalog_items ADD CONSTRAINT catalog_items_published_version_fk FOREIGN KEY (published_version_id) REFERENCES catalog_item_versions(id);
--> statement-breakpoint
ALTER TABLE catalog_items ADD CONSTRAINT catalog_items_draft_version_fk FOREIGN KEY (draft_version_id) REFERENCES catalog_item_versions(id);
--> statement-breakpoint
ALTER TABLE catalog_bundles ADD CONSTRAINT catalog_bundles_published_version_fk FOREIGN KEY (published_version_id) REFERENCES catalog_bundle_versions(id);
--> statement-breakpoint
ALTER TABLE catalog_bundles ADD CONSTRAINT catalog_bundles_draft_version_fk FOREIGN KEY (draft_version_id) REFERENCES catalog_bundle_versions(id);
