import type { CaseRun } from "@/lib/catalog/versions/test-cases";
import { formatCents } from "@/lib/money";

const validity = (v: boolean) => (v ? "valid" : "invalid");

/** The saved test cases run on the draft: each case's expected and actual validity, price and lead days. */
export function TestCaseResults({ runs, currency }: { runs: CaseRun[]; currency: string }) {
  if (runs.length === 0) return null;
  const failing = runs.filter((r) => r.mismatches.length > 0);
  const cell = (bad: boolean, expected: string, got: string) =>
    bad ? (
      <td className="px-2 py-1.5 font-medium text-red-800"><del className="text-stone-700">{expected}</del> → {got}</td>
    ) : (
      <td className="px-2 py-1.5">{got}</td>
    );
  return (
    <div>
      <h3 className={`text-sm font-semibold ${failing.length ? "text-red-900" : "text-green-800"}`}>
        {failing.length ? `${failing.length} of ${runs.length} test case(s) give different results` : `All ${runs.length} test case(s) give their expected results`}
      </h3>
      <div className="mt-2 overflow-x-auto rounded-md border border-stone-200">
        <table className="w-full text-sm">
          <caption className="sr-only">Test cases on the draft: expected → got</caption>
          <thead className="bg-stone-50 text-left text-xs uppercase text-stone-600">
            <tr><th scope="col" className="px-2 py-1.5">Test case</th><th scope="col" className="px-2 py-1.5">Validity</th><th scope="col" className="px-2 py-1.5">Price</th><th scope="col" className="px-2 py-1.5">Lead days</th><th scope="col" className="px-2 py-1.5">Hours</th></tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {runs.map((r) => {
              const hours = (ops: { hours: number }[] | null) => (ops ? `${Math.round(ops.reduce((s, o) => s + o.hours, 0) * 100) / 100} h` : "–");
              return (
                <tr key={r.id} data-testid="test-case-run" className={r.mismatches.length ? "bg-red-50/50" : undefined}>
                  <th scope="row" className="px-2 py-1.5 text-left font-medium">{r.name} <span className="sr-only">{r.mismatches.length ? "fails" : "passes"}</span>{r.mismatches.length ? null : <span aria-hidden className="text-green-700"> ✓</span>}</th>
                  {cell(r.mismatches.includes("valid"), validity(r.expected.valid), validity(r.got.valid))}
                  {cell(r.mismatches.includes("price"), formatCents(r.expected.priceCents, currency), formatCents(r.got.priceCents, currency))}
                  {cell(r.mismatches.includes("leadDays"), String(r.expected.leadDays), String(r.got.leadDays))}
                  {r.expected.operations ? cell(r.mismatches.includes("operations"), hours(r.expected.operations), hours(r.got.operations)) : <td className="px-2 py-1.5 text-stone-500">not compared</td>}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
