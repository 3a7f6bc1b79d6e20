"use client";

import type { SelectionValue, TextGroup } from "@/lib/configurator";
import type { GroupContent } from "./static-content";
import type { ConfigurationActions } from "./use-configuration";

type Props = { group: TextGroup; value: SelectionValue | undefined; problems: string[]; content: GroupContent; actions: ConfigurationActions };

/** An engraving or monogram: a text field with a live character count and its pattern explained. */
export function TextField({ group, value, problems, content, actions }: Props) {
  const text = typeof value === "string" ? value : "";
  const inputId = `txt-${group.id}`;
  const countId = `${inputId}-count`;
  const errorId = `${inputId}-error`;
  const invalid = problems.length > 0;
  return (
    <div className="scroll-mt-24" id={`group-${group.id}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <label htmlFor={inputId} className="text-base font-semibold text-stone-900">
          {content.title}
        </label>
        {content.aside}
      </div>
      {content.description}
      <input
        id={inputId}
        type="text"
        value={text}
        maxLength={group.maxLength}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => actions.setValue(group.id, e.target.value)}
        aria-invalid={invalid || undefined}
        aria-describedby={[countId, invalid ? errorId : null].filter(Boolean).join(" ")}
        className={`mt-3 block w-full rounded-lg border bg-white px-3 py-2 font-mono tracking-wider shadow-sm ${invalid ? "border-red-500" : "border-stone-300"}`}
      />
      <div className="mt-1.5 flex justify-between gap-3 text-xs">
        {content.note}
        <span id={countId} className={`tabular-nums ${text.length >= group.maxLength ? "font-medium text-amber-800" : "text-stone-500"}`}>
          {text.length}/{group.maxLength} characters
        </span>
      </div>
      {invalid ? (
        <p id={errorId} className="mt-1 text-sm text-red-700" role="alert">
          {problems.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
