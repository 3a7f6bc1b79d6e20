"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { PublishState } from "@/lib/catalog/editor/actions";

/** The publish form's moving parts: the action's state, the release note and the button; the findings come in as children. */
export function PublishForm({ productId, action, blocked, children }: { productId: string; action: (s: PublishState, f: FormData) => Promise<PublishState>; blocked: boolean; children: React.ReactNode }) {
  const [state, formAction] = useActionState(action, {} as PublishState);
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="productId" value={productId} />
      {children}
      <div>
        <label htmlFor="publish-note" className="block text-sm font-medium text-stone-700">Release note (optional)</label>
        <input id="publish-note" name="note" maxLength={500} className="mt-1 block w-full rounded-md border border-stone-300 px-3 py-2 text-base sm:text-sm" />
      </div>
      <FormMessage message={state.message} tone={state.ok ? "success" : "error"} />
      <SubmitButton tone="success" disabled={blocked} pendingLabel="Publishing…">Publish draft</SubmitButton>
    </form>
  );
}
