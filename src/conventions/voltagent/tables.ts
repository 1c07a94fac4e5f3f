import type { SpanType } from "../../canonical/span.js";
import { keyGroup } from "../../readers/groups.js";
import { VOLTAGENT_USAGE_KEYS, type VOLTAGENT_TYPES } from "./keys.js";

/**
 * `span.type` / `entity.type` -> span type, as MLflow's VoltAgent translator maps them. The `llm`
 * span is LLM, not CHAT_MODEL: it wraps a whole `generateText` / `streamText` call, which may make
 * several model requests (as the AI SDK's outer call, also LLM).
 */
export const SPAN_TYPES: Readonly<Record<(typeof VOLTAGENT_TYPES)[number], SpanType>> = {
  agent: "AGENT",
  llm: "LLM",
  tool: "TOOL",
  memory: "MEMORY",
};

export const VOLTAGENT_GROUPS = {
  usage: keyGroup("voltagent.usage", Object.values(VOLTAGENT_USAGE_KEYS).flat()),
} as const;
