"use client";

import { useEffect, useState } from "react";
import type { CurrentRange, NumberGroup, SelectionValue } from "@/lib/configurator";
import type { GroupContent } from "./static-content";
import type { ConfigurationActions } from "./use-configuration";

type Props = {
  group: NumberGroup;
  value: SelectionValue | undefined;
  range: CurrentRange | undefined;
  problems: string[];
  content: GroupContent;
  actions: ConfigurationActions;
};

const trim = (n: number) => String(Math.round(n * 1000) / 1000);

/** A measure: a number field and a slider over the currently allowed range, with the unit and its price. */
export function NumberField({ group, value, range, problems, content, actions }: Props) {
  const current = typeof value === "number" ? value : undefined;
  const [draft, setDraft] = useState(current === undefined ? "" : trim(current));
  useEffect(() => {
    setDraft((d) => (Number(d) === current && d !== "" ? d : current === undefined ? "" : trim(current)));
  }, [current]);

  const min = range?.min ?? group.min;
  const max = range?.max ?? group.max;
  const step = range?.step ?? group.step;
  const unit = range?.unit ?? group.unit;
  const inputId = `num-${group.id}`;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const invalid = problems.length > 0;
  const narrowed = min !== group.min || max !== group.max;

  const commit = (text: string) => {
    setDraft(text);
    if (text.trim() === "") {
      actions.clear(group.id);
      return;
    }
    const n = Number(text);
    if (Number.isFinite(n)) actions.setValue(group.id, n);
  };

  return (
    <div role="group" aria-labelledby={`${inputId}-label`} className="scroll-mt-24" id={`group-${group.id}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <label id={`${inputId}-label`} htmlFor={inputId} className="text-base font-semibold text-stone-900">
          {content.title}
        </label>
        {content.aside}
      </div>
      {content.description}
      <div className="mt-3 flex items-center gap-4">
        <input
          type="range"
          min={min}
          max={max}
          step={step}
          value={current !== undefined ? Math.min(max, Math.max(min, current)) : min}
          onChange={(e) => commit(e.target.value)}
          aria-label={`${group.label} slider, ${unit}`}
          aria-valuetext={current !== undefined ? `${trim(current)} ${unit}` : undefined}
          className="h-2 flex-1 cursor-pointer accent-stone-900"
        />
        <div className={`flex items-center rounded-lg border bg-white pr-3 shadow-sm focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-brand-600 ${invalid ? "border-red-500" : "border-stone-300"}`}>
          <input
            id={inputId}
            type="number"
            inputMode="decimal"
            min={min}
            max={max}
            step={step}
            value={draft}
            onChange={(e) => commit(e.target.value)}
            aria-invalid={invalid || undefined}
            aria-describedby={[hintId, invalid ? errorId : null].filter(Boolean).join(" ")}
            className="w-24 rounded-lg bg-transparent px-3 py-2 text-right tabular-nums outline-none"
          />
          <span className="text-sm text-stone-500">{unit}</span>
        </div>
      </div>
      <p id={hintId} className="mt-2 text-xs text-stone-500">
        Allowed now: {trim(min)}–{trim(max)} {unit}, in steps of {trim(step)}
        {narrowed ? <span className="text-amber-800"> (limited by your other choices)</span> : null}
      </p>
      <div aria-live="polite">
        {invalid ? (
          <p id={errorId} className="mt-1 text-sm text-red-700" data-testid="number-error">
            {problems.join(" ")}
          </p>
        ) : null}
      </div>
    </div>
  );
}
