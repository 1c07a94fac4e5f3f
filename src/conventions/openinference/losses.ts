/** What a round trip through openinference cannot carry (README "Round trips"; test/properties/carry.test.ts shows each). */
import type { CarryLoss } from "../types.js";
import { RAW_REPLY_KEYS, ONE_TEXT_PART, CACHE_ABOVE_INPUT, MESSAGE_FORMAT, PROVIDER_INFERRED } from "../losses.js";

export const OPENINFERENCE_LOSSES: readonly CarryLoss[] = [
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
  PROVIDER_INFERRED,
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
    id: "reranker-text-documents",
    field: "inputs.documents, inputs.top_n (RERANKER)",
    reason: "input documents given as plain texts come back as `{page_content}` documents, and `top_n` as `top_k` (`reranker.input_documents.*`, `reranker.top_k`)",
  },
  {
    id: "negative-zero",
    field: "inputs, outputs (JSON values)",
    reason: "`-0` comes back as `0` (written as JSON)",
  },
  MESSAGE_FORMAT,
  RAW_REPLY_KEYS,
];
