-- Products can be taken out of the catalog (UNPUBLISHED) and archived; saved test cases per product run at publish.

-- CreateEnum
CREATE TYPE "ProductStatus" AS ENUM ('ACTIVE', 'UNPUBLISHED', 'ARCHIVED');

-- AlterTable
ALTER TABLE "products" ADD COLUMN     "status" "ProductStatus" NOT NULL DEFAULT 'ACTIVE';

-- An unpublished or archived product has no current version, so no catalog query, page or new order finds it.
ALTER TABLE "products" ADD CONSTRAINT "products_out_of_catalog_has_no_current_version"
  CHECK ("status" = 'ACTIVE' OR "current_version_id" IS NULL);

-- CreateTable
CREATE TABLE "product_test_cases" (
    "id" TEXT NOT NULL,
    "product_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "selection" JSONB NOT NULL,
    "quantity" INTEGER NOT NULL DEFAULT 1,
    "expect_valid" BOOLEAN NOT NULL,
    "expect_price_cents" INTEGER NOT NULL,
    "expect_lead_days" INTEGER NOT NULL,
    "expect_operations" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "product_test_cases_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "product_test_cases_quantity_check" CHECK ("quantity" >= 1)
);

-- CreateIndex
CREATE UNIQUE INDEX "product_test_cases_product_id_name_key" ON "product_test_cases"("product_id", "name");

-- AddForeignKey
ALTER TABLE "product_test_cases" ADD CONSTRAINT "product_test_cases_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE CASCADE ON UPDATE CASCADE;
