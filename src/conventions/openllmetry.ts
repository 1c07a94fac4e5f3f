/**
 * OpenLLMetry (Traceloop) attribute keys. Older releases write prompts and completions as indexed
 * `gen_ai.prompt.N.*` / `gen_ai.completion.N.*` keys, which mark OpenLLMetry even though they sit in
 * the `gen_ai.` namespace; newer ones (0.27+) write the GenAI structured messages instead.
 */
import type { DetectionRule } from "./rules.js";

const ol = (prefix: string, extra: Partial<DetectionRule> = {}): DetectionRule => ({ prefix, convention: "openllmetry", ...extra });

export const OPENLLMETRY_DETECTION: readonly DetectionRule[] = [
  ol("traceloop."),
  ol("gen_ai.prompt.", { indexed: true }),
  ol("gen_ai.completion.", { indexed: true }),
  ol("llm.request.type", { exact: true }),
  ol("llm.request.functions."),
  ol("llm.usage."),
  ol("llm.is_streaming", { exact: true }),
  ol("llm.frequency_penalty", { exact: true }),
  ol("llm.presence_penalty", { exact: true }),
  ol("llm.top_k", { exact: true }),
  ol("llm.chat.stop_sequences", { exact: true }),
  ol("llm.user", { exact: true }),
  ol("llm.headers", { exact: true }),
  ol("llm.request.repetition_penalty", { exact: true }),
  ol("llm.response.finish_reason", { exact: true }),
  ol("llm.response.stop_reason", { exact: true }),
];
