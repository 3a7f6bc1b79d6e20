-- AlterEnum
ALTER TYPE "OrderStatus" ADD VALUE 'AWAITING_APPROVAL';

-- AlterTable
ALTER TABLE "orders" ADD COLUMN     "hold_until" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "settings" ADD COLUMN     "approval_hold_days" INTEGER NOT NULL DEFAULT 3,
ADD COLUMN     "approval_hours_threshold" DOUBLE PRECISION NOT NULL DEFAULT 120,
ADD COLUMN     "approval_value_threshold" INTEGER NOT NULL DEFAULT 15000000,
ADD COLUMN     "customer_open_hours_cap" DOUBLE PRECISION NOT NULL DEFAULT 160,
ADD COLUMN     "max_quantity" INTEGER NOT NULL DEFAULT 20;

-- CreateIndex
CREATE INDEX "orders_status_hold_until_idx" ON "orders"("status", "hold_until");

