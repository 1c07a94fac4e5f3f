import type { SpanType } from "../../canonical/span.js";
import { keyGroup } from "../../readers/groups.js";
import { OPENLLMETRY_GENAI_PARAMS, type ParamSpec } from "../../readers/params.js";
import { OPENLLMETRY } from "./keys.js";
import { isPlainObject } from "../../internal/records.js";
import type { Obj } from "../../internal/records.js";
import { hasOwn } from "../../internal/records.js";
/** `traceloop.span.kind` -> MLflow span type. `unknown` (and `llm`) give no type here. */
export const SPAN_KIND_TYPES: Readonly<Record<string, SpanType>> = {
  workflow: "WORKFLOW",
  task: "TASK",
  agent: "AGENT",
  tool: "TOOL",
  // JS SDK only; a conversation wrapper, closest to a chain.
  session: "CHAIN",
};

/** `llm.request.type` -> MLflow span type. */
export const REQUEST_TYPE_TYPES: Readonly<Record<string, SpanType>> = {
  chat: "CHAT_MODEL",
  completion: "LLM",
  embedding: "EMBEDDING",
  rerank: "RERANKER",
};

/** `llm.*` request parameters -> OpenAI-style names in canonical `inputs`. */
export const LLM_PARAMS: readonly ParamSpec[] = [
  { key: OPENLLMETRY.topK, param: "top_k", kind: "finite" },
  { key: OPENLLMETRY.frequencyPenalty, param: "frequency_penalty", kind: "finite" },
  { key: OPENLLMETRY.presencePenalty, param: "presence_penalty", kind: "finite" },
  { key: OPENLLMETRY.repetitionPenalty, param: "repetition_penalty", kind: "finite" },
  { key: OPENLLMETRY.stopSequences, param: "stop", kind: "strings" },
  { key: OPENLLMETRY.isStreaming, param: "stream", kind: "boolean" },
  { key: OPENLLMETRY.user, param: "user", kind: "string" },
  // Python only, before 0.5 (`gen_ai.request.reasoning_effort` since, read by the GenAI parser).
  { key: OPENLLMETRY.reasoningEffort, param: "reasoning_effort", kind: "string" },
];

/**
 * What the emitter writes: canonical parameter -> its key in the current releases (semconv_ai 0.5
 * MIGRATION.md: the `llm.*` parameters moved to the GenAI `gen_ai.request.*` keys or to OpenLLMetry's
 * own `gen_ai.*` spellings). The GenAI parser reads all of them back.
 */
export const CURRENT_PARAMS: readonly ParamSpec[] = [
  { key: "gen_ai.request.temperature", param: "temperature", kind: "finite" },
  { key: "gen_ai.request.top_p", param: "top_p", kind: "finite" },
  { key: "gen_ai.request.max_tokens", param: "max_tokens", kind: "int" },
  { key: "gen_ai.request.top_k", param: "top_k", kind: "finite" },
  { key: "gen_ai.request.frequency_penalty", param: "frequency_penalty", kind: "finite" },
  { key: "gen_ai.request.presence_penalty", param: "presence_penalty", kind: "finite" },
  { key: "gen_ai.request.stop_sequences", param: "stop", kind: "strings" },
  ...OPENLLMETRY_GENAI_PARAMS,
];

// ---------------------------------------------------------------------------------------------
// Entity input/output (SDK decorators, LangChain)

/**
 * Unwraps the envelopes the Traceloop SDKs write:
 * - decorators (JS and Python): `{"args": [...], "kwargs": {...}}` -> the kwargs when there are no
 *   positional args; without kwargs, the single arg, or the list of args when there are several
 *   (argument names are not recorded); with both, the envelope unchanged;
 * - LangChain: `{"inputs": ..., "tags", "metadata", "kwargs"}` -> inputs, `{"outputs": ..., "kwargs"}` -> outputs.
 */
export function unwrapEntity(value: unknown): unknown {
  if (!isPlainObject(value)) return value;
  const keys = Object.keys(value);
  if (keys.length === 2 && hasOwn(value, "args") && hasOwn(value, "kwargs") && Array.isArray(value.args) && isPlainObject(value.kwargs)) {
    const args = value.args as unknown[];
    const kwargs = value.kwargs as Obj;
    const kwargCount = Object.keys(kwargs).length;
    if (args.length === 0) return kwargs;
    if (kwargCount === 0) return args.length === 1 ? args[0] : args;
    return value;
  }
  for (const field of ["inputs", "outputs"] as const) {
    if (!hasOwn(value, field)) continue;
    if (keys.every((k) => k === field || k === "tags" || k === "metadata" || k === "kwargs")) return value[field];
  }
  return value;
}

/** Key groups (readers/groups.ts): tables the parser skips when none of their keys is on the span. */
export const OPENLLMETRY_GROUPS = {
  params: keyGroup("openllmetry.params", [
    OPENLLMETRY.topK, OPENLLMETRY.frequencyPenalty, OPENLLMETRY.presencePenalty, OPENLLMETRY.repetitionPenalty,
    OPENLLMETRY.stopSequences, OPENLLMETRY.isStreaming, OPENLLMETRY.user,
    OPENLLMETRY.reasoningEffort,
  ]),
  usage: keyGroup("openllmetry.usage", [OPENLLMETRY.totalTokens, OPENLLMETRY.legacyPromptTokens, OPENLLMETRY.legacyCompletionTokens, OPENLLMETRY.reasoningTokens]),
  /** 0.5 task I/O and JS guardrail keys. */
  taskAndGuard: keyGroup("openllmetry.taskAndGuard", [
    OPENLLMETRY.taskInput, OPENLLMETRY.taskOutput, OPENLLMETRY.guardrailInput, OPENLLMETRY.guardrailOutput,
    OPENLLMETRY.guardrailStatus, OPENLLMETRY.guardrailGuardCount, OPENLLMETRY.guardrailFailedGuardCount, OPENLLMETRY.guardrailErrorType, OPENLLMETRY.guardrailErrorMessage,
  ]),
} as const;
