/**
 * What `validateSpan` checks, gathered from the convention modules, and where each requirable
 * canonical field applies. Every rule cites the spec text or source file it comes from (`spec` on each
 * key, pattern, event and presence rule, `source` on each module's rule set: src/conventions/<id>/rules.ts),
 * and a finding of a rule carries that citation (`Diagnostic.spec`).
 */
import type { SpanType } from "../canonical/span.js";
import type { ConventionModule, EventRule, KeyPatternRule, KeyRule, PresenceRule, RequirableField } from "../conventions/types.js";

/** The rules of a module list, per convention id. Maps, not records: attribute keys such as "constructor" must not find Object.prototype members. */
export interface RuleTables {
  /** Value rules, from each module's `rules.keys`. */
  readonly keyRules: ReadonlyMap<string, ReadonlyMap<string, KeyRule>>;
  /** Deprecated families of indexed keys, from each module's `rules.keyPatterns`. */
  readonly keyPatternRules: ReadonlyMap<string, readonly KeyPatternRule[]>;
  /** Deprecated event (and log record) names, from each module's `rules.events`. */
  readonly eventRules: ReadonlyMap<string, ReadonlyMap<string, EventRule>>;
  /** Presence rules, from each module's `rules.presence`. */
  readonly presenceRules: ReadonlyMap<string, readonly PresenceRule[]>;
  /** What to add in `convention` for `field` on a span of `spanType`; null when nothing can be added. */
  fieldHint(convention: string, field: RequirableField, spanType: SpanType): string | null;
}

/** The rule tables of `modules`, built once per validator. */
export function ruleTables(modules: readonly ConventionModule[]): RuleTables {
  const byId = new Map(modules.map((m) => [m.id, m]));
  return {
    keyRules: new Map(modules.map((m) => [m.id, new Map(Object.entries(m.rules.keys))])),
    keyPatternRules: new Map(modules.map((m) => [m.id, m.rules.keyPatterns ?? []])),
    eventRules: new Map(modules.map((m) => [m.id, new Map(Object.entries(m.rules.events ?? {}))])),
    presenceRules: new Map(modules.map((m) => [m.id, m.rules.presence])),
    fieldHint(convention, field, spanType) {
      const hint = byId.get(convention)!.rules.hints[field];
      const byType = hint.byType?.[spanType];
      return byType !== undefined ? byType : hint.default;
    },
  };
}

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

/** Whether `field` is required on a translated span of `spanType` (status ERROR when `failed`). */
export function fieldApplies(field: RequirableField, spanType: SpanType, failed: boolean): boolean {
  const scope = FIELD_SCOPES[field];
  if (scope.spanTypes && !scope.spanTypes.includes(spanType)) return false;
  return !(scope.notOnError && failed);
}
