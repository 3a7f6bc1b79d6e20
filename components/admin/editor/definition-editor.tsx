"use client";

import { useActionState, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { useLazy } from "@/components/ui/use-lazy";
import { SubmitButton } from "@/components/ui/submit-button";
import type { Definition, Group, ParseIssue, Rule } from "@/lib/configurator";
import { DEFINITION_TOO_LARGE, MAX_DEFINITION_BYTES } from "@/lib/catalog/editor/limits";
import { placeOf } from "@/lib/configurator/definition/friendly";
import { renameGroup, renameOption } from "@/lib/configurator/definition/rename";
import type { FormState } from "@/lib/forms/state";
import { useReportEditorDirty } from "../editor-dirty";
import { MoneyInput, NumberInput, SmallButton, type ErrorsAt } from "./fields";
import { convertGroup, FOLD_OPTIONS_OVER, GroupEditor, move } from "./group-editor";
import { JsonPanel } from "./json-panel";
import { PricingEditor } from "./pricing-editor";
import { newRule, RuleEditor, RULE_KINDS } from "./rule-editor";
import { RoutingEditor, type EditorWorkCentre } from "./routing-editor";

export type DefinitionEditorProps = {
  initial: Definition;
  /** The schema's issues with `initial`, checked on the server (empty for a definition read back from a saved draft). */
  initialIssues: ParseIssue[];
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  draftVersion: number | null;
  currency: string;
  /** The workshop's work centres, for the routing's operations. */
  workCentres: EditorWorkCentre[];
};

function uniqueId(prefix: string, taken: string[]): string {
  let i = taken.length + 1;
  while (taken.includes(`${prefix}-${i}`)) i++;
  return `${prefix}-${i}`;
}

type Validate = (definition: Definition) => ParseIssue[];

/** Rules shown per page: a definition may have 2000, each with its condition builders. */
const RULES_PER_PAGE = 50;

/** The issues by path, as the fields ask for them; `under` tells a page of options whether it hides a problem. */
function indexIssues(issues: ParseIssue[]): ErrorsAt {
  const byPath = new Map<string, string[]>();
  for (const issue of issues) {
    const list = byPath.get(issue.path);
    if (list) list.push(issue.message);
    else byPath.set(issue.path, [issue.message]);
  }
  const none: string[] = [];
  const errorsAt: ErrorsAt = (path) => byPath.get(path) ?? none;
  errorsAt.under = (prefix) => issues.some((i) => i.path === prefix || i.path.startsWith(`${prefix}.`));
  return errorsAt;
}

/** The id of the field an issue is at (options on another page of their group have none on screen). */
const anchorOf = (path: string) => `#f-${path.replace(/[^A-Za-z0-9_-]/g, "-") || "root"}`;

/**
 * The engine's own zod schema, loaded when the admin starts to edit (it is most of this page's JavaScript,
 * and an untouched form has nothing to check: the server already checked it).
 */
function useDefinitionValidator(): [Validate | null, () => void] {
  const validator = useLazy(
    () =>
      import("@/lib/configurator/definition/parse").then(({ parseDefinition }): Validate => (definition: Definition) => {
        const parsed = parseDefinition(JSON.parse(JSON.stringify(definition)));
        return parsed.ok ? [] : parsed.issues;
      }),
    "definition validator",
  );
  // A failed load is logged by useLazy and tried again on the next edit.
  const { load } = validator;
  const start = useCallback(() => void load().catch(() => undefined), [load]);
  return [validator.value, start];
}

/**
 * The structured editor of a product's draft definition. Every change is checked at once with the
 * engine's own zod schema (the server checks again on save), and each issue is shown at its field.
 */
export function DefinitionEditor({ initial, initialIssues, action, draftVersion, currency, workCentres }: DefinitionEditorProps) {
  const [definition, setDefinition] = useState<Definition>(initial);
  const [dirty, setDirty] = useState(false);
  useReportEditorDirty(dirty);
  // Checked before sending, with the server's own limit: a larger request would be refused as a whole.
  const [tooLarge, setTooLarge] = useState(false);
  const [state, formAction] = useActionState(action, {} as FormState);
  // When the saved draft changes on the server (discarded, or saved elsewhere) and nothing is being
  // edited here, follow it; a save from this form leaves the same definition, so nothing visibly changes.
  const initialJson = JSON.stringify(initial);
  const lastInitial = useRef(initialJson);
  useEffect(() => {
    if (lastInitial.current === initialJson) return;
    lastInitial.current = initialJson;
    // A save from this form comes back as the definition already on screen: keep it, and skip re-rendering every field.
    if (!dirty && JSON.stringify(latest.current) !== initialJson) setDefinition(JSON.parse(initialJson) as Definition);
  }, [initialJson, dirty]);
  const [validate, loadValidator] = useDefinitionValidator();
  const latest = useRef(definition);
  latest.current = definition;
  const change = useCallback((edit: (current: Definition) => Definition) => {
    setDefinition((current) => {
      const next = edit(current);
      latest.current = next;
      return next;
    });
    setDirty(true);
    loadValidator();
  }, [loadValidator]);
  const update = (next: Definition) => change(() => next);
  // What a rename did, for the admin to read (and the rules it changed).
  const [notice, setNotice] = useState<string | null>(null);

  // Until the schema has loaded (a moment after the first focus or edit), the server's verdict on the
  // untouched definition stands; an edit made before then is checked as soon as it arrives.
  const checking = validate === null && JSON.stringify(definition) !== initialJson;
  // Checked a moment after typing (a large definition takes a while to check), so typing stays instant.
  const checked = useDeferredValue(definition);
  // Checked only when the definition changes (a save's answer brings new props, not a new definition).
  const validated = useMemo(() => (validate ? validate(checked) : null), [validate, checked]);
  const issues = useMemo(() => validated ?? (checking ? [] : initialIssues), [validated, checking, initialIssues]);
  // The same issues keep the same lookup, so the groups and rules that did not change are not drawn again.
  const issuesKey = JSON.stringify(issues);
  const errorsAt = useMemo(() => indexIssues(issues), [issuesKey]);

  const setGroup = useCallback((index: number, group: Group) => change((d) => ({ ...d, groups: d.groups.map((g, i) => (i === index ? group : g)) })), [change]);
  const moveGroup = useCallback((index: number, to: number) => change((d) => ({ ...d, groups: move(d.groups, index, to) })), [change]);
  const removeGroup = useCallback((index: number) => change((d) => ({ ...d, groups: d.groups.filter((_, j) => j !== index) })), [change]);
  const setRule = useCallback((index: number, rule: Rule) => change((d) => ({ ...d, rules: d.rules.map((r, i) => (i === index ? rule : r)) })), [change]);
  const removeRule = useCallback((index: number) => change((d) => ({ ...d, rules: d.rules.filter((_, j) => j !== index) })), [change]);
  const renamed = (what: string, rules: string[]) =>
    setNotice(`${what}${rules.length ? `; updated ${rules.length} rule${rules.length === 1 ? "" : "s"} that refer to it: ${rules.join(", ")}` : ""}.`);
  const renameGroupId = useCallback((from: string, to: string) => {
    const result = renameGroup(latest.current, from, to);
    if (!result.ok) return result.message;
    change(() => result.definition);
    renamed(`Renamed group '${from}' to '${to}'`, result.rules);
    return null;
  }, [change]);
  const renameOptionId = useCallback((groupId: string, from: string, to: string) => {
    const result = renameOption(latest.current, groupId, from, to);
    if (!result.ok) return result.message;
    change(() => result.definition);
    renamed(`Renamed option '${from}' of '${groupId}' to '${to}'`, result.rules);
    return null;
  }, [change]);
  // Group editors read the routing, the preview and the rules; rule editors the groups and the routing. Each
  // gets the definition as it was when those last changed, so typing in one group leaves the others alone.
  const forGroups = useMemo(() => definition, [definition.routing, definition.preview, definition.rules]);
  const forRules = useMemo(() => definition, [definition.groups, definition.routing]);
  const [rulePage, setRulePage] = useState(0);
  const rulePages = Math.max(1, Math.ceil(definition.rules.length / RULES_PER_PAGE));
  const ruleFirst = Math.min(rulePage, rulePages - 1) * RULES_PER_PAGE;
  const addGroup = (type: Group["type"]) => {
    const id = uniqueId("group", definition.groups.map((g) => g.id));
    const group = convertGroup({ id, label: `Group ${definition.groups.length + 1}`, type: "single", required: true, options: [{ id: "option-1", label: "Option 1", priceCents: 0, leadDays: 0, productionHours: 0 }] }, type);
    update({ ...definition, groups: [...definition.groups, group] });
  };
  const [ruleKind, setRuleKind] = useState<Rule["kind"]>("requires");
  // A large definition opens with its option lists folded: the page draws the groups' settings, not 2000 rows.
  const [folded] = useState(() => initial.groups.reduce((n, g) => n + ("options" in g ? g.options.length : 0), 0) > FOLD_OPTIONS_OVER);

  return (
    <form action={formAction} onSubmit={(event) => {
      const large = new Blob([JSON.stringify(definition)]).size > MAX_DEFINITION_BYTES;
      setTooLarge(large);
      if (large) event.preventDefault();
      else setDirty(false);
    }} onFocusCapture={loadValidator} onPointerDownCapture={loadValidator} className="space-y-6" aria-label="Draft definition">
      <input type="hidden" name="definition" value={JSON.stringify(definition)} />
      <div className="sticky top-0 z-10 flex flex-wrap items-center gap-3 rounded-lg border border-stone-200 bg-white/95 p-3 shadow-sm backdrop-blur">
        <p className="mr-auto text-sm">
          {draftVersion ? `Draft v${draftVersion}` : "New draft (from the published version)"}
          {dirty ? <span className="ml-2 rounded bg-amber-100 px-2 py-0.5 text-xs text-amber-900">Unsaved changes</span> : null}
          {checking ? (
            <span className="ml-2 rounded bg-stone-100 px-2 py-0.5 text-xs text-stone-700">Checking…</span>
          ) : issues.length ? (
            <span className="ml-2 rounded bg-red-100 px-2 py-0.5 text-xs text-red-800">{issues.length} problem(s)</span>
          ) : (
            <span className="ml-2 rounded bg-green-100 px-2 py-0.5 text-xs text-green-900">Valid</span>
          )}
        </p>
        <SubmitButton pendingLabel="Saving…">Save draft</SubmitButton>
      </div>
      <FormMessage message={tooLarge ? DEFINITION_TOO_LARGE : state.message} tone={!tooLarge && state.ok ? "success" : "error"} />
      <p role="status" aria-live="polite" className={notice ? "rounded-md border border-sky-200 bg-sky-50 p-2 text-sm text-sky-900" : "sr-only"}>{notice}</p>
      {issues.length ? (
        <div className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          <p className="font-medium">Fix these before saving:</p>
          <ul className="mt-1 list-disc pl-5">
            {issues.slice(0, 12).map((i, k) => {
              const place = placeOf(definition, i.path.split(".").map((part) => (/^\d+$/.test(part) ? Number(part) : part)));
              const text = place && !i.message.startsWith(place) ? `${place}: ${i.message}` : i.message;
              return <li key={k}><a href={anchorOf(i.path)} className="underline">{text}</a></li>;
            })}
            {issues.length > 12 ? <li>…and {issues.length - 12} more, marked at their fields.</li> : null}
          </ul>
        </div>
      ) : null}

      <section aria-labelledby="base-title" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="base-title" className="text-lg font-semibold">Base</h2>
        <div className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-3">
          <MoneyInput label={`Base price (${currency})`} path="basePriceCents" errorsAt={errorsAt} value={definition.basePriceCents} onChange={(v) => update({ ...definition, basePriceCents: v ?? Number.NaN })} />
          <NumberInput label="Base lead days" path="baseLeadDays" step={1} errorsAt={errorsAt} value={definition.baseLeadDays} onChange={(v) => update({ ...definition, baseLeadDays: v ?? Number.NaN })} />
          <NumberInput label="Customization premium %" path="premiumPercent" errorsAt={errorsAt} value={definition.premiumPercent} onChange={(v) => update({ ...definition, premiumPercent: v ?? Number.NaN })} />
        </div>
      </section>

      <RoutingEditor definition={definition} workCentres={workCentres} errorsAt={errorsAt} onChange={update} />

      <section aria-labelledby="groups-title" className="space-y-3">
        <h2 id="groups-title" className="text-lg font-semibold">Option groups</h2>
        {definition.groups.length === 0 ? <p className="text-sm text-stone-600">No groups yet. Add the first thing customers choose.</p> : null}
        {definition.groups.map((group, i) => (
          <GroupEditor key={i} group={group} index={i} count={definition.groups.length} definition={forGroups} folded={folded} errorsAt={errorsAt}
            onChange={setGroup} onMove={moveGroup} onRemove={removeGroup} onRenameGroup={renameGroupId} onRenameOption={renameOptionId} />
        ))}
        <div className="flex flex-wrap gap-2">
          <SmallButton onClick={() => addGroup("single")}>Add single-choice group</SmallButton>
          <SmallButton onClick={() => addGroup("multi")}>Add multiple-choice group</SmallButton>
          <SmallButton onClick={() => addGroup("number")}>Add number group</SmallButton>
          <SmallButton onClick={() => addGroup("text")}>Add text group</SmallButton>
        </div>
      </section>

      <section aria-labelledby="rules-title" className="space-y-3">
        <h2 id="rules-title" className="text-lg font-semibold">Rules</h2>
        {definition.rules.length === 0 ? <p className="text-sm text-stone-600">No rules: every combination is allowed.</p> : null}
        {rulePages > 1 ? (
          <nav aria-label="Pages of rules" className="flex flex-wrap items-center gap-2 text-sm">
            <SmallButton label="Previous rules" onClick={() => setRulePage(ruleFirst / RULES_PER_PAGE - 1)} disabled={ruleFirst === 0}>← Previous</SmallButton>
            <span>Rules {ruleFirst + 1}–{Math.min(ruleFirst + RULES_PER_PAGE, definition.rules.length)} of {definition.rules.length}</span>
            <SmallButton label="Next rules" onClick={() => setRulePage(ruleFirst / RULES_PER_PAGE + 1)} disabled={ruleFirst + RULES_PER_PAGE >= definition.rules.length}>Next →</SmallButton>
          </nav>
        ) : null}
        {definition.rules.slice(ruleFirst, ruleFirst + RULES_PER_PAGE).map((rule, k) => (
          <RuleEditor key={ruleFirst + k} rule={rule} index={ruleFirst + k} definition={forRules} errorsAt={errorsAt} onChange={setRule} onRemove={removeRule} />
        ))}
        <div className="flex flex-wrap items-end gap-2">
          <label className="text-sm">
            <span className="block text-xs font-medium text-stone-700">New rule kind</span>
            <select value={ruleKind} onChange={(e) => setRuleKind(e.target.value as Rule["kind"])} className="mt-1 rounded-md border border-stone-300 bg-white px-2 py-1.5 text-sm">
              {(Object.keys(RULE_KINDS) as Rule["kind"][]).map((k) => <option key={k} value={k}>{RULE_KINDS[k]}</option>)}
            </select>
          </label>
          <SmallButton onClick={() => { update({ ...definition, rules: [...definition.rules, newRule(ruleKind, definition, uniqueId("rule", definition.rules.map((r) => r.id)))] }); setRulePage(Math.floor(definition.rules.length / RULES_PER_PAGE)); }}>Add rule</SmallButton>
        </div>
      </section>

      <PricingEditor definition={definition} currency={currency} errorsAt={errorsAt} onChange={update} />

      <JsonPanel definition={definition} onApply={update} />
    </form>
  );
}
