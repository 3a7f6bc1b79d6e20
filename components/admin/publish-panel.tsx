import type { PublishState } from "@/lib/catalog/editor/actions";
import type { LintFinding } from "@/lib/configurator";
import { PublishForm } from "./publish-form";

function FindingList({ findings }: { findings: LintFinding[] }) {
  return (
    <ul className="mt-2 space-y-2">
      {findings.map((f, i) => (
        <li key={i} className={`rounded-md border p-2 text-sm ${f.severity === "error" ? "border-red-200 bg-red-50 text-red-900" : "border-amber-200 bg-amber-50 text-amber-900"}`}>
          <span className="font-semibold">{f.severity === "error" ? "Error" : "Warning"}:</span> {f.message}
          <span className="mt-0.5 block text-xs">
            {f.ruleId ? <>Rule <code>{f.ruleId}</code>. </> : null}
            {f.ruleIds?.length ? <>Rules {f.ruleIds.map((r) => <code key={r} className="mr-1">{r}</code>)}. </> : null}
            {f.group ? <>Group <code>{f.group}</code>. </> : null}
            {f.operation ? <>Operation <code>{f.operation}</code>. </> : null}
            {f.options?.length ? <>Options {f.options.map((o) => <code key={`${o.group}.${o.option}`} className="mr-1">{o.group}/{o.option}</code>)}</> : null}
          </span>
        </li>
      ))}
    </ul>
  );
}

/**
 * Publishes the saved draft: lint errors block it, warnings must be acknowledged. The findings are
 * rendered here on the server; only the form's state and button run in the browser (PublishForm).
 */
export function PublishPanel({ productId, findings, action, hasDraft }: { productId: string; findings: LintFinding[]; action: (s: PublishState, f: FormData) => Promise<PublishState>; hasDraft: boolean }) {
  // The page re-lints the saved draft on every render (after each save or publish), so its findings are current.
  const shown = findings;
  const errors = shown.filter((f) => f.severity === "error");
  const warnings = shown.filter((f) => f.severity === "warning");
  return (
    <PublishForm productId={productId} action={action} blocked={!hasDraft || errors.length > 0}>
      {!hasDraft ? <p className="text-sm text-stone-600">No saved draft. Save changes in the editor to create one.</p> : null}
      {hasDraft && errors.length === 0 && warnings.length === 0 ? <p className="text-sm text-green-800">The saved draft passes every check.</p> : null}
      {errors.length ? <div><h3 className="text-sm font-semibold text-red-900">{errors.length} error(s) block publishing</h3><FindingList findings={errors} /></div> : null}
      {warnings.length ? (
        <div>
          <h3 className="text-sm font-semibold text-amber-900">{warnings.length} warning(s)</h3>
          <FindingList findings={warnings} />
          <label className="mt-2 flex items-center gap-2 text-sm"><input type="checkbox" name="acknowledgeWarnings" className="h-4 w-4" /> I have read the warnings; publish anyway</label>
        </div>
      ) : null}
    </PublishForm>
  );
}
