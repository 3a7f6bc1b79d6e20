import type { FormState } from "@/lib/forms/state";
import type { CaseRun } from "@/lib/catalog/versions/test-cases";
import type { TestCaseRow } from "@/lib/catalog/versions/queries";
import { formatCents } from "@/lib/money";
import { ActionForm } from "./action-form";
import { TestCaseEditForm } from "./test-case-edit-form";

type Props = {
  cases: TestCaseRow[];
  /** Each case run on the draft (or the current version), by id. */
  runs: CaseRun[];
  currency: string;
  update: (s: FormState, f: FormData) => Promise<FormState>;
  remove: (s: FormState, f: FormData) => Promise<FormState>;
};

/** A short reading of a saved selection, e.g. "frame: oak · width: 160". */
function describeSelection(selection: unknown): string {
  if (typeof selection !== "object" || selection === null) return "–";
  const parts = Object.entries(selection as Record<string, unknown>).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join("+") || "none" : String(v)}`);
  return parts.join(" · ") || "defaults";
}

/** The product's saved test cases: configuration, expectation, today's result on the draft, edit and delete. */
export function TestCaseList({ cases, runs, currency, update, remove }: Props) {
  if (cases.length === 0) {
    return <p className="mt-2 text-sm text-stone-600">No test cases yet. Open <strong>Preview draft</strong>, configure the product and save the configuration as a test case; publishing then checks that it keeps its price, validity and lead time.</p>;
  }
  return (
    <ul className="mt-3 space-y-2" aria-label="Test cases">
      {cases.map((c) => {
        const run = runs.find((r) => r.id === c.id);
        const failing = !!run && run.mismatches.length > 0;
        const hours = c.expected.operations ? `, ${Math.round(c.expected.operations.reduce((s, o) => s + o.hours, 0) * 100) / 100} h` : "";
        return (
          <li key={c.id} className="rounded-lg border border-stone-200 bg-white p-3 text-sm" data-testid="test-case">
            <div className="flex flex-wrap items-start gap-x-3 gap-y-1">
              <div className="mr-auto min-w-0">
                <p className="font-medium">{c.name}</p>
                <p className="break-words text-xs text-stone-600">{describeSelection(c.selection)} · quantity {c.quantity}</p>
                <p className="mt-0.5 text-xs">Expects {c.expected.valid ? "valid" : "invalid"}, {formatCents(c.expected.priceCents, currency)}, {c.expected.leadDays} lead days{hours}</p>
              </div>
              {run ? (
                <span className={`rounded px-2 py-0.5 text-xs ${failing ? "bg-red-100 text-red-900" : "bg-green-100 text-green-900"}`}>
                  {failing ? `Differs on the draft: ${formatCents(run.got.priceCents, currency)}, ${run.got.leadDays} days, ${run.got.valid ? "valid" : "invalid"}` : "Passes on the draft"}
                </span>
              ) : null}
            </div>
            <div className="mt-2 flex flex-wrap items-start gap-3">
              <details className="grow">
                <summary className="cursor-pointer text-xs text-brand-700 underline">Edit {c.name}</summary>
                <TestCaseEditForm action={update} testCase={{ id: c.id, name: c.name, expectValid: c.expected.valid, expectPriceCents: c.expected.priceCents, expectLeadDays: c.expected.leadDays, comparesOperations: !!c.expected.operations }} />
              </details>
              <ActionForm action={remove} fields={{ id: c.id }} label="Delete" ariaLabel={`Delete test case ${c.name}`} tone="danger" />
            </div>
          </li>
        );
      })}
    </ul>
  );
}
