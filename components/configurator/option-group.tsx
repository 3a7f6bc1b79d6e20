"use client";

import { memo } from "react";
import type { EvaluateResult, OptionGroup, Selection, SelectionValue } from "@/lib/configurator";
import { optionDisplay } from "./option-display";
import { OptionChoice } from "./option-choice";
import type { GroupContent } from "./static-content";
import type { ConfigurationActions, FixOf } from "./use-configuration";

type Props = {
  group: OptionGroup;
  value: SelectionValue | undefined;
  states: EvaluateResult["options"][string] | undefined;
  hidden: string[] | undefined;
  /** The one-step fix of a blocked option, asked for by the options shown blocked. */
  fixOf: FixOf;
  problems: string[];
  content: GroupContent;
  actions: ConfigurationActions;
  /** What the engine added to a choice made in this group, with its Undo (rendered by the engine's InferenceNotice). */
  notice?: React.ReactNode;
};

/** A single or multi group: a fieldset of swatches, cards or rows, with its problems under it. */
export const OptionGroupField = memo(function OptionGroupField({ group, value, states, hidden, fixOf, problems, content, actions, notice }: Props) {
  const display = optionDisplay(group);
  const isMulti = group.type === "multi";
  const chosen = isMulti ? (Array.isArray(value) ? value : []) : [];
  const hiddenSet = new Set(hidden ?? []);
  const visible = group.options.filter((o) => !hiddenSet.has(o.id));
  const selectedLabel = !isMulti ? group.options.find((o) => o.id === value)?.label : undefined;
  const countHint = isMulti ? countText(group.minCount, group.maxCount) : null;
  const problemId = `grp-${group.id}-problems`;
  const onFix = (selection: Selection, optionInputId: string) => actions.fix(selection, optionInputId);

  return (
    <fieldset className="scroll-mt-24" id={`group-${group.id}`} aria-describedby={problems.length ? problemId : undefined}>
      <legend className="og-head">
        <span className="cf-title">{content.title}</span>
        {selectedLabel && display === "swatch" ? <span className="text-sm text-stone-600">{selectedLabel}</span> : null}
        {countHint ? <span className="text-xs text-stone-500">{countHint}{chosen.length ? ` · ${chosen.length} chosen` : ""}</span> : null}
      </legend>
      {content.description}
      <div
        className={
          display === "swatch"
            ? "mt-3 flex flex-wrap gap-2"
            : display === "radio"
              ? "mt-3 grid gap-2 sm:grid-cols-2"
              : "mt-3 grid gap-3 sm:grid-cols-2"
        }
      >
        {visible.map((option) => (
          <OptionChoice
            key={option.id}
            groupId={group.id}
            option={option}
            type={isMulti ? "checkbox" : "radio"}
            display={display}
            checked={isMulti ? chosen.includes(option.id) : value === option.id}
            state={states?.[option.id]}
            fixOf={fixOf}
            details={content.options[option.id]}
            onSelect={() => (isMulti ? actions.toggle(group.id, option.id) : actions.choose(group.id, option.id))}
            onFix={onFix}
          />
        ))}
      </div>
      {!isMulti && !group.required && value !== undefined ? (
        <button type="button" onClick={() => actions.clear(group.id)} className="og-clear">
          Clear {group.label.toLowerCase()}
        </button>
      ) : null}
      {notice}
      {hidden && hidden.length > 0 ? <HiddenOptions group={group} hidden={hidden} states={states} fixOf={fixOf} onFix={onFix} /> : null}
      {problems.length ? (
        <ul id={problemId} className="og-probs">
          {problems.map((p) => <li key={p}>{p}</li>)}
        </ul>
      ) : null}
    </fieldset>
  );
});

/** Options a visibility rule hides for now, named with the rule's message and its fix, so they can be found. */
function HiddenOptions({ group, hidden, states, fixOf, onFix }: { group: OptionGroup; hidden: string[]; states: Props["states"]; fixOf: FixOf; onFix: (s: Selection, optionInputId: string) => void }) {
  return (
    <ul className="og-hidden">
      {hidden.map((id) => {
        const option = group.options.find((o) => o.id === id);
        const state = states?.[id];
        if (!option) return null;
        const fixes = fixOf(group.id, id);
        return (
          <li key={id} className="og-hidden-i">
            <span>
              <span className="font-medium text-stone-800">{option.label}</span>: {state?.reason ?? "not offered with the current choices"}
            </span>
            {fixes.map((fix) => (
              <button key={fix.label} type="button" onClick={() => onFix(fix.selection, `opt-${group.id}-${id}`)} className="og-hidden-fix">
                {fix.label}
              </button>
            ))}
          </li>
        );
      })}
    </ul>
  );
}

function countText(min: number | undefined, max: number | undefined): string | null {
  if (min !== undefined && max !== undefined) return min === max ? `Choose ${min}` : `Choose ${min} to ${max}`;
  if (min !== undefined && min > 0) return `Choose at least ${min}`;
  if (max !== undefined) return `Up to ${max}`;
  return null;
}
