/** What a round trip through openllmetry cannot carry (README "Round trips"; test/properties/carry.test.ts shows each). */
import type { CarryLoss } from "../types.js";
import { ONE_TEXT_PART, CACHE_ABOVE_INPUT, MESSAGE_FORMAT, AUDIO_TOKENS, TOOL_STRICT, NO_COST, PROVIDER_INFERRED } from "../losses.js";

export const OPENLLMETRY_LOSSES: readonly CarryLoss[] = [
  {
    id: "task-kind",
    field: "spanType",
    reason: "CHAIN, PARSER, MEMORY and EVALUATOR have no Traceloop kind: written as `task`, read back as TASK unless the source's `gen_ai.operation.name` (kept for them) says the type",
  },
  ONE_TEXT_PART,
  {
    id: "empty-content-with-tool-calls",
    field: "inputs.messages[].content, outputs.choices[].message.content",
    reason: "`\"\"` next to tool calls comes back as null; an assistant text that is exactly `null` comes back as null",
  },
  {
    id: "text-like-blocks",
    field: "inputs.messages[].content, outputs.choices[].message.content",
    reason: "a text that is itself the JSON of a list of typed content blocks comes back as those parts (part lists are written as their JSON)",
  },
  {
    id: "refusal",
    field: "message `refusal`",
    reason: "the indexed prompt/completion keys have no refusal",
    strip: ["inputs.messages[].refusal", "outputs.choices[].message.refusal"],
  },
  {
    id: "other-parameters",
    field: "inputs (other request parameters)",
    reason: "request parameters other than temperature, top_p, max_tokens and the `llm.*` ones (`seed`, `response_format`, `output_type` from `gen_ai.output.type`, `tool_choice`, …) are not written",
  },
  {
    id: "other-output-keys",
    field: "outputs (other keys)",
    reason: "outputs keep only `id` and `model` beside the choices (`system_fingerprint`, … are not written)",
  },
  {
    id: "request-model",
    field: "inputs.model",
    reason: "`gen_ai.request.model` is always written (from `model` when absent) and read back into `inputs.model`",
    strip: ["inputs.model"],
  },
  {
    id: "response-model",
    field: "outputs.model",
    reason: "`gen_ai.response.model` is always written (from `model` when absent) and read back into `outputs.model`",
    strip: ["outputs.model"],
  },
  CACHE_ABOVE_INPUT,
  PROVIDER_INFERRED,
  AUDIO_TOKENS,
  TOOL_STRICT,
  {
    id: "provider-spelling",
    field: "provider",
    reason: "well-known provider names come back in the GenAI spelling (`OpenAI` → `openai`), since the GenAI parser reads `gen_ai.system`",
  },
  NO_COST,
  MESSAGE_FORMAT,
];
