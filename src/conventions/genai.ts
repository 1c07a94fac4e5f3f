/**
 * OTel GenAI semantic conventions (`gen_ai.*`). Key constants come from
 * `@opentelemetry/semantic-conventions/incubating` where it has them; the parser and the zod schemas
 * of the structured message JSON arrive with the GenAI issue.
 */
import type { DetectionRule } from "./rules.js";

export const GENAI_DETECTION: readonly DetectionRule[] = [{ prefix: "gen_ai.", convention: "genai" }];

/** Span events (and log records) whose name marks GenAI content. */
export const GENAI_EVENT_PREFIX = "gen_ai.";
