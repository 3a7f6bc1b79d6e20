"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import type { Definition, Problem, Selection } from "@/lib/configurator";
import type { ConfiguratorView } from "@/lib/configurator/view";
import { formatCents } from "@/lib/money";
import { MAX_QUANTITY, readQuantity } from "@/lib/configurator/quantity";
import type { FairUse } from "@/lib/settings/fair-use";
import { NumberField } from "./number-field";
import { OptionGroupField } from "./option-group";
import { ProductPreview } from "./product-preview";
import { LinkNotice } from "./link-notice";
import type { ConfiguratorContent, GroupContent } from "./static-content";
import { SummaryPanel } from "./summary-panel";
import { TextField } from "./text-field";
import { useConfiguration, type SharedLink } from "./use-configuration";
import { useDeliveryContext, useDeliveryEstimate } from "./use-delivery-context";
import { workOf } from "@/lib/delivery/work";

type Props = {
  product: { slug: string; name: string };
  definition: Definition;
  currency: string;
  /** What never changes with the choices (labels, descriptions, prices, supply days): ./static-content, built by the server page. */
  content: ConfiguratorContent;
  /** The first view (the defaults, quantity 1, or a share link's), computed on the server: the page shows it before the engine loads. */
  initial: ConfiguratorView;
  /** The most units per order (the fair-use setting) as the page was rendered; today's delivery context, once read, has the current one. */
  maxQuantity?: number;
  /** An admin previewing a draft: no Order button, the URL left alone (the page shows the banner). */
  preview?: boolean;
  /** A share link read on the server (the page's `initial` is then the link's view): the defaults, what to say about the link, and today's delivery context. */
  link?: SharedLink;
  /** Told of every view shown (its selection, quantity and share code): the admin's preview saves it as a test case, an order's change reviews it. */
  onConfigurationChange?: (view: ConfiguratorView) => void;
};

const problemsByGroup = (problems: Problem[]) => {
  const map = new Map<string, string[]>();
  for (const p of problems) if (p.group) map.set(p.group, [...(map.get(p.group) ?? []), p.message]);
  return map;
};
const NONE: string[] = [];
const EMPTY: GroupContent = { title: null, description: null, aside: null, note: null, options: {} };

/**
 * The product configurator: every group of the definition, a live preview, price, delivery date and problems.
 * The engine loads on the first pointer, focus or key event inside it (see useConfiguration).
 */
