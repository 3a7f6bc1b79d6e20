// A bar chart drawn with HTML and CSS on the server: axis, dashed grid, bars (grouped side by side, or
// stacked), week labels, an optional legend, and a native tooltip (title) per bar. No JavaScript reaches the
// browser for it; the figures themselves are also in the tables beside each chart.

export type ChartSeries = { key: string; name: string; color: string };
export type ChartRow = { label: string; values: Record<string, number>; title: string };

type Props = {
  rows: ChartRow[];
  series: ChartSeries[];
  /** Stack the series in one bar per row (otherwise one bar per series, side by side). */
  stacked?: boolean;
  /** Width of the value axis in pixels. */
  axisWidth?: number;
  /** Whole numbers only on the value axis (counts). */
  integer?: boolean;
  legend?: boolean;
};

/** A "nice" step (1, 2, 2.5 or 5 times a power of ten) for about four intervals up to `max`. */
function niceStep(max: number, integer: boolean): number {
  const raw = max / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  return integer ? Math.max(1, Math.ceil(step)) : step;
}

/** The value-axis ticks, from 0 to the first step at or above the largest bar. */
export function chartTicks(max: number, integer = false): number[] {
  if (!(max > 0)) return [0, 1];
  const step = niceStep(max, integer);
  const top = Math.ceil(max / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let t = 0; t <= top + step / 2; t += step) ticks.push(Math.round(t * 1e6) / 1e6);
  return ticks;
}

const percent = (value: number, top: number) => `${Math.min(100, Math.max(0, (value / top) * 100))}%`;

export function BarChart({ rows, series, stacked = false, axisWidth = 40, integer = false, legend = false }: Props) {
  const heights = rows.map((row) => {
    const values = series.map((s) => row.values[s.key] ?? 0);
    return stacked ? values.reduce((a, b) => a + b, 0) : Math.max(0, ...values);
  });
  const ticks = chartTicks(Math.max(0, ...heights), integer);
  const top = ticks[ticks.length - 1]!;
  return (
    <div aria-hidden className="flex h-56 min-w-0 flex-col text-[11px] text-stone-500">
      <div className="flex min-h-0 flex-1 pt-1.5">
        <div className="relative shrink-0" style={{ width: axisWidth }}>
          {ticks.map((tick) => (
            <span key={tick} className="absolute right-2 translate-y-1/2 tabular-nums" style={{ bottom: percent(tick, top) }}>
              {tick.toLocaleString("en-GB")}
            </span>
          ))}
        </div>
        <div className="relative flex-1 border-b border-l border-stone-500">
          {ticks.slice(1).map((tick) => (
            <div key={tick} className="absolute inset-x-0 border-t border-dashed border-stone-300" style={{ bottom: percent(tick, top) }} />
          ))}
          <div className="absolute inset-0 flex">
            {rows.map((row) => (
              <div key={row.label} title={row.title} className="flex h-full flex-1 justify-center">
                {stacked ? (
                  <div className="flex h-full w-4/5 flex-col-reverse">
                    {series.map((s) => (
                      <div key={s.key} style={{ height: percent(row.values[s.key] ?? 0, top), backgroundColor: s.color }} />
                    ))}
                  </div>
                ) : (
                  <div className="flex h-full w-4/5 items-end gap-px">
                    {series.map((s) => <div key={s.key} className="flex-1" style={{ height: percent(row.values[s.key] ?? 0, top), backgroundColor: s.color }} />)}
                  </div>
                )}
              </div>
            ))}
          </div>
        </div>
      </div>
      <div className="flex pt-1" style={{ paddingLeft: axisWidth }}>
        {rows.map((row, i) => (
          // On a phone, a long axis labels every other bar (the table below has them all).
          <span key={row.label} className={`flex min-w-0 flex-1 justify-center whitespace-nowrap ${rows.length > 8 && i % 2 === 1 ? "max-sm:invisible" : ""}`}>{row.label}</span>
        ))}
      </div>
      {legend ? (
        <ul className="mt-2 flex justify-center gap-4 text-sm">
          {series.map((s) => (
            <li key={s.key} className="flex items-center gap-1.5 text-stone-600">
              <span className="h-2.5 w-2.5" style={{ backgroundColor: s.color }} />
              {s.name}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
