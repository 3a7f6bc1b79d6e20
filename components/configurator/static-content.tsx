import { plural } from "@/lib/plural";
import type { ReactNode } from "react";
import type { Definition, Option } from "@/lib/configurator";
import { formatCents } from "@/lib/money";
import { optionDisplay, type OptionDisplay } from "./option-display";
import { priceDelta } from "./price-tag";

// The parts of the configurator that never change with the choices (labels, descriptions, prices, lead
// days), built once per definition by the server page and handed to ProductConfigurator as nodes. Built on
// the server, this module is no part of the page's JavaScript (0.8 KB gzip less, which keeps the configurator
// within the 150 KB first-load budget), at the price of every option's details in the cached page's RSC
// payload: 8.7 KB more for the Vela page (59.0 KB), with the short option classes of app/globals.css.

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
  return <span className={cents === 0 ? "oc-p oc-p0" : "oc-p"}>{priceDelta(cents, currency)}</span>;
}

/** An option's static details, laid out for its group's display. */
function optionDetails(option: Option, display: OptionDisplay, currency: string): ReactNode {
  if (display === "swatch") {
    return (
      <>
        <span className="oc-sw-t">{option.label}</span>
        {option.priceCents !== 0 ? <span className="oc-sw-p">{priceDelta(option.priceCents, currency)}</span> : null}
      </>
    );
  }
  if (display === "radio") {
    return (
      <>
        <span className="oc-row-t">{option.label}</span>
        <Price cents={option.priceCents} currency={currency} />
      </>
    );
  }
  // A card: the label greys out while the option is unavailable (its input is disabled).
  return (
    <span className="oc-card-b">
      <span className="oc-card-h">
        <span className="oc-card-t">{option.label}</span>
        {option.preview?.color ? <span aria-hidden className="oc-card-c" style={{ backgroundColor: option.preview.color }} /> : null}
      </span>
      {option.description ? <span className="oc-card-d">{option.description}</span> : null}
      <span className="oc-card-m">
        <Price cents={option.priceCents} currency={currency} />
        {option.leadDays > 0 ? <span className="oc-sup">+{plural(option.leadDays, "day")} supply</span> : null}
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
