import type { Attributes, SpanType } from "../canonical/span.js";
export type ValueType = "string" | "int" | "number" | "boolean" | "string[]" | "json-array" | "json-object";

export interface KeyRule {
  type?: ValueType;
  /** Known values; `open` enums accept others with an info diagnostic, closed ones with a warning. */
  values?: readonly string[];
  open?: boolean;
  /** Deprecated: the key to use instead (or undefined when the spec has no replacement). */
  deprecated?: { replacement?: string };
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
