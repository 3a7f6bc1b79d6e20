import type { OptionGroup } from "@/lib/configurator";

export type OptionDisplay = "swatch" | "card" | "radio";

/** How a single or multi group shows its options: as set in the definition, else swatches when every option has a colour. */
export function optionDisplay(group: OptionGroup): OptionDisplay {
  return group.display ?? (group.options.every((o) => o.preview?.color) ? "swatch" : "card");
}
