/**
 * `summarizeTrace(spans)`: the trace-level facts an MLflow tracking server stores for a trace (its
 * TraceInfo), computed from the canonical spans of that trace the way the server computes them when
 * spans arrive through OTLP (`SqlAlchemyStore.log_spans`) and when it builds previews
 * (`mlflow/tracing/utils/truncation.py`, `mlflow/tracing/utils/__init__.py`).
 *
 * Rules, each with its MLflow source:
 *
 * - Trace: the trace id of the first root span (no `parentSpanId`), else of the first span that has one.
 *   Spans of any other trace id are ignored: not counted, not summed (counted in `ignoredSpans`).
 *   MLflow groups a request by trace id and summarises each group; this function summarises one.
 *   MLflow's own id for the trace is `"tr-" + traceId`.
 * - Root: a span without a parent. A span whose parent is not among the spans (an orphan) is not a root
 *   here: MLflow tests `parent_id is None`.
 * - State (log_spans): `"ERROR"` when the root span's status is ERROR, `"OK"` for any other root status
 *   (UNSET included); `"IN_PROGRESS"` while no root has arrived. With several roots the last one in
 *   span order decides, as in MLflow's loop.
 * - Previews (`set_request_response_preview`, `_get_truncated_preview`): from the first root span
 *   (`TraceData._get_root_span`). The request is the root's `mlflow.spanInputs` text (the inputs as
 *   `toMlflowAttributes` writes them), the response its `mlflow.spanOutputs`. That text is parsed as JSON
 *   (twice when it holds JSON inside a JSON string); when it holds chat messages (an array of messages,
 *   `messages`, `choices[0].message`, Responses `input` / `output`, or a `request` holding any of these),
 *   the preview is the text of the last message of role `user` (request) or `assistant` (response), or of
 *   the last message when none has that role. A message is an object with `role` and either `content` or
 *   a `parts` list; its text is `content` when a string, else its first string part or first
 *   `text` / `output_text` part's `text`, else the first `parts` entry of type `text` (`content` or `text`).
 *   When no text comes out, the preview is the whole JSON text. No inputs: `""`.
 *   Truncation: at most 1000 characters (Python characters, i.e. code points; the open-source server's
 *   `TRACE_REQUEST_RESPONSE_PREVIEW_MAX_LENGTH_OSS`), longer text keeps its first 997 and gets `"..."`.
 * - Token usage (`aggregate_usage_from_spans`, applied on the server since PR #24339): a depth-first walk
 *   from every span whose parent is absent from the trace (roots and orphans); a span's usage is added
 *   only when no ancestor had usage, so a wrapper that reports the total of its children (the AI SDK's
 *   `ai.generateText` over `doGenerate`) is counted once. `input_tokens`, `output_tokens` and
 *   `total_tokens` are summed (missing ones count 0); the cache keys (`cache_read_input_tokens`,
 *   `cache_creation_input_tokens`) are summed when a counted span has them, as `update_token_usage` does
 *   over `TokenUsageKey.all_keys()`. Reasoning and audio counts are not MLflow keys and are left out.
 *   No span with usage: `tokenUsage` is absent.
 * - Session and user (log_spans; `session.id` -> `mlflow.trace.session`, `user.id` -> `mlflow.trace.user`):
 *   the first span in order with a non-empty `session.id` / `user.id` attribute. When no span has one,
 *   `mlflow.trace.session` / `mlflow.trace.user` span attributes are read the same way, then (session
 *   only) `gen_ai.conversation.id`, which MLflow's docs do not list but a store port falls back to.
 *   Values written JSON-encoded (`"\"abc\""`, as MLflow stores attributes) are decoded; numbers become
 *   their decimal text. (MLflow's log_spans reads the attribute as it stores it, JSON-encoded, so the
 *   session it records keeps the quotes: `"\"abc\""`. The id itself is given here.)
 *
 * Never throws on span data; the input array must be an array.
 */
import type { MlflowSpan } from "../conventions/index.js";
import type { TokenUsage } from "../canonical/span.js";
import { safeJsonParse, safeJsonStringify } from "../internal/json.js";
import { isPlainObject } from "../internal/records.js";

export type TraceState = "OK" | "ERROR" | "IN_PROGRESS";

export interface TraceSummary {
  /** The OTel trace id (32 hex digits); MLflow's trace id is `"tr-" + traceId`. Absent for no spans. */
  traceId?: string;
  state: TraceState;
  requestPreview: string;
  responsePreview: string;
  tokenUsage?: TraceTokenUsage;
  session?: string;
  user?: string;
  /** The first root span's id; absent when no root has arrived. */
  rootSpanId?: string;
  /** Spans of this trace. */
  spanCount: number;
  /** Spans given with another trace id, left out of everything above; absent when none. */
  ignoredSpans?: number;
}

