import type { Convention } from "../canonical/span.js";

/**
 * One row of a convention's detection table: an attribute key that starts with `prefix` (and, when
 * given, whose remainder starts with a digit) marks the span as using `convention`.
 * Rules are checked longest prefix first, so a specific rule such as `gen_ai.prompt.` + digit
 * (legacy OpenLLMetry) beats the generic `gen_ai.` (GenAI semconv).
 */
export interface DetectionRule {
  prefix: string;
  convention: Convention;
  /** The key continues with an index right after the prefix (`gen_ai.prompt.0.content`). */
  indexed?: boolean;
  /** The key must equal the prefix (no remainder). */
  exact?: boolean;
}
