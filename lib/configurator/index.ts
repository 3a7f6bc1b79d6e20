// Public API of the configuration engine: pure, no I/O, runs in the browser and on the server.
export * from "./definition/schema";
export * from "./definition/selection";
export * from "./evaluate/types";
export { parseDefinition, formatIssues, type ParseIssue, type ParseDefinitionResult } from "./definition/parse";
export { evaluate, MAX_QUANTITY } from "./evaluate/evaluate";
export { fixFor, fixesFor, allFixes, inferFor, type OptionFixes, type InferredChoice } from "./evaluate/fix";
export { normalize, type NormalizeError, type NormalizeResult } from "./evaluate/normalize";
export { lint, type LintWorkCentre } from "./lint/lint";
export type { LintFinding, LintReport, LintWitness } from "./lint/finding";
export { lintDefinition, lintReport } from "./lint/lint";
export { previewLayers, type PreviewLayer } from "./evaluate/preview";
export { encodeSelection, decodeSelection, type DecodeResult } from "./share/share-codec";
export { roundHalfAwayFromZero } from "./evaluate/rounding";
export { lineText } from "./evaluate/line-text";
export { describeChoices, type ChoiceLine } from "./carry-over/describe";
export { carryOver, type CarriedOver, type KeptConfiguration } from "./carry-over/carry-over";