export type TraceTokenUsage = Required<Pick<TokenUsage, "input_tokens" | "output_tokens" | "total_tokens">> &
  Pick<TokenUsage, "cache_read_input_tokens" | "cache_creation_input_tokens">;

/** MLflow's open-source preview length (`TRACE_REQUEST_RESPONSE_PREVIEW_MAX_LENGTH_OSS`). */
export const PREVIEW_MAX_LENGTH = 1000;

export function summarizeTrace(spans: readonly MlflowSpan[]): TraceSummary {
  if (!Array.isArray(spans)) throw new TypeError("summarizeTrace expects an array of MlflowSpan (the results of toMlflowSpan)");
  const all = spans.filter((s): s is MlflowSpan => s !== null && typeof s === "object");
  const firstRoot = all.find((s) => !s.parentSpanId);
  const traceId = firstRoot?.traceId ?? all.find((s) => s.traceId)?.traceId;
  const own = traceId === undefined ? all : all.filter((s) => s.traceId === undefined || s.traceId === traceId);

  let state: TraceState = "IN_PROGRESS";
  for (const span of own) if (!span.parentSpanId) state = span.status?.code === "ERROR" ? "ERROR" : "OK";

  const summary: TraceSummary = {
    state,
    requestPreview: firstRoot && own.includes(firstRoot) ? preview(firstRoot.inputs, "user") : "",
    responsePreview: firstRoot && own.includes(firstRoot) ? preview(firstRoot.outputs, "assistant") : "",
    spanCount: own.length,
  };
  if (traceId !== undefined) summary.traceId = traceId;
  const usage = aggregateUsage(own);
  if (usage) summary.tokenUsage = usage;
  const session = firstAttribute(own, ["session.id", "mlflow.trace.session", "gen_ai.conversation.id"]);
  if (session !== undefined) summary.session = session;
  const user = firstAttribute(own, ["user.id", "mlflow.trace.user"]);
  if (user !== undefined) summary.user = user;
  if (firstRoot?.spanId !== undefined && own.includes(firstRoot)) summary.rootSpanId = firstRoot.spanId;
  if (own.length < all.length) summary.ignoredSpans = all.length - own.length;
  return summary;
}

// ---------------------------------------------------------------------------------------------
// Token usage: ancestor wins

function aggregateUsage(spans: readonly MlflowSpan[]): TraceTokenUsage | undefined {
  const ids = new Set<string>();
  for (const s of spans) if (s.spanId) ids.add(s.spanId);
  const children = new Map<string, MlflowSpan[]>();
  const starts: MlflowSpan[] = [];
  for (const s of spans) {
    if (s.parentSpanId && ids.has(s.parentSpanId)) {
      const list = children.get(s.parentSpanId);
      if (list) list.push(s);
      else children.set(s.parentSpanId, [s]);
    } else starts.push(s);
  }
  let found = false;
  const total: TraceTokenUsage = { input_tokens: 0, output_tokens: 0, total_tokens: 0 };
  // An explicit stack: a hostile chain of parents cannot overflow ours. Spans in a parent cycle are never
  // reached, as in MLflow.
  const stack: Array<[MlflowSpan, boolean]> = [];
  for (let i = starts.length - 1; i >= 0; i--) stack.push([starts[i]!, false]);
  const visited = new Set<MlflowSpan>();
  while (stack.length > 0) {
    const [span, ancestorHasUsage] = stack.pop()!;
    if (visited.has(span)) continue;
    visited.add(span);
    const usage = isPlainObject(span.tokenUsage) ? (span.tokenUsage as Partial<TokenUsage>) : undefined;
    if (usage && !ancestorHasUsage) {
      found = true;
      total.input_tokens += count(usage.input_tokens);
      total.output_tokens += count(usage.output_tokens);
      total.total_tokens += count(usage.total_tokens);
      if (usage.cache_read_input_tokens !== undefined) total.cache_read_input_tokens = (total.cache_read_input_tokens ?? 0) + count(usage.cache_read_input_tokens);
      if (usage.cache_creation_input_tokens !== undefined) {
        total.cache_creation_input_tokens = (total.cache_creation_input_tokens ?? 0) + count(usage.cache_creation_input_tokens);
      }
    }
    const kids = span.spanId ? children.get(span.spanId) : undefined;
    if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i]!, ancestorHasUsage || usage !== undefined]);
  }
  return found ? total : undefined;
}

