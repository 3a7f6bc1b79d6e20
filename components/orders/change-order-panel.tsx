import Link from "next/link";
import { formatDate } from "@/lib/dates";
import type { ChangeMode } from "@/lib/orders/revision";
import type { RevisionStep } from "@/lib/orders/timeline";

/**
 * The customer's changes of an order (issue 23): how they may change it now (directly, or by asking the workshop
 * once production has started), a request waiting for an answer, and every revision with what it changed.
 */
export function ChangeOrderPanel({ number, mode, pending, steps, revision }: { number: string; mode: ChangeMode; pending: boolean; steps: RevisionStep[]; revision: number }) {
  if (mode === "none" && steps.length === 0) return null;
  return (
    <section aria-labelledby="changes" className="rounded-xl border border-stone-200 bg-white p-5" data-testid="change-panel">
      <h2 id="changes" className="text-lg font-semibold">Changes {revision > 1 ? <span className="text-sm font-normal text-stone-600">(revision {revision})</span> : null}</h2>
      {pending ? (
        <p className="mt-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="change-pending">Your change request is waiting for the workshop&apos;s answer; the order stays as it is until then.</p>
      ) : mode === "direct" ? (
        <div className="mt-2 text-sm text-stone-700">
          <p>Until production starts you can change the specification; you see the new price and delivery date before you confirm.</p>
          <Link href={`/orders/${number}/change`} className="mt-3 inline-flex rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">Change specification</Link>
        </div>
      ) : mode === "request" ? (
        <div className="mt-2 text-sm text-stone-700">
          <p>Production has started: you can ask the workshop for a change, and they tell you whether they can make it, at what price and by when.</p>
          <Link href={`/orders/${number}/change`} className="mt-3 inline-flex rounded-md border border-stone-300 px-4 py-2 font-medium hover:bg-stone-50">Request a change</Link>
        </div>
      ) : null}
      {steps.length ? (
        <ol className="mt-4 space-y-3 border-t border-stone-100 pt-3 text-sm" aria-label="Changes of this order" data-testid="revision-list">
          {steps.map((s) => (
            <li key={s.id} data-state={s.state}>
              <p className="font-medium">{s.title} <span className="font-normal text-stone-500">· {formatDate(s.at)}</span></p>
              {s.differences.length ? <ul className="list-disc pl-5 text-stone-700">{s.differences.map((d) => <li key={d}>{d}</li>)}</ul> : null}
              {s.detail ? <p className="text-stone-600">{s.detail}</p> : null}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
