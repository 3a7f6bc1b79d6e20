import type { EvaluateResult } from "@/lib/configurator";
import type { OperationNeed } from "@/lib/delivery/schedule";

/** The work a configuration needs, operation by operation in routing order (the engine's `operations`). */
export function operationsOf(evaluation: EvaluateResult): OperationNeed[] {
  return evaluation.operations;
}
