"use client";

import type { ReactNode } from "react";
import type { Option, OptionState, Selection } from "@/lib/configurator";
import type { FixOf } from "./use-configuration";

type Props = {
  groupId: string;
  option: Option;
  type: "radio" | "checkbox";
  display: "swatch" | "card" | "radio";
  checked: boolean;
  state: OptionState | undefined;
  /** Asked for this option's fixes when it is shown blocked. */
  fixOf: FixOf;
  /** Label, description, price and supply days, built once per definition (./static-content). */
  details: ReactNode;
  onSelect: () => void;
  /** Applies a fix; `optionInputId` is this option's input (focus goes there, or to the first problem left). */
  onFix: (selection: Selection, optionInputId: string) => void;
};

/**
 * One option of a single or multi group: a native radio or checkbox (keyboard and screen readers work as
 * usual) styled as a swatch, card or row. An unavailable option stays visible, disabled, with its reason
 * and, when there is one, a button that applies the one-step fix.
 */
export function OptionChoice({ groupId, option, type, display, checked, state, fixOf, details, onSelect, onFix }: Props) {
  const available = state?.available ?? true;
  const inputId = `opt-${groupId}-${option.id}`;
  const reasonId = `${inputId}-reason`;
  const fixes = available ? [] : fixOf(groupId, option.id); // asked for only here: fixes are searched on demand
  const reason = available ? undefined : state?.reason;
  const adds = available && !checked && state?.adds?.length ? `Adds ${state.adds.join(" and ")}` : undefined;
  const input = (
    <input
      id={inputId}
      type={type}
      name={groupId}
      value={option.id}
      checked={checked}
      disabled={!available}
      onChange={onSelect}
      aria-describedby={reason ? reasonId : undefined}
      className="oc-in"
    />
  );
  const unavailableNote = reason ? (
    <div className="oc-why" data-testid="unavailable-reason">
      <p id={reasonId} className="text-amber-800">
        <span className="sr-only">Unavailable: </span>
        {reason}
      </p>
      {fixes.length > 0 ? (
        <div className="oc-fixes">
          {fixes.map((fix) => (
            <button
              key={fix.label}
              type="button"
              onClick={() => onFix(fix.selection, inputId)}
              className="oc-fix"
              aria-label={`${fix.label} to get ${option.label}`}
            >
              <span aria-hidden>↻</span> {fix.label}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  ) : adds ? (
    <p className="oc-adds" data-testid="adds-note">{adds}</p>
  ) : null;

  if (display === "swatch") {
    const color = option.preview?.color ?? "#d6d3d1";
    return (
      <div className="w-[5.5rem]">
        <label htmlFor={inputId} title={reason} className="oc-sw">
          {input}
          <span aria-hidden style={{ backgroundColor: color }} className="oc-dot" />
          {details}
        </label>
        {unavailableNote}
      </div>
    );
  }

  if (display === "radio") {
    return (
      <div className="oc-row">
        {/* Only the option is dimmed: its reason and fix stay at full contrast (axe color-contrast). */}
        <label htmlFor={inputId} title={reason} className="oc-row-l">
          {input}
          <span aria-hidden className={type === "radio" ? "oc-tick oc-round" : "oc-tick"} />
          {details}
        </label>
        {unavailableNote}
      </div>
    );
  }

  return (
    <div className="oc-card">
      <label htmlFor={inputId} title={reason} className="oc-card-l">
        {input}
        <span aria-hidden className={type === "radio" ? "oc-check oc-round" : "oc-check"} />
        {details}
      </label>
      {unavailableNote}
    </div>
  );
}
