/**
 * What each target convention cannot carry: canonical fields (or shapes of a field) that do not come
 * back unchanged from `toMlflowSpan(fromMlflowSpan(span, { to }))`. Everything not listed here comes
 * back exactly; the round-trip properties in test/properties/ check both halves (each listed loss
 * really happens, and nothing else changes), and the README renders this table.
 *
 * `strip` lists the canonical paths (`[]` = every element of a list) that round-trip comparisons of
 * real data remove before comparing, because the field as a whole is not carried. An entry without
 * `strip` is a loss of particular values or shapes only: generated spans avoid them, and the field is
 * still compared everywhere else.
 */
import type { EmitTarget } from "../pipeline/registry.js";

export interface CarryLoss {
  /** Stable name, used by the tests that show each loss. */
  id: string;
  /** The canonical field or sub-field, as written in the README. */
  field: string;
  /** What happens to it and why. */
  reason: string;
  strip?: readonly string[];
}

const ONE_TEXT_PART: CarryLoss = {
  id: "one-text-part",
  field: "inputs.messages[].content, outputs.choices[].message.content",
  reason: "a list holding a single text part comes back as a plain string (the canonical form of such content)",
};
const CACHE_ABOVE_INPUT: CarryLoss = {
  id: "input-below-cache",
  field: "tokenUsage.input_tokens",
  reason: "an input count below its cache counts is read back with the cache counts added (the Anthropic rule, `usage-cache-added`)",
};
const MESSAGE_FORMAT: CarryLoss = {
  id: "message-format",
  field: "messageFormat",
  reason: "not written; the parser sets `openai` on the chat spans it normalises, and nothing otherwise",
  strip: ["messageFormat"],
};
const AUDIO_TOKENS: CarryLoss = {
  id: "audio-tokens",
  field: "tokenUsage.input_audio_tokens, tokenUsage.output_audio_tokens",
  reason: "no audio token keys",
  strip: ["tokenUsage.input_audio_tokens", "tokenUsage.output_audio_tokens"],
};
const TOOL_STRICT: CarryLoss = {
  id: "tool-strict",
  field: "tools[].function.strict",
  reason: "a tool definition keeps only its name, description and parameters",
  strip: ["tools[].function.strict"],
};
const NO_COST: CarryLoss = { id: "cost", field: "cost", reason: "no cost keys", strip: ["cost"] };

export const CANNOT_CARRY: Readonly<Record<EmitTarget, readonly CarryLoss[]>> = {
  genai: [
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
      reason: "mapped to the spec's values: end_turn and stop_sequence → stop, tool_use → tool_calls, max_tokens → length",
      strip: ["outputs.choices[].finish_reason"],
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
    AUDIO_TOKENS,
    TOOL_STRICT,
    {
      id: "provider-spelling",
      field: "provider",
      reason: "well-known provider names come back in the spec's spelling (`OpenAI` → `openai`)",
    },
    NO_COST,
    MESSAGE_FORMAT,
  ],
  openinference: [
    {
      id: "llm-kind",
      field: "spanType",
      reason: "CHAT_MODEL and LLM are both the `LLM` kind: read back as CHAT_MODEL with chat messages, else LLM; PARSER, MEMORY, WORKFLOW, TASK come back as CHAIN",
    },
    ONE_TEXT_PART,
    {
      id: "one-finish-reason",
      field: "outputs.choices[].finish_reason",
      reason: "one `llm.finish_reason` per span: every choice comes back with the first non-null one",
    },
    {
      id: "user-tool-call-id",
      field: "inputs.messages[].role",
      reason: "a user message with a `tool_call_id` comes back as a tool message",
    },
    {
      id: "refusal",
      field: "message `refusal`",
      reason: "messages have no refusal key",
      strip: ["inputs.messages[].refusal", "outputs.choices[].message.refusal"],
    },
    {
      id: "system-and-tools-parameters",
      field: "inputs.system, inputs.tools",
      reason: "a `system` parameter without a system message comes back as the first message; a `tools` parameter next to `tools` is dropped",
    },
    {
      id: "other-output-keys",
      field: "outputs (other keys)",
      reason: "outputs keep only `id` and `model` beside the choices (`system_fingerprint`, … are not written)",
    },
    CACHE_ABOVE_INPUT,
    {
      id: "provider-case",
      field: "provider",
      reason: "comes back lower-cased",
    },
    {
      id: "embedding-input-string",
      field: "inputs.input (EMBEDDING)",
      reason: "a single input string comes back as a one-item list",
    },
    {
      id: "negative-zero",
      field: "inputs, outputs (JSON values)",
      reason: "`-0` comes back as `0` (written as JSON)",
    },
    MESSAGE_FORMAT,
  ],
  openllmetry: [
    {
      id: "task-kind",
      field: "spanType",
      reason: "CHAIN, PARSER, MEMORY, GUARDRAIL and EVALUATOR have no Traceloop kind: written as `task`, read back as TASK",
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
      reason: "request parameters other than temperature, top_p, max_tokens and the `llm.*` ones (`seed`, `response_format`, …) are not written",
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
    AUDIO_TOKENS,
    TOOL_STRICT,
    {
      id: "provider-spelling",
      field: "provider",
      reason: "well-known provider names come back in the GenAI spelling (`OpenAI` → `openai`), since the GenAI parser reads `gen_ai.system`",
    },
    NO_COST,
    MESSAGE_FORMAT,
  ],
  mlflow: [
    {
      id: "json-text",
      field: "inputs, outputs (strings)",
      reason: "a string whose text is itself JSON comes back decoded, as with MLflow's own `sanitize_attributes` (one layer of double encoding is removed)",
    },
    {
      id: "negative-zero",
      field: "inputs, outputs (JSON values)",
      reason: "`-0` comes back as `0` (MLflow stores JSON)",
    },
  ],
};
