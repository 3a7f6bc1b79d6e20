import type { Metadata } from "next";
import Link from "next/link";
import { ProductForm } from "@/components/admin/product-form";
import { requireAdmin } from "@/lib/auth/guards";
import { createProductAction } from "@/lib/catalog/editor/actions";

export const metadata: Metadata = { title: "New product" };

/** Create a product; its definition is edited next, as a draft. */
export default async function NewProductPage() {
  await requireAdmin("/admin/products/new");
  return (
    <div className="max-w-2xl">
      <p className="text-sm"><Link href="/admin/products" className="text-brand-700 underline">Products</Link></p>
      <h1 className="mt-1 text-2xl font-semibold">New product</h1>
      <p className="mt-1 text-sm text-stone-600">The product stays hidden from the catalog until you publish its first version.</p>
      <div className="mt-6 rounded-lg border border-stone-200 bg-white p-4">
        <ProductForm action={createProductAction} initial={{ name: "", slug: "", summary: "", description: "", imageUrl: "" }} submitLabel="Create product" />
      </div>
    </div>
  );
}
