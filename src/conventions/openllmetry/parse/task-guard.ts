import { OPENLLMETRY } from "../keys.js";
import { OPENLLMETRY_GROUPS } from "../tables.js";
import { RANK, type ParseContext } from "../../../readers/context.js";
import { readJsonValue } from "../../../readers/values.js";
import type { Obj } from "../../../internal/records.js";
import { readEntity } from "./entity.js";
// ---------------------------------------------------------------------------------------------
// semconv_ai 0.5 task spans and JS SDK 0.27 guard spans

/**
 * `gen_ai.task.input` / `.output` (Python 0.5, `execute_task` spans of the LangChain instrumentation:
 * opentelemetry-instrumentation-langchain callback_handler.py writes the same JSON as
 * `traceloop.entity.input` / `.output` beside them). Read like the entity keys when those are absent;
 * when both hold the same text, the task key is consumed too (it adds nothing).
 */
export function readTask(ctx: ParseContext): void {
  if (!ctx.present(OPENLLMETRY_GROUPS.taskAndGuard)) return;
  for (const [taskKey, entityKey, field] of TASK_KEYS) {
    if (!ctx.has(taskKey)) continue;
    if (!ctx.has(entityKey)) readEntity(ctx, taskKey, field);
    else if (ctx.get(taskKey) === ctx.get(entityKey)) ctx.consume(taskKey);
  }
}

const TASK_KEYS = [
  [OPENLLMETRY.taskInput, OPENLLMETRY.entityInput, "inputs"],
  [OPENLLMETRY.taskOutput, OPENLLMETRY.entityOutput, "outputs"],
] as const;

/**
 * Guardrail spans of @traceloop/node-server-sdk 0.27 (`_runSingleGuard`: `gen_ai.operation.name` =
 * `guard`, one per guard; the `guardrail.run` parent the package's SemanticAttributes describe):
 * inputs = the JSON of what the guard checked; outputs = `{status}` (PASSED / FAILED) with the
 * evaluator's `output` when recorded, the parent's `guard_count` / `failed_guard_count`, and the
 * `error` `{type, message}` of a guard that threw.
 */
export function readGuard(ctx: ParseContext): void {
  if (!ctx.present(OPENLLMETRY_GROUPS.taskAndGuard)) return;
  if (ctx.has(OPENLLMETRY.guardrailInput)) {
    const parsed = readJsonValue(ctx, OPENLLMETRY.guardrailInput);
    if (parsed.ok) {
      ctx.consume(OPENLLMETRY.guardrailInput);
      ctx.offer("inputs", parsed.value, RANK.structured, "openllmetry");
    }
  }
  const outputs: Obj = {};
  take(ctx, OPENLLMETRY.guardrailStatus, "string", outputs, "status");
  if (ctx.has(OPENLLMETRY.guardrailOutput)) {
    const parsed = readJsonValue(ctx, OPENLLMETRY.guardrailOutput);
    if (parsed.ok) {
      ctx.consume(OPENLLMETRY.guardrailOutput);
      outputs.output = parsed.value;
    }
  }
  take(ctx, OPENLLMETRY.guardrailGuardCount, "number", outputs, "guard_count");
  take(ctx, OPENLLMETRY.guardrailFailedGuardCount, "number", outputs, "failed_guard_count");
  const error: Obj = {};
  take(ctx, OPENLLMETRY.guardrailErrorType, "string", error, "type");
  take(ctx, OPENLLMETRY.guardrailErrorMessage, "string", error, "message");
  if (Object.keys(error).length > 0) outputs.error = error;
  if (Object.keys(outputs).length > 0) ctx.offer("outputs", outputs, RANK.structured, "openllmetry");
}

/** Moves `key` into `into[field]` (and consumes it) when its value has the expected type. */
function take(ctx: ParseContext, key: string, type: "string" | "number", into: Obj, field: string): void {
  const v = ctx.get(key);
  if (typeof v !== type || (type === "number" && !Number.isFinite(v))) return;
  ctx.consume(key);
  into[field] = v;
}
