-- AlterTable
ALTER TABLE "audit_log" ADD COLUMN     "changes" JSONB;

-- AlterTable
ALTER TABLE "product_versions" ADD COLUMN     "currency" TEXT;

-- CreateIndex
CREATE INDEX "audit_log_created_at_id_idx" ON "audit_log"("created_at", "id");

-- The audit log becomes the one record of order events: the page used to merge order_events into it,
-- which listed a transition twice (its event and its audit entry). Events that no audit entry recorded
-- (written before every event had one: seeded histories, shop-floor notes) are copied in once, keyed by
-- the event's id; an event counts as recorded when an audit entry of its order lies within 5 seconds of it.
INSERT INTO "audit_log" ("id", "actor_id", "action", "entity_type", "entity_id", "summary", "data", "changes", "created_at")
SELECT
  'ev_' || e."id",
  e."actor_id",
  CASE WHEN e."from_status" = e."to_status" THEN 'order.note' WHEN e."to_status" = 'CANCELLED' THEN 'order.cancel' ELSE 'order.transition' END,
  'Order',
  e."order_id",
  o."number" || ': ' ||
    CASE WHEN e."from_status" = e."to_status" THEN e."note"
    ELSE COALESCE(fl."label", 'New') || ' → ' || tl."label" || CASE WHEN e."note" <> '' THEN ': ' || e."note" ELSE '' END END,
  jsonb_build_object('eventId', e."id", 'note', e."note"),
  CASE WHEN e."from_status" = e."to_status" THEN NULL
  ELSE jsonb_build_array(jsonb_build_object('field', 'Status', 'before', fl."label", 'after', tl."label")) END,
  e."created_at"
FROM "order_events" e
JOIN "orders" o ON o."id" = e."order_id"
LEFT JOIN (VALUES ('AWAITING_APPROVAL', 'Awaiting approval'), ('PLACED', 'Placed'), ('CONFIRMED', 'Confirmed'), ('IN_PRODUCTION', 'In production'), ('QUALITY_CHECK', 'Quality check'), ('READY_TO_SHIP', 'Ready to ship'), ('SHIPPED', 'Shipped'), ('DELIVERED', 'Delivered'), ('CANCELLED', 'Cancelled')) AS fl("status", "label") ON fl."status" = e."from_status"::text
JOIN (VALUES ('AWAITING_APPROVAL', 'Awaiting approval'), ('PLACED', 'Placed'), ('CONFIRMED', 'Confirmed'), ('IN_PRODUCTION', 'In production'), ('QUALITY_CHECK', 'Quality check'), ('READY_TO_SHIP', 'Ready to ship'), ('SHIPPED', 'Shipped'), ('DELIVERED', 'Delivered'), ('CANCELLED', 'Cancelled')) AS tl("status", "label") ON tl."status" = e."to_status"::text
WHERE NOT EXISTS (
  SELECT 1 FROM "audit_log" a
  WHERE a."entity_type" = 'Order' AND a."entity_id" = e."order_id"
    AND a."created_at" BETWEEN e."created_at" - INTERVAL '5 seconds' AND e."created_at" + INTERVAL '5 seconds'
);
