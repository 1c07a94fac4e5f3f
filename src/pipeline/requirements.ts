/**
 * Conformance tables used by `validateSpan`: value types, enumerated values, deprecated keys and
 * required / recommended keys of each convention. Facts come from the specs:
 * - GenAI: the attribute registry as published in @opentelemetry/semantic-conventions 1.45 (incubating),
 *   whose JSDoc names each deprecated key's replacement;
 * - OpenInference: Arize-ai/openinference `spec/semantic_conventions.md`;
 * - OpenLLMetry: `@traceloop/ai-semantic-conventions` (SpanAttributes, LLMRequestTypeValues, TraceloopSpanKindValues);
 * - Vercel AI SDK: its telemetry docs and the keys `ai` 6 writes (see src/conventions/vercel.ts).
 */
import type { Convention, SpanType } from "../canonical/span.js";
import { type FieldHint, type KeyRule, type PresenceRule, type RequirableField } from "../conventions/rule-types.js";
import { GENAI_HINTS, GENAI_KEYS, GENAI_PRESENCE } from "../conventions/genai/rules.js";
import { OPENINFERENCE_HINTS, OPENINFERENCE_KEYS, OPENINFERENCE_PRESENCE } from "../conventions/openinference/rules.js";
import { OPENLLMETRY_HINTS, OPENLLMETRY_KEYS, OPENLLMETRY_PRESENCE } from "../conventions/openllmetry/rules.js";
import { VERCEL_HINTS, VERCEL_KEYS, VERCEL_PRESENCE } from "../conventions/vercel-ai/rules.js";
import { MLFLOW_HINTS } from "../conventions/mlflow/rules.js";
/** Maps, not records: attribute keys such as "constructor" must not find Object.prototype members. */
export const KEY_RULES: Readonly<Record<Convention, ReadonlyMap<string, KeyRule>>> = {
  mlflow: new Map(),
  genai: new Map(Object.entries(GENAI_KEYS)),
  openinference: new Map(Object.entries(OPENINFERENCE_KEYS)),
  openllmetry: new Map(Object.entries(OPENLLMETRY_KEYS)),
  "vercel-ai": new Map(Object.entries(VERCEL_KEYS)),
};

export const PRESENCE_RULES: Readonly<Record<Convention, readonly PresenceRule[]>> = {
  mlflow: [],
  genai: GENAI_PRESENCE,
  openinference: OPENINFERENCE_PRESENCE,
  openllmetry: OPENLLMETRY_PRESENCE,
  "vercel-ai": VERCEL_PRESENCE,
};

/** Spans that call a model: the only ones that can report usage, a model and a provider. */
const MODEL_CALL_TYPES: readonly SpanType[] = ["LLM", "CHAT_MODEL", "EMBEDDING"];

export interface FieldScope {
  /** Translated span types the field is required on; absent: every span that uses an LLM convention. */
  spanTypes?: readonly SpanType[];
  /** Not required when the span's status is ERROR: a failed call has no reply and, usually, no usage. */
  notOnError?: boolean;
}

/**
 * Where a required field applies. A tool, agent or workflow span never carries token usage, and a call
 * that failed has nothing to output: requiring those there would bury the real findings.
 */
export const FIELD_SCOPES: Readonly<Record<RequirableField, FieldScope>> = {
  spanType: {},
  inputs: {},
  outputs: { notOnError: true },
  tokenUsage: { spanTypes: MODEL_CALL_TYPES, notOnError: true },
  model: { spanTypes: MODEL_CALL_TYPES },
  provider: { spanTypes: MODEL_CALL_TYPES },
  tools: { spanTypes: ["LLM", "CHAT_MODEL"] },
};

export const FIELD_HINTS: Readonly<Record<Convention, Readonly<Record<RequirableField, FieldHint>>>> = {
  mlflow: MLFLOW_HINTS,
  genai: GENAI_HINTS,
  openinference: OPENINFERENCE_HINTS,
  openllmetry: OPENLLMETRY_HINTS,
  "vercel-ai": VERCEL_HINTS,
};

/** What to add in `convention` for `field` on a span of `spanType`; null when nothing can be added. */
export function fieldHint(convention: Convention, field: RequirableField, spanType: SpanType): string | null {
  const hint = FIELD_HINTS[convention][field];
  const byType = hint.byType?.[spanType];
  return byType !== undefined ? byType : hint.default;
}

/** Whether `field` is required on a translated span of `spanType` (status ERROR when `failed`). */
export function fieldApplies(field: RequirableField, spanType: SpanType, failed: boolean): boolean {
  const scope = FIELD_SCOPES[field];
  if (scope.spanTypes && !scope.spanTypes.includes(spanType)) return false;
  return !(scope.notOnError && failed);
}
