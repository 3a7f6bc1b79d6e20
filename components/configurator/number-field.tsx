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
      <div className="cf-head">
        <label id={`${inputId}-label`} htmlFor={inputId} className="cf-title">
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
          className="nf-range"
        />
        <div className={invalid ? "nf-box cf-bad" : "nf-box"}>
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
            className="nf-input"
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
          <p id={errorId} className="cf-error" data-testid="number-error">
            {problems.join(" ")}
          </p>
        ) : null}
      </div>
    </div>
  );
}
