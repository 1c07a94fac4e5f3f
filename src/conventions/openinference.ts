/**
 * OpenInference (Arize/Phoenix) attribute keys. The `llm.` namespace is shared with OpenLLMetry, so
 * detection lists OpenInference's `llm.*` keys one by one instead of claiming the whole prefix.
 */
import type { DetectionRule } from "./rules.js";

const oi = (prefix: string, exact = false): DetectionRule =>
  exact ? { prefix, convention: "openinference", exact } : { prefix, convention: "openinference" };

export const OPENINFERENCE_DETECTION: readonly DetectionRule[] = [
  oi("openinference.span.kind", true),
  oi("llm.input_messages."),
  oi("llm.output_messages."),
  oi("llm.model_name", true),
  oi("llm.provider", true),
  oi("llm.system", true),
  oi("llm.invocation_parameters", true),
  oi("llm.token_count."),
  oi("llm.tools."),
  oi("llm.prompt_template."),
  oi("llm.prompts."),
  oi("llm.function_call", true),
  oi("llm.cost."),
  oi("input.value", true),
  oi("input.mime_type", true),
  oi("output.value", true),
  oi("output.mime_type", true),
  oi("retrieval.documents."),
  oi("reranker."),
  oi("embedding."),
  oi("tool_call."),
];
