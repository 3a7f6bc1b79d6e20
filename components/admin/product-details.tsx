"use client";

import { lazy, Suspense, useState } from "react";
import type { FormState } from "@/lib/forms/state";

// The form loads the first time the section is opened: on a published product the section starts closed,
// and the editor page then ships without it.
const ProductForm = lazy(() => import("./product-form").then((m) => ({ default: m.ProductForm })));

type Values = { name: string; slug: string; summary: string; description: string; imageUrl: string };

/** The collapsible "Product details" section of the product page, with the product's own fields. */
export function ProductDetails({ defaultOpen, action, initial }: { defaultOpen: boolean; action: (s: FormState, f: FormData) => Promise<FormState>; initial: Values }) {
  const [opened, setOpened] = useState(defaultOpen);
  return (
    <details className="rounded-lg border border-stone-200 bg-white p-4" open={defaultOpen} onToggle={(event) => event.currentTarget.open && setOpened(true)}>
      <summary className="cursor-pointer text-lg font-semibold">Product details</summary>
      <div className="mt-4">
        {opened ? (
          <Suspense fallback={<p role="status" className="text-sm text-stone-600">Loading…</p>}>
            <ProductForm action={action} initial={initial} submitLabel="Save details" />
          </Suspense>
        ) : null}
      </div>
    </details>
  );
}
