"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { PublishState } from "@/lib/catalog/editor/actions";
import type { CaseRun } from "@/lib/catalog/versions/test-cases";
import { useEditorDirty } from "./editor-dirty";
import { TestCaseResults } from "./test-case-results";

type Props = {
  productId: string;
  action: (s: PublishState, f: FormData) => Promise<PublishState>;
  blocked: boolean;
  /** The saved draft's revision this page shows; the server refuses to publish a draft saved since. */
  revision: string;
  /** The saved test cases run on the saved draft when the page was rendered; a publish attempt's own run replaces them. */
  testRuns: CaseRun[];
  currency: string;
  children: React.ReactNode;
};

/** The publish form's moving parts: the action's state, the release note and the button; the findings come in as children. */
export function PublishForm({ productId, action, blocked, revision, testRuns, currency, children }: Props) {
  const [state, formAction] = useActionState(action, {} as PublishState);
  // Publishing takes the saved draft: with edits still in the editor it would publish something else.
  const dirty = useEditorDirty();
  const runs = state.testRuns ?? testRuns;
  const askAccept = !blocked && runs.some((r) => r.mismatches.length > 0);
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="productId" value={productId} />
      <input type="hidden" name="revision" value={revision} />
      {children}
      {blocked ? null : <TestCaseResults runs={runs} currency={currency} />}
      {askAccept ? (
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="acceptTestResults" className="mt-0.5 h-4 w-4" />
          <span>Accept the new results: publish and make them the test cases&apos; expectations</span>
        </label>
      ) : null}
      <div>
        <label htmlFor="publish-note" className="block text-sm font-medium text-stone-700">Release note (optional)</label>
        <input id="publish-note" name="note" maxLength={500} className="mt-1 block w-full rounded-md border border-stone-300 px-3 py-2 text-base sm:text-sm" />
      </div>
      {dirty ? <p id="publish-dirty" role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">Save your changes first: publishing takes the saved draft, not the edits in the editor.</p> : null}
      <FormMessage message={state.message} tone={state.ok ? "success" : "error"} />
      <SubmitButton tone="success" disabled={blocked || dirty} pendingLabel="Publishing…">Publish draft</SubmitButton>
    </form>
  );
}
