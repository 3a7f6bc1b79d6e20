-- Change orders (issue 23): an order's revisions of its specification, the order's current revision, and the
-- settings that say until which stage customers change directly and until which they may request a change.

-- CreateEnum
CREATE TYPE "RevisionStatus" AS ENUM ('PENDING', 'APPLIED', 'DECLINED');

-- AlterTable
ALTER TABLE "orders" ADD COLUMN "revision" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "settings" ADD COLUMN "change_direct_until" "OrderStatus" NOT NULL DEFAULT 'CONFIRMED',
ADD COLUMN "change_request_until" "OrderStatus" NOT NULL DEFAULT 'IN_PRODUCTION';

-- CreateTable
CREATE TABLE "order_revisions" (
    "id" TEXT NOT NULL,
    "order_id" TEXT NOT NULL,
    "number" INTEGER,
    "status" "RevisionStatus" NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "requested_by_id" TEXT NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "differences" JSONB NOT NULL,
    "previous_snapshot" JSONB NOT NULL,
    "snapshot" JSONB NOT NULL,
    "total_before_cents" INTEGER NOT NULL,
    "total_after_cents" INTEGER NOT NULL,
    "fee_cents" INTEGER NOT NULL DEFAULT 0,
    "hours_before" DOUBLE PRECISION NOT NULL,
    "hours_after" DOUBLE PRECISION NOT NULL,
    "promised_before" DATE NOT NULL,
    "promised_after" DATE NOT NULL,
    "decided_by_id" TEXT,
    "decided_at" TIMESTAMPTZ(3),
    "decision_note" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "order_revisions_pkey" PRIMARY KEY ("id"),
    -- An applied revision has its number (2, 3, ...); a request has none until it is applied.
    CONSTRAINT "order_revisions_number_check" CHECK (("status" = 'APPLIED') = ("number" IS NOT NULL) AND ("number" IS NULL OR "number" >= 2)),
    CONSTRAINT "order_revisions_fee_check" CHECK ("fee_cents" >= 0),
    CONSTRAINT "order_revisions_decided_check" CHECK (("status" = 'PENDING') OR "status" = 'APPLIED' OR "decided_at" IS NOT NULL)
);

-- CreateIndex
CREATE UNIQUE INDEX "order_revisions_idempotency_key_key" ON "order_revisions"("idempotency_key");
CREATE UNIQUE INDEX "order_revisions_order_id_number_key" ON "order_revisions"("order_id", "number");
CREATE INDEX "order_revisions_order_id_created_at_idx" ON "order_revisions"("order_id", "created_at");
CREATE INDEX "order_revisions_status_created_at_idx" ON "order_revisions"("status", "created_at");
CREATE INDEX "order_revisions_requested_by_id_created_at_idx" ON "order_revisions"("requested_by_id", "created_at");
-- At most one request waits per order.
CREATE UNIQUE INDEX "order_revisions_one_pending" ON "order_revisions"("order_id") WHERE "status" = 'PENDING';

-- AddForeignKey
ALTER TABLE "order_revisions" ADD CONSTRAINT "order_revisions_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "order_revisions" ADD CONSTRAINT "order_revisions_requested_by_id_fkey" FOREIGN KEY ("requested_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "order_revisions" ADD CONSTRAINT "order_revisions_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A revision is immutable once applied or declined: only a request (PENDING) may be decided, once.
CREATE FUNCTION "order_revisions_immutable"() RETURNS trigger AS $$
BEGIN
  IF OLD."status" <> 'PENDING' THEN
    RAISE EXCEPTION 'order revision % is % and cannot change', OLD."id", OLD."status" USING ERRCODE = '55000';
  END IF;
  IF NEW."order_id" <> OLD."order_id" OR NEW."idempotency_key" <> OLD."idempotency_key" OR NEW."requested_by_id" <> OLD."requested_by_id" OR NEW."created_at" <> OLD."created_at" THEN
    RAISE EXCEPTION 'order revision % keeps its order, key, requester and time', OLD."id" USING ERRCODE = '55000';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "order_revisions_immutable" BEFORE UPDATE ON "order_revisions"
  FOR EACH ROW EXECUTE FUNCTION "order_revisions_immutable"();
