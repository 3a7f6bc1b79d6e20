// Public API of the configuration engine: pure, no I/O, runs in the browser and on the server.
export * from "./schema";
export * from "./selection";
export * from "./types";
export { parseDefinition, formatIssues, type ParseIssue, type ParseDefinitionResult } from "./parse";
export { evaluate, MAX_QUANTITY } from "./evaluate";
export { normalize, type NormalizeError, type NormalizeResult } from "./normalize";
export { lint, type LintFinding } from "./lint";
export { previewLayers, type PreviewLayer } from "./preview";
export { encodeSelection, decodeSelection, type DecodeResult } from "./share";
export { roundHalfAwayFromZero } from "./rounding";
