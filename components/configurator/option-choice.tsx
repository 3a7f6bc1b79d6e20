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
      className={`peer absolute inset-0 z-10 h-full w-full appearance-none opacity-0 ${available ? "cursor-pointer" : "cursor-not-allowed"}`}
    />
  );
  const unavailableNote = reason ? (
    <div className="mt-2 text-xs" data-testid="unavailable-reason">
      <p id={reasonId} className="text-amber-800">
        <span className="sr-only">Unavailable: </span>
        {reason}
      </p>
      {fixes.length > 0 ? (
        <div className="mt-1.5 flex flex-wrap gap-1.5">
          {fixes.map((fix) => (
            <button
              key={fix.label}
              type="button"
              onClick={() => onFix(fix.selection, inputId)}
              className="inline-flex items-center gap-1 rounded-md border border-brand-600/30 bg-brand-50 px-2 py-1 font-medium text-brand-700 hover:bg-brand-100"
              aria-label={`${fix.label} to get ${option.label}`}
            >
              <span aria-hidden>↻</span> {fix.label}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  ) : adds ? (
    <p className="mt-1.5 text-xs text-stone-600" data-testid="adds-note">{adds}</p>
  ) : null;

  if (display === "swatch") {
    const color = option.preview?.color ?? "#d6d3d1";
    return (
      <div className="w-[5.5rem]">
        <label
          htmlFor={inputId}
          title={reason}
          className={`group relative flex flex-col items-center gap-1.5 rounded-xl p-1.5 text-center has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-600 ${available ? "cursor-pointer" : "cursor-not-allowed opacity-60"}`}
        >
          {input}
          <span
            aria-hidden
            style={{ backgroundColor: color }}
            className={`h-12 w-12 rounded-full border border-black/10 shadow-inner ring-offset-2 transition ${checked ? "ring-2 ring-stone-900" : "group-hover:ring-2 group-hover:ring-stone-300"}`}
          />
          {details}
        </label>
        {unavailableNote}
      </div>
    );
  }

  if (display === "radio") {
    return (
      <div className={`rounded-lg border px-3 py-2.5 transition has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-600 ${checked ? "border-stone-900 bg-stone-50" : "border-stone-200 bg-white"}`}>
        {/* Only the option is dimmed: its reason and fix stay at full contrast (axe color-contrast). */}
        <label htmlFor={inputId} title={reason} className={`relative flex items-center gap-3 ${available ? "cursor-pointer" : "cursor-not-allowed opacity-70"}`}>
          {input}
          <span aria-hidden className={`grid h-4 w-4 shrink-0 place-items-center ${type === "radio" ? "rounded-full" : "rounded"} border ${checked ? "border-stone-900 bg-stone-900" : "border-stone-400 bg-white"}`}>
            {checked ? <span className={`h-1.5 w-1.5 bg-white ${type === "radio" ? "rounded-full" : "rounded-sm"}`} /> : null}
          </span>
          {details}
        </label>
        {unavailableNote}
      </div>
    );
  }

  return (
    <div
      className={`group/option relative flex flex-col rounded-xl border bg-white p-3.5 transition has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-600 ${checked ? "border-stone-900 ring-1 ring-stone-900" : "border-stone-200 hover:border-stone-400"} ${available ? "" : "bg-stone-50"}`}
    >
      <label htmlFor={inputId} title={reason} className={`relative flex gap-3 ${available ? "cursor-pointer" : "cursor-not-allowed"}`}>
        {input}
        <span aria-hidden className={`mt-0.5 grid h-5 w-5 shrink-0 place-items-center border ${type === "radio" ? "rounded-full" : "rounded-md"} ${checked ? "border-stone-900 bg-stone-900 text-white" : "border-stone-300 bg-white"}`}>
          {checked ? (
            <svg viewBox="0 0 16 16" className="h-3 w-3" fill="none" stroke="currentColor" strokeWidth="2.5"><path d="M3 8.5l3 3 7-7" /></svg>
          ) : null}
        </span>
        {details}
      </label>
      {unavailableNote}
    </div>
  );
}