function count(value: unknown): number {
  return typeof value === "number" && Number.isFinite(value) ? value : 0;
}

// ---------------------------------------------------------------------------------------------
// Session and user

function firstAttribute(spans: readonly MlflowSpan[], keys: readonly string[]): string | undefined {
  for (const key of keys) {
    for (const span of spans) {
      const attributes = span.attributes;
      if (!attributes || !Object.prototype.hasOwnProperty.call(attributes, key)) continue;
      const value = idText(attributes[key]);
      if (value !== undefined) return value;
    }
  }
  return undefined;
}

function idText(raw: unknown): string | undefined {
  if (typeof raw === "number" && Number.isFinite(raw)) return String(raw);
  if (typeof raw !== "string" || raw === "") return undefined;
  // A JSON string literal ("\"abc\""), as MLflow writes attribute values: one layer removed.
  if (raw.length >= 2 && raw.charCodeAt(0) === 0x22) {
    const parsed = safeJsonParse(raw);
    if (parsed.ok && typeof parsed.value === "string") return parsed.value === "" ? undefined : parsed.value;
  }
  return raw;
}

// ---------------------------------------------------------------------------------------------
// Previews

function preview(value: unknown, role: "user" | "assistant"): string {
  if (value === undefined) return "";
  const text = safeJsonStringify(value);
  let obj: unknown;
  const first = safeJsonParse(text);
  if (first.ok) {
    obj = first.value;
    if (typeof obj === "string") {
      const second = safeJsonParse(obj);
      if (second.ok) obj = second.value;
    }
  }
  let content: string | undefined;
  if (obj !== undefined && obj !== null) {
    const messages = extractMessages(obj, 0);
    if (messages && messages.length > 0) content = messageText(lastWithRole(messages, role));
  }
  return truncate(content || text);
}

function isMessage(item: unknown): item is Record<string, unknown> {
  if (!isPlainObject(item) || !("role" in item)) return false;
  return "content" in item || Array.isArray(item.parts);
}

/** Non-empty Python values (`if x := ...` is false for empty lists, strings and None). */
function truthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === "string") return value !== "";
  if (isPlainObject(value)) return Object.keys(value).length > 0;
  return value !== undefined && value !== null && value !== false && value !== 0;
}

function extractMessages(obj: unknown, depth: number): Array<Record<string, unknown>> | undefined {
  if (Array.isArray(obj)) return obj.filter(isMessage);
  if (!isPlainObject(obj) || depth > 64) return undefined;
  const messages = obj.messages;
  if (truthy(messages) && Array.isArray(messages)) return messages.filter(isMessage);
  const choices = obj.choices;
  if (truthy(choices) && Array.isArray(choices) && isPlainObject(choices[0])) {
    const message = choices[0].message;
    if (truthy(message) && isMessage(message)) return [message];
  }
  const input = obj.input;
  if (truthy(input) && Array.isArray(input)) return input.filter(isMessage);
  const output = obj.output;
  if (truthy(output) && Array.isArray(output)) return output.filter(isMessage);
  if ("request" in obj) return extractMessages(obj.request, depth + 1);
  return undefined;
}

function lastWithRole(messages: Array<Record<string, unknown>>, role: string): Record<string, unknown> {
  for (let i = messages.length - 1; i >= 0; i--) if (messages[i]!.role === role) return messages[i]!;
  return messages[messages.length - 1]!;
}

function messageText(message: Record<string, unknown>): string {
  const content = message.content;
  if (Array.isArray(content)) {
    for (const part of content) {
      if (typeof part === "string") return part;
      if (isPlainObject(part) && (part.type === "text" || part.type === "output_text")) return typeof part.text === "string" ? part.text : "";
    }
  } else if (typeof content === "string") return content;
  const parts = message.parts;
  if (Array.isArray(parts)) {
    for (const part of parts) {
      if (!isPlainObject(part) || part.type !== "text") continue;
      const text = truthy(part.content) ? part.content : part.text;
      if (typeof text === "string") return text;
    }
  }
  return "";
}

/** At most PREVIEW_MAX_LENGTH code points (Python's len), the cut marked with "...". */
function truncate(text: string): string {
  if (text.length <= PREVIEW_MAX_LENGTH) return text;
  const points = Array.from(text);
  if (points.length <= PREVIEW_MAX_LENGTH) return text;
  return `${points.slice(0, PREVIEW_MAX_LENGTH - 3).join("")}...`;
}
