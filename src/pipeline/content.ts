/**
 * What `validateSpan({ require: ["inputs" | "outputs"] })` counts as content: the prompt or reply
 * itself, not the request parameters or response metadata a translation also puts in inputs and
 * outputs (content capture switched off leaves exactly those).
 */
import { GENAI_REQUEST_PARAMS } from "../conventions/genai/tables.js";

/** Request parameters merged into chat inputs: settings of the call, not its content. */
const PARAMETER_KEYS: ReadonlySet<string> = new Set([
  ...GENAI_REQUEST_PARAMS.map((p) => p.param),
  "model",
  "max_completion_tokens",
  "max_output_tokens",
  "tool_choice",
  "tools",
  "response_format",
  "user",
  "parallel_tool_calls",
  "logprobs",
  "top_logprobs",
  "logit_bias",
  "reasoning_effort",
]);
/** Response metadata merged into chat outputs. */
const RESPONSE_KEYS: ReadonlySet<string> = new Set(["id", "model", "object", "created", "system_fingerprint", "service_tier", "usage"]);
/** Keys that shape a message, choice or content part without being content. */
const STRUCTURE_KEYS: ReadonlySet<string> = new Set(["role", "type", "index", "finish_reason"]);
const NO_KEYS: ReadonlySet<string> = new Set();

/**
 * Whether translated inputs / outputs carry content: a prompt, messages or choices with content or
 * tool calls, a query, documents, embedding input or vectors, tool arguments or a result. Request
 * parameters, response metadata, and messages whose content is null (content capture off) are not
 * content. On spans that do not call a model (a tool, task, chain, agent…) the recorded arguments and
 * result count even when empty (a function without arguments), unless they are chat messages.
 */
export function hasContent(field: "inputs" | "outputs", value: unknown, spanType: string): boolean {
  const skip = field === "inputs" ? PARAMETER_KEYS : RESPONSE_KEYS;
  if (CONTENT_CHECKED_TYPES.has(spanType)) return contentIn(value, skip, 0);
  if (value === null) return false;
  const chat = typeof value === "object" && (Array.isArray((value as { messages?: unknown }).messages) || Array.isArray((value as { choices?: unknown }).choices));
  return !chat || contentIn(value, skip, 0);
}

/** Model calls and search: their inputs and outputs are content the instrumentation may leave out. */
const CONTENT_CHECKED_TYPES: ReadonlySet<string> = new Set(["LLM", "CHAT_MODEL", "EMBEDDING", "RETRIEVER", "RERANKER"]);

function contentIn(value: unknown, skip: ReadonlySet<string>, depth: number): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === "string") return value.trim() !== "";
  if (typeof value !== "object") return true;
  if (depth > 32) return true; // deep enough to be content; bounded work on hostile nesting
  if (Array.isArray(value)) return value.some((v) => contentIn(v, NO_KEYS, depth + 1));
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (skip.has(key) || STRUCTURE_KEYS.has(key)) continue;
    if (contentIn(record[key], NO_KEYS, depth + 1)) return true;
  }
  return false;
}

