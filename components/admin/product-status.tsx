"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ProductStatusName } from "@/lib/catalog/editor/queries";
import { initialFormState, type FormState } from "@/lib/forms/state";

type Props = {
  status: ProductStatusName;
  inCatalog: boolean;
  hasPublished: boolean;
  action: (s: FormState, f: FormData) => Promise<FormState>;
};

const WORDS: Record<ProductStatusName, string> = { ACTIVE: "Active", UNPUBLISHED: "Unpublished", ARCHIVED: "Archived" };

/**
 * Whether the product is in the catalog, and the buttons that take it out (unpublish, archive) and back. One
 * form, so its message stays on screen when the buttons change with the new status.
 */
export function ProductStatus({ status, inCatalog, hasPublished, action }: Props) {
  const [state, formAction] = useActionState(action, initialFormState);
  const said =
    status === "ARCHIVED"
      ? "Archived: not in the catalog and hidden from the product list. Its orders keep their version."
      : status === "UNPUBLISHED"
        ? "Unpublished: not in the catalog; its page answers that it does not exist and new orders are refused. Existing orders keep their version."
        : inCatalog
          ? "In the catalog."
          : "Not in the catalog until a draft is published.";
  const button = (change: string, label: string, danger = false) => (
    <SubmitButton size="xs" tone={danger ? "outline-danger" : "outline"} name="change" value={change} pendingLabel="…">{label}</SubmitButton>
  );
  return (
    <form action={formAction} className="space-y-2">
      <p className="text-sm"><span className="font-medium">{WORDS[status]}.</span> {said}</p>
      <div className="flex flex-wrap items-center gap-3">
        {status === "ACTIVE" && inCatalog ? button("unpublish", "Unpublish", true) : null}
        {status === "UNPUBLISHED" && hasPublished ? button("republish", "Republish") : null}
        {status !== "ARCHIVED" ? button("archive", "Archive", true) : null}
        {status === "ARCHIVED" ? button("unarchive", "Unarchive") : null}
        <span aria-live="polite" className={`text-xs ${state.ok ? "text-green-800" : "text-red-700"}`}>{state.message}</span>
      </div>
    </form>
  );
}
