/**
 * Spring AI (Micrometer observations through the OTel bridge): `spring.ai.*` keys, GenAI keys whose
 * every value is a string, and (up to 1.0.0-M8) content in the `gen_ai.content.prompt` /
 * `gen_ai.content.completion` events. Read only; the GenAI parser fills what this one leaves.
 */
import { LLM_TYPES } from "../rule-types.js";
import type { ConventionModule } from "../types.js";
import { springAiReader } from "./reader.js";

/** Spring AI is Java: its keys were read from the source at this commit (docs/spring-ai.md). */
const SPRING_AI = "spring-projects/spring-ai@fd3fd6e";

export const springAi = {
  ...springAiReader,
  title: "Spring AI",
  doc: "docs/spring-ai.md",
  rules: {
    source: `${SPRING_AI}:spring-ai-commons/src/main/java/org/springframework/ai/observation/conventions/AiObservationAttributes.java — the observation keys (v2.0.1 + 2 commits)`,
    keys: {
      "spring.ai.kind": {
        type: "string",
        values: ["chat_client", "advisor", "tool_call", "vector_store"],
        open: true,
        spec: `${SPRING_AI}:spring-ai-commons/src/main/java/org/springframework/ai/observation/conventions/SpringAiKind.java — the SpringAiKind values`,
      },
    },
    presence: [],
    hints: {
      spanType: { default: "gen_ai.operation.name" },
      inputs: { default: null, byType: { ...LLM_TYPES("gen_ai.content.prompt event (1.0.0-M8, include-prompt); not written since 1.0.0-RC1"), TOOL: "spring.ai.tool.call.arguments (tools.observations.include-content)" } },
      outputs: { default: null, byType: { ...LLM_TYPES("gen_ai.content.completion event (1.0.0-M8, include-completion)"), TOOL: "spring.ai.tool.call.result (tools.observations.include-content)" } },
      tokenUsage: { default: "gen_ai.usage.input_tokens and gen_ai.usage.output_tokens" },
      model: { default: "gen_ai.request.model" },
      provider: { default: "gen_ai.system" },
      tools: { default: null, byType: LLM_TYPES(null) },
    },
  },
} as const satisfies ConventionModule<"spring-ai">;
