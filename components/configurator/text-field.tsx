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
      <div className="cf-head">
        <label htmlFor={inputId} className="cf-title">
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
        className={invalid ? "tf-input cf-bad" : "tf-input"}
      />
      <div className="mt-1.5 flex justify-between gap-3 text-xs">
        {content.note}
        <span id={countId} className={text.length >= group.maxLength ? "tf-count tf-full" : "tf-count"}>
          {text.length}/{group.maxLength} characters
        </span>
      </div>
      {invalid ? (
        <p id={errorId} className="cf-error" role="alert">
          {problems.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
