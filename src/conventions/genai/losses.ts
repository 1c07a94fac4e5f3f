/** What a round trip through genai cannot carry (README "Round trips"; test/properties/carry.test.ts shows each). */
import type { CarryLoss } from "../types.js";
import { MODEL_FROM_RESPONSE, RAW_REPLY_KEYS, ONE_TEXT_PART, CACHE_ABOVE_INPUT, MESSAGE_FORMAT, TOOL_STRICT, NO_COST, PROVIDER_INFERRED } from "../losses.js";

export const GENAI_LOSSES: readonly CarryLoss[] = [
  {
    id: "no-operation",
    field: "spanType",
    reason: "CHAIN, PARSER, MEMORY, TASK, GUARDRAIL, EVALUATOR and RERANKER have no GenAI operation: no operation is written, and they come back as UNKNOWN",
  },
  {
    id: "non-chat-inputs-outputs",
    field: "inputs, outputs (spans other than chat, completion, TOOL and RETRIEVER)",
    reason: "GenAI has no keys for the inputs and outputs of agent, workflow, embedding and other spans, nor for a retriever's inputs that are not a query string or outputs that are not documents: they are not written",
  },
  {
    id: "retrieval-document-fields",
    field: "outputs[].metadata.content, outputs[].metadata.id (RETRIEVER)",
    reason: "a retrieved document is written as `{id, score, content, …metadata}`: metadata named `content` or `id` would be the document's own fields, so it is not written",
    strip: ["outputs[].metadata.content", "outputs[].metadata.id"],
  },
  {
    id: "tool-json-text",
    field: "inputs, outputs (TOOL spans, strings)",
    reason: "arguments or a result that is the JSON text of an object or list comes back as that value (`gen_ai.tool.call.arguments` / `result` hold JSON text or the value alike); any other string comes back as it was",
  },
  ONE_TEXT_PART,
  {
    id: "tool-message-parts",
    field: "inputs.messages[].content (tool messages)",
    reason: "a tool message whose content is a part list comes back as its joined text (`tool_call_response` holds one value)",
  },
  {
    id: "system-messages-merge",
    field: "inputs.messages",
    reason: "several leading system messages of a provider with separate system instructions (anthropic, aws.bedrock, gcp.*) come back as one",
  },
  {
    id: "other-parameters",
    field: "inputs (other request parameters)",
    reason: "request parameters without a `gen_ai.request.*` key (`user`, `logit_bias`, …) are not written",
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
    reason: "`gen_ai.response.model` is written when it differs from the request model and read back into `outputs.model`",
    strip: ["outputs.model"],
  },
  {
    id: "finish-reason-vocabulary",
    field: "outputs.choices[].finish_reason",
    reason: "written as the source gave it (`end_turn` stays `end_turn`); only the other spellings of the tool-call and content-filter reasons (`tool_call`, `tool-calls`, `content-filter`) come back as `tool_calls` / `content_filter`",
  },
  {
    id: "reasoning-signature",
    field: "reasoning part `signature`",
    reason: "the spec's reasoning part has content only",
    strip: ["inputs.messages[].content[].signature", "outputs.choices[].message.content[].signature"],
  },
  {
    id: "total-tokens",
    field: "tokenUsage.total_tokens",
    reason: "the spec has no total key: it comes back as input + output",
  },
  CACHE_ABOVE_INPUT,
  PROVIDER_INFERRED,
  TOOL_STRICT,
  {
    id: "provider-spelling",
    field: "provider",
    reason: "well-known provider names come back in the spec's spelling (`OpenAI` → `openai`)",
  },
  NO_COST,
  MESSAGE_FORMAT,
  MODEL_FROM_RESPONSE,
  RAW_REPLY_KEYS,
];
