import type { Breakdown } from "@/lib/configurator";
import { lineText } from "@/lib/configurator/evaluate/line-text";
import { formatCents } from "@/lib/money";

/** The itemized price: every line and the total they sum to. */
export function BreakdownTable({ breakdown, currency, caption = "Price breakdown" }: { breakdown: Breakdown; currency: string; caption?: string }) {
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">{caption}</caption>
      <tbody className="divide-y divide-stone-100">
        {breakdown.lines.map((line, i) => (
          <tr key={`${line.kind}-${line.group ?? ""}-${line.option ?? ""}-${line.ruleId ?? ""}-${i}`}>
            <th scope="row" className="py-1.5 pr-3 text-left font-normal text-stone-600">{lineText(line, (cents) => formatCents(cents, currency))}</th>
            <td className={`whitespace-nowrap py-1.5 text-right tabular-nums ${line.amountCents < 0 ? "text-green-700" : ""}`}>
              {formatCents(line.amountCents, currency)}
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr className="border-t-2 border-stone-300">
          <th scope="row" className="pt-2 text-left font-semibold">Total</th>
          <td className="whitespace-nowrap pt-2 text-right text-base font-semibold tabular-nums" data-testid="order-total">
            {formatCents(breakdown.totalCents, currency)}
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
