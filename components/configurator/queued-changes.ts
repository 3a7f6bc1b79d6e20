import type { Definition, Selection } from "@/lib/configurator";
import { tidySelection } from "@/lib/configurator/view";

// Changes a visitor makes before the engine has loaded: shown at once on their controls, and applied in
// order when the engine arrives, each normalized as it would have been had the engine been there.

/** One change of the selection; `tidy` drops what it hid (choices), numbers and texts are kept as typed. */
export type QueuedChange = { next: (current: Selection) => Selection; tidy: boolean };

/** The selection after the queued changes, starting from the last normalized one. */
export function replayChanges(definition: Definition, from: Selection, changes: QueuedChange[]): Selection {
  return changes.reduce((current, change) => (change.tidy ? tidySelection(definition, change.next(current)) : change.next(current)), from);
}