export function ProductConfigurator({ product, definition, currency, content, initial, maxQuantity, link, preview = false, onConfigurationChange }: Props) {
  const { selection, quantity, view, fixOf, updating, engine, load, warm, notice, restored, inferred, actions } = useConfiguration({ definition, currency, initial, link, syncUrl: !preview });
  const { result, code } = view;
  useEffect(() => {
    onConfigurationChange?.(view);
  }, [view, onConfigurationChange]);
  const delivery = useDeliveryContext({ leadDays: initial.result.leadDays, work: workOf(initial.result) }, link?.delivery);
  // The fair-use rules come with the delivery context (current, unlike this cached page): the same the server
  // applies. The page only compares figures; when a rule applies, the engine (loaded then) words it.
  const fairUse = delivery.status === "ready" ? (delivery.context as { fairUse?: FairUse } | null)?.fairUse : undefined;
  // One limit: the checkout and the server read the quantity the same way (lib/configurator/quantity).
  const limit = Math.min(MAX_QUANTITY, fairUse?.maxQuantity ?? maxQuantity ?? MAX_QUANTITY);
  const [quantityText, setQuantityText] = useState(String(quantity));
  // A quantity set elsewhere (Reset, a link read after hydration) replaces the text, unless the text already says it.
  useEffect(() => setQuantityText((text) => (readQuantity(text, MAX_QUANTITY).ok && Number(text) === quantity ? text : String(quantity))), [quantity]);
  const reading = readQuantity(quantityText, limit);
  const typedQuantity = reading.quantity;
  const quantityProblem = reading.ok ? null : reading.message;
  // The total shown is always the typed quantity's; when it cannot be priced, no total is shown.
  const priced = typedQuantity !== undefined;
  const onQuantityText = (text: string) => {
    setQuantityText(text);
    const next = readQuantity(text, limit);
    const n = next.quantity;
    if (n !== undefined) actions.setQuantity(n);
  };
  const onReset = () => {
    actions.reset();
    setQuantityText("1");
  };
  const flagged = !!fairUse && !quantityProblem && (result.productionHours > fairUse.approvalHoursThreshold || result.totalCents > fairUse.approvalValueThreshold);
  useEffect(() => {
    if (flagged && !engine) warm();
  }, [flagged, engine, warm]);

  const estimate = useDeliveryEstimate(delivery, result.leadDays, workOf(result), engine, warm);
  const groupProblems = useMemo(() => problemsByGroup(result.problems), [result.problems]);
  const visible = useMemo(() => new Set(result.visibleGroups), [result.visibleGroups]);
  const summaryRef = useRef<HTMLElement>(null);
  const summaryInView = useInView(summaryRef);
  const chosenLabels = result.breakdown.lines.filter((l) => l.kind === "option").map((l) => l.label.split(": ").slice(1).join(": "));

  return (
    <div className="pb-24 lg:pb-0" data-engine={engine ? "ready" : "idle"} onPointerDownCapture={warm} onFocusCapture={warm} onKeyDownCapture={warm}>
      {notice || restored ? <LinkNotice notice={notice} restored={restored} onDismiss={actions.dismissNotice} /> : null}

      <div className="pc-grid">
        <div className="min-w-0">
          <div className="pc-preview">
            <ProductPreview preview={view.preview} label={`Preview of your ${product.name}: ${chosenLabels.join(", ")}`} />
          </div>

          <div className="mt-8 space-y-9">
            {definition.groups.map((group) => {
              if (!visible.has(group.id)) return null;
              const problems = groupProblems.get(group.id) ?? NONE;
              const groupContent = content[group.id] ?? EMPTY;
              if (group.type === "number") {
                return <NumberField key={group.id} group={group} value={selection[group.id]} range={result.ranges[group.id]} problems={problems} content={groupContent} actions={actions} />;
              }
              if (group.type === "text") {
                return <TextField key={group.id} group={group} value={selection[group.id]} problems={problems} content={groupContent} actions={actions} />;
              }
              return (
                <OptionGroupField
                  key={group.id}
                  group={group}
                  value={selection[group.id]}
                  states={result.options[group.id]}
                  hidden={result.hiddenOptions[group.id]}
                  fixOf={fixOf}
                  problems={problems}
                  content={groupContent}
                  actions={actions}
                  notice={engine && inferred?.group === group.id ? <engine.InferenceNotice inferred={inferred} onUndo={actions.undoInference} onDismiss={actions.dismissInference} /> : undefined}
                />
              );
            })}
          </div>
        </div>

        <aside ref={summaryRef} className="pc-aside">
          <SummaryPanel
            slug={product.slug}
            name={product.name}
            result={result}
            lines={view.lines}
            code={code}
            quantityText={quantityText}
            maxQuantity={limit}
            quantityProblem={quantityProblem}
            priced={priced}
            onQuantityText={onQuantityText}
            onReset={onReset}
            onShare={() => load().then((loaded) => loaded.copyShareLink(code, result.quantity))}
            currency={currency}
            delivery={estimate}
            note={flagged && engine ? <engine.FairUseNote context={delivery.status === "ready" && delivery.context} quantity={quantity} productionHours={result.productionHours} totalCents={result.totalCents} currency={currency} /> : null}
            updating={updating}
            preview={preview}
          />
        </aside>
      </div>

      <div
        inert={summaryInView}
        data-testid="mobile-total-bar"
        className={summaryInView ? "pc-bar pc-bar-off" : "pc-bar"}
      >
        <div className="pc-bar-in">
          <div>
            <p className="text-xs text-stone-500">{quantityProblem ? "Quantity" : result.valid ? "Total" : `${result.problems.length} to fix`}</p>
            <p className="text-lg font-semibold tabular-nums" aria-hidden>{priced ? formatCents(result.totalCents, currency) : "Enter a quantity"}</p>
          </div>
          <a href="#summary" className="pc-bar-go">
            Review{preview ? "" : " and order"}
          </a>
        </div>
      </div>
    </div>
  );
}

/** True while the element is on screen (the mobile total bar hides when the summary itself is visible). */
function useInView(ref: React.RefObject<HTMLElement | null>): boolean {
  const [inView, setInView] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver(([entry]) => setInView(entry?.isIntersecting ?? false), { threshold: 0.05 });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return inView;
}
