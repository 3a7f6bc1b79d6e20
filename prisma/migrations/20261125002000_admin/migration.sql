-- Hand-written guards for product versions (admin: draft and publish).

-- At most one draft per product, so two concurrent "save draft" requests cannot create two.
CREATE UNIQUE INDEX IF NOT EXISTS "product_versions_one_draft_per_product"
  ON "product_versions" ("product_id") WHERE "status" = 'DRAFT';

-- A published version is immutable: orders were priced from it. Only its note may still change.
CREATE OR REPLACE FUNCTION "product_version_immutable_once_published"() RETURNS trigger AS $$
BEGIN
  IF OLD."status" = 'PUBLISHED' AND (
       NEW."status" IS DISTINCT FROM OLD."status"
    OR NEW."definition" IS DISTINCT FROM OLD."definition"
    OR NEW."version" IS DISTINCT FROM OLD."version"
    OR NEW."product_id" IS DISTINCT FROM OLD."product_id"
    OR NEW."from_price_cents" IS DISTINCT FROM OLD."from_price_cents"
    OR NEW."published_at" IS DISTINCT FROM OLD."published_at"
  ) THEN
    RAISE EXCEPTION 'product version % is published and cannot be changed', OLD."id"
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "product_versions_immutable"
  BEFORE UPDATE ON "product_versions"
  FOR EACH ROW EXECUTE FUNCTION "product_version_immutable_once_published"();

-- A product's current version is one of its own published versions.
CREATE OR REPLACE FUNCTION "product_current_version_published"() RETURNS trigger AS $$
BEGIN
  IF NEW."current_version_id" IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM "product_versions"
    WHERE "id" = NEW."current_version_id" AND "product_id" = NEW."id" AND "status" = 'PUBLISHED'
  ) THEN
    RAISE EXCEPTION 'product %: the current version must be one of its published versions', NEW."id"
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "products_current_version_published"
  BEFORE INSERT OR UPDATE OF "current_version_id" ON "products"
  FOR EACH ROW EXECUTE FUNCTION "product_current_version_published"();
