import type { PublishState } from "@/lib/catalog/editor/actions";
import type { CaseRun } from "@/lib/catalog/versions/test-cases";
import type { LintFinding, LintWitness } from "@/lib/configurator";
import { PublishForm } from "./publish-form";

function FindingDetails({ f }: { f: LintFinding }) {
  return (
    <span className="mt-0.5 block text-xs">
      {f.ruleId ? <>Rule <code>{f.ruleId}</code>. </> : null}
      {f.ruleIds?.length ? <>Blocking rules {f.ruleIds.map((r) => <code key={r} className="mr-1">{r}</code>)}. </> : null}
      {f.group ? <>Group <code>{f.group}</code>. </> : null}
      {f.operation ? <>Operation <code>{f.operation}</code>. </> : null}
      {f.options?.length ? <>Options {f.options.map((o) => <code key={`${o.group}.${o.option}`} className="mr-1">{o.group}/{o.option}</code>)}</> : null}
    </span>
  );
}

const tone = (f: LintFinding) => (f.severity === "error" ? "border-red-200 bg-red-50 text-red-900" : "border-amber-200 bg-amber-50 text-amber-900");
const label = (f: LintFinding) => (f.severity === "error" ? "Error" : "Warning");

/** Root causes first; what follows from each (findings `causedBy` it) collapsed under it. */
function FindingList({ roots, knockOns }: { roots: LintFinding[]; knockOns: Map<string, LintFinding[]> }) {
  return (
    <ul className="mt-2 space-y-2">
      {roots.map((f, i) => {
        const following = f.id ? (knockOns.get(f.id) ?? []) : [];
        return (
          <li key={f.id ?? i} className={`rounded-md border p-2 text-sm ${tone(f)}`} data-testid="lint-root">
            <span className="font-semibold">{label(f)}:</span> {f.message}
            <FindingDetails f={f} />
            {following.length > 0 ? (
              <details className="mt-1.5">
                <summary className="cursor-pointer text-xs font-medium">
                  {following.length} more finding{following.length === 1 ? "" : "s"} follow{following.length === 1 ? "s" : ""} from this one
                </summary>
                <ul className="mt-1 space-y-1 border-l-2 border-current/20 pl-2">
                  {following.map((k, j) => (
                    <li key={k.id ?? j} className="text-xs">
                      <span className="font-semibold">{label(k)}:</span> {k.message}
                      <FindingDetails f={k} />
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

/** How many examples the page lists: a product of 10 x 200 options has 2,000, which would weigh the page down. */
export const WITNESSES_SHOWN = 100;

/** What the check proved reachable, each with one valid configuration that reaches it (the first WITNESSES_SHOWN). */
function Witnesses({ witnesses }: { witnesses: LintWitness[] }) {
  if (witnesses.length === 0) return null;
  const hidden = witnesses.length - WITNESSES_SHOWN;
  return (
    <details className="text-sm">
      <summary className="cursor-pointer font-medium text-stone-800">Every option and range checked reachable: {witnesses.length} with an example</summary>
      <ul className="mt-2 max-h-72 space-y-1 overflow-y-auto text-xs text-stone-700">
        {witnesses.slice(0, WITNESSES_SHOWN).map((w) => (
          <li key={w.target}>
            <span className="font-medium text-stone-900">{w.label}</span>: reachable, e.g. {w.example}
          </li>
        ))}
        {hidden > 0 ? <li className="text-stone-600">…and {hidden} more, each reachable (use Preview draft to try one).</li> : null}
      </ul>
    </details>
  );
}

/**
 * Publishes the saved draft: lint errors block it, warnings must be acknowledged. The findings are
 * rendered here on the server, root causes first; only the form's state and button run in the browser (PublishForm).
 */
export function PublishPanel({ productId, findings, witnesses = [], partial = false, action, hasDraft, revision, testRuns, currency }: {
  productId: string;
  findings: LintFinding[];
  /** What the check proved reachable, with an example configuration each. */
  witnesses?: LintWitness[];
  /** The check ran out of budget and fell back to the approximate one. */
  partial?: boolean;
  action: (s: PublishState, f: FormData) => Promise<PublishState>;
  hasDraft: boolean;
  /** The saved draft's updatedAt (ISO), sent with the form. */
  revision: string;
  /** The product's saved test cases run on the saved draft. */
  testRuns: CaseRun[];
  currency: string;
}) {
  // The page re-lints the saved draft on every render (after each save or publish), so its findings are current.
  const errors = findings.filter((f) => f.severity === "error");
  const warnings = findings.filter((f) => f.severity === "warning");
  const knockOns = new Map<string, LintFinding[]>();
  for (const f of findings) if (f.causedBy) knockOns.set(f.causedBy, [...(knockOns.get(f.causedBy) ?? []), f]);
  const roots = findings.filter((f) => !f.causedBy || !findings.some((r) => r.id === f.causedBy));
  const errorRoots = roots.filter((f) => f.severity === "error");
  const warningRoots = roots.filter((f) => f.severity === "warning");
  return (
    <PublishForm productId={productId} action={action} blocked={!hasDraft || errors.length > 0} revision={revision} testRuns={hasDraft ? testRuns : []} currency={currency}>
      {!hasDraft ? <p className="text-sm text-stone-600">No saved draft. Save changes in the editor to create one.</p> : null}
      {hasDraft && errors.length === 0 && warnings.length === 0 ? <p className="text-sm text-green-800">The saved draft passes every check{partial ? "" : ": every option and range is reachable"}.</p> : null}
      {errorRoots.length ? (
        <div>
          <h3 className="text-sm font-semibold text-red-900">
            {errors.length} error(s) block publishing{roots.length < findings.length ? `; fix ${errorRoots.length === 1 ? "the root cause" : `the ${errorRoots.length} root causes`} first` : ""}
          </h3>
          <FindingList roots={errorRoots} knockOns={knockOns} />
        </div>
      ) : null}
      {warnings.length ? (
        <div>
          <h3 className="text-sm font-semibold text-amber-900">{warnings.length} warning(s)</h3>
          {warningRoots.length ? <FindingList roots={warningRoots} knockOns={knockOns} /> : <p className="mt-1 text-xs text-amber-900">They follow from the errors above.</p>}
          <label className="mt-2 flex items-center gap-2 text-sm"><input type="checkbox" name="acknowledgeWarnings" className="h-4 w-4" /> I have read the warnings; publish anyway</label>
        </div>
      ) : null}
      {hasDraft ? <Witnesses witnesses={witnesses} /> : null}
    </PublishForm>
  );
}
