import type { Attributes, SpanType } from "../canonical/span.js";
export type ValueType = "string" | "int" | "number" | "boolean" | "string[]" | "json-array" | "json-object";

/**
 * Where a rule comes from: `<location>` or `<location> — <a few words of our own>` (the requirement
 * level, the version that renamed a key...). Plain string data, never parsed on the translate path.
 * The location is one of:
 * - a specification document or source file in a repository, at a commit or tag, with an optional
 *   anchor: `open-telemetry/semantic-conventions-genai@9430220:docs/gen-ai/gen-ai-spans.md#inference`;
 * - a file of a published package at its version: `@traceloop/ai-semantic-conventions@0.27.0:src/SemanticAttributes.ts`;
 * - a repository document without a pinned commit (a spec that has no releases), ending in `.md`
 *   with an anchor: `Arize-ai/openinference:spec/semantic_conventions.md#reserved-attributes`;
 * - a URL of the source's own documentation: `https://ai-sdk.dev/docs/ai-sdk-core/telemetry`.
 * `test/conventions/citations.test.ts` checks every rule of every module against this shape, and a
 * rule without `spec` does not compile.
 */
export type Citation = string;

/** What a deprecation finding says: the replacement, why, and how loud. */
export interface Deprecation {
  replacement?: string;
  because?: string;
  severity?: "warning" | "info";
}

export interface KeyRule {
  type?: ValueType;
  /** Known values; `open` enums accept others with an info diagnostic, closed ones with a warning. */
  values?: readonly string[];
  open?: boolean;
  /**
   * Deprecated: the key (or integration) to use instead, or undefined when the spec has no replacement.
   * `when` limits the deprecation to some spans (`gen_ai.request.top_k` only on retrieval spans);
   * `because` says in a few words why, for the message. `severity: "info"` for a rename that is not
   * out yet: the published spec text, or the source's newest release, still lists or writes the old key,
   * so a writer cannot act on it and a warning would be a false alarm (default: warning).
   */
  deprecated?: Deprecation & { when?: (attributes: Attributes) => boolean };
  /** The spec text (or source file) the rule comes from; `validate --format json` reports it. */
  spec: Citation;
}

/**
 * A deprecated family of indexed keys (`gen_ai.prompt.0.content`, `llm.request.functions.1.name`):
 * every key that starts with `prefix` followed by a digit. Reported once per span, keyed by `display`.
 */
export interface KeyPatternRule {
  prefix: string;
  /** The family as the finding names it: `gen_ai.prompt.N.*`. */
  display: string;
  deprecated: Deprecation;
  spec: Citation;
}

/** A span event (or joined log record) name the convention has deprecated. */
export interface EventRule {
  deprecated: Deprecation;
  spec: Citation;
}

export interface PresenceRule {
  /**
   * Any of these keys satisfies the rule (e.g. a key and its deprecated spelling). A `*` segment stands
   * for any index of a flattened list: `retrieval.documents.*.document.content` is met by
   * `retrieval.documents.3.document.content`. The first entry is a plain key: the diagnostic names it.
   */
  anyOf: readonly string[];
  level: "required" | "recommended";
  /** The rule applies only when this returns true (e.g. for model-call operations). */
  when?: (attributes: Attributes) => boolean;
  /** Why, in a few words, for the message. */
  because?: string;
  /** Not expected on a span whose status is ERROR (a failed call has no reply, usage or response model). */
  notOnError?: boolean;
  /** The spec text (or source file) that sets this requirement level; `validate --format json` reports it. */
  spec: Citation;
}

// ---------------------------------------------------------------------------------------------
// `validateSpan({ require })`: where each canonical field is required, and what to add when it is not.

/** Canonical fields of the translation that `validateSpan({ require })` can ask for. */
export const REQUIRABLE_FIELDS = ["spanType", "inputs", "outputs", "tokenUsage", "model", "provider", "tools"] as const;
export type RequirableField = (typeof REQUIRABLE_FIELDS)[number];

/**
 * The attributes to add, in a convention, so the translation gets a field: `default`, overridden per
 * span type. `null` means the convention has no attribute our parsers read for that field on that span
 * type (GenAI has no key for an embedding's vectors); the field is then not required there, since no
 * fix exists in that convention.
 */
export interface FieldHint {
  default: string | null;
  byType?: Partial<Record<SpanType, string | null>>;
}

export const LLM_TYPES = (hint: string | null): Partial<Record<SpanType, string | null>> => ({ LLM: hint, CHAT_MODEL: hint });
