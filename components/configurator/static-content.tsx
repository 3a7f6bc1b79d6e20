import { plural } from "@/lib/plural";
import type { ReactNode } from "react";
import type { Definition, Option } from "@/lib/configurator";
import { formatCents } from "@/lib/money";
import { optionDisplay, type OptionDisplay } from "./option-display";
import { priceDelta } from "./price-tag";

// The parts of the configurator that never change with the choices (labels, descriptions, prices, lead
// days), built once per definition by ProductConfigurator and handed to the group components as nodes.
// (Built on the server, they cost less JavaScript, about 0.3 KB gzip, but put every option's markup into
// the cached page's RSC payload a second time: 7.6 KB more per page served.)

export type GroupContent = {
  /** The group's label, with "optional" when it is. */
  title: ReactNode;
  description: ReactNode;
  /** Next to the title: a text group's price, a number group's price per unit. */
  aside: ReactNode;
  /** Under a text field: what its pattern allows. */
  note: ReactNode;
  /** Per option of a single or multi group: its label, description, price and supply days. */
  options: Record<string, ReactNode>;
};
export type ConfiguratorContent = Record<string, GroupContent>;

function Price({ cents, currency }: { cents: number; currency: string }) {
  return <span className={`text-sm tabular-nums ${cents === 0 ? "text-stone-500" : "font-medium text-stone-800"}`}>{priceDelta(cents, currency)}</span>;
}

/** An option's static details, laid out for its group's display. */
function optionDetails(option: Option, display: OptionDisplay, currency: string): ReactNode {
  if (display === "swatch") {
    return (
      <>
        <span className="text-xs leading-tight text-stone-800">{option.label}</span>
        {option.priceCents !== 0 ? <span className="text-[11px] font-medium tabular-nums text-stone-600">{priceDelta(option.priceCents, currency)}</span> : null}
      </>
    );
  }
  if (display === "radio") {
    return (
      <>
        <span className="flex-1 text-sm text-stone-800">{option.label}</span>
        <Price cents={option.priceCents} currency={currency} />
      </>
    );
  }
  // A card: the label greys out while the option is unavailable (its input is disabled).
  return (
    <span className="flex min-w-0 flex-1 flex-col">
      <span className="flex items-start justify-between gap-2">
        <span className="text-sm font-medium text-stone-900 group-has-[:disabled]/option:text-stone-600">{option.label}</span>
        {option.preview?.color ? <span aria-hidden className="mt-0.5 h-4 w-4 shrink-0 rounded-full border border-black/10" style={{ backgroundColor: option.preview.color }} /> : null}
      </span>
      {option.description ? <span className="mt-0.5 text-xs text-stone-600">{option.description}</span> : null}
      <span className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1">
        <Price cents={option.priceCents} currency={currency} />
        {option.leadDays > 0 ? <span className="text-xs text-stone-500">+{plural(option.leadDays, "day")} supply</span> : null}
      </span>
    </span>
  );
}

function groupContent(group: Definition["groups"][number], currency: string): GroupContent {
  const title = (
    <>
      {group.label}
      {!group.required ? <span className="ml-2 text-xs font-normal text-stone-500">optional</span> : null}
    </>
  );
  const description = group.description ? <p className="mt-1 text-sm text-stone-600">{group.description}</p> : null;
  if (group.type === "number") {
    const aside = group.priceCentsPerUnit > 0 ? <span className="text-xs text-stone-500">{formatCents(group.priceCentsPerUnit, currency)} per {group.unit}</span> : null;
    return { title, description, aside, note: null, options: {} };
  }
  if (group.type === "text") {
    return {
      title,
      description,
      aside: <span className="text-sm font-medium tabular-nums text-stone-800">{priceDelta(group.priceCents, currency)} when filled in</span>,
      note: <span className="text-stone-500">{group.patternMessage ?? ""}</span>,
      options: {},
    };
  }
  const display = optionDisplay(group);
  return { title, description, aside: null, note: null, options: Object.fromEntries(group.options.map((o) => [o.id, optionDetails(o, display, currency)])) };
}

/** The static content of every group of a definition, keyed by group id. */
export function configuratorContent(definition: Definition, currency: string): ConfiguratorContent {
  return Object.fromEntries(definition.groups.map((group) => [group.id, groupContent(group, currency)]));
}
