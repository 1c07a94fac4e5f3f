/** What a round trip through openllmetry cannot carry (README "Round trips"; test/properties/carry.test.ts shows each). */
import type { CarryLoss } from "../types.js";
import { MODEL_FROM_RESPONSE, RAW_REPLY_KEYS, ONE_TEXT_PART, CACHE_ABOVE_INPUT, MESSAGE_FORMAT, AUDIO_TOKENS, TOOL_STRICT, NO_COST, PROVIDER_INFERRED } from "../losses.js";

export const OPENLLMETRY_LOSSES: readonly CarryLoss[] = [
  {
    id: "task-kind",
    field: "spanType",
    reason: "CHAIN, PARSER, MEMORY and EVALUATOR have no Traceloop kind: written as `task`, read back as TASK unless the source's `gen_ai.operation.name` (kept for them) says the type",
  },
  ONE_TEXT_PART,
  {
    id: "tool-message-parts",
    field: "inputs.messages[].content (tool messages)",
    reason: "a tool message whose content is a part list comes back as its joined text (`tool_call_response` holds one value)",
  },
  {
    id: "reasoning-signature",
    field: "reasoning part `signature`",
    reason: "the GenAI reasoning part that `gen_ai.input.messages` / `gen_ai.output.messages` hold has content only",
    strip: ["inputs.messages[].content[].signature", "outputs.choices[].message.content[].signature"],
  },
  {
    id: "finish-reason-vocabulary",
    field: "outputs.choices[].finish_reason",
    reason: "written as the source gave it; only the other spellings of the tool-call and content-filter reasons (`tool_call`, `tool-calls`, `content-filter`) come back as `tool_calls` / `content_filter`",
  },
  {
    id: "stream-flag",
    field: "inputs.stream",
    reason: "a model span with no usage and no OpenLLMetry parameter gets `gen_ai.is_streaming` (as the Python instrumentations write on every call), so an absent `stream` comes back as `false`",
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
  MODEL_FROM_RESPONSE,
  RAW_REPLY_KEYS,
];
