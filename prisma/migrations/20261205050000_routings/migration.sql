-- Routings (issue 20): a product version's production hours move from one `baseProductionHours` figure
-- to a routing of operations at work centres. Every existing definition, drafts and published versions
-- alike, becomes one operation "Workshop" at the "workshop" centre (created by 20261205040000) with the
-- old base hours; options, groups and rules keep their hours, which go to that first operation by default.
-- Published versions are immutable (trigger product_versions_immutable): this one rewrite of their
-- shape, which keeps every figure an order was priced from, is made with the trigger off.

ALTER TABLE "product_versions" DISABLE TRIGGER "product_versions_immutable";

UPDATE "product_versions"
SET "definition" = ("definition" - 'baseProductionHours') || jsonb_build_object(
  'routing', jsonb_build_array(jsonb_build_object(
    'id', 'workshop',
    'label', 'Workshop',
    'workCentre', 'workshop',
    'hours', COALESCE("definition" -> 'baseProductionHours', '0'::jsonb)
  ))
)
WHERE jsonb_typeof("definition") = 'object' AND NOT ("definition" ? 'routing');

ALTER TABLE "product_versions" ENABLE TRIGGER "product_versions_immutable";
