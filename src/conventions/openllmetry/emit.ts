/**
 * CanonicalSpan -> a span in OpenLLMetry's attributes, with the keys of its current releases (Python
 * semconv_ai 0.5, whose MIGRATION.md replaced the `llm.*` keys; JS 0.27) and the indexed messages
 * (`gen_ai.prompt.N.*` / `gen_ai.completion.N.*`, which 0.5 keeps and MLflow's TraceloopTranslator reads):
 * - model spans: `gen_ai.operation.name` (in place of `llm.request.type`), `gen_ai.provider.name`,
 *   `gen_ai.request.model` / `gen_ai.response.model`, indexed messages with tool calls,
 *   `gen_ai.tool.definitions` (one JSON array, in place of `llm.request.functions.N.*`), request
 *   parameters under their 0.5 names (`gen_ai.request.*`, `gen_ai.is_streaming`, `gen_ai.user`,
 *   `gen_ai.request.reasoning_effort`, …), and usage as `gen_ai.usage.input_tokens` / `output_tokens` /
 *   `total_tokens`, the dotted cache keys and `gen_ai.usage.reasoning_tokens`;
 * - wrapper spans: `traceloop.span.kind` and `traceloop.entity.input` / `.output` in the SDK's
 *   `{"args", "kwargs"}` envelope; guardrails as JS 0.27 writes them (`gen_ai.operation.name` guard);
 * - retriever spans: one `db.query.result` event per document.
 *
 * Source attributes of no LLM convention, and OpenLLMetry keys this emitter does not write
 * (`traceloop.workflow.name`, `traceloop.entity.name`, association properties, `db.*`), are kept.
 */
import type { Attributes, ChatChoice, ChatMessage, ChatTool, CanonicalSpan, RetrievedDocument, SpanEvent, SpanType } from "../../canonical/span.js";
import type { SpanLike } from "../../otlp/span-like.js";
import { scopeForEmit } from "../../readers/usage.js";
import { OPENLLMETRY, OPENLLMETRY_EVENT_ATTRIBUTES as EA, OPENLLMETRY_EVENTS } from "./keys.js";
import { safeJsonStringify } from "../../internal/json.js";
import { isPlainObject, setOwn } from "../../internal/records.js";
import type { EmitContext, EmitOptions } from "../types.js";
import { paramValue } from "../../readers/params.js";
import { CURRENT_PARAMS, LLM_PARAMS, unwrapEntity } from "./tables.js";
import { chatChoices, chatMessages } from "../../readers/chat.js";

import type { Obj } from "../../internal/records.js";

/** Model span types -> `gen_ai.operation.name` (0.5: `llm.request.type` became the GenAI operation). */
const OPERATION_OF: Partial<Record<SpanType, string>> = {
  CHAT_MODEL: "chat",
  LLM: "text_completion",
  EMBEDDING: "embeddings",
  RERANKER: "rerank",
  // JS SDK 0.27 guard spans carry this operation and no Traceloop kind.
  GUARDRAIL: "guard",
  // The 0.5 LangChain instrumentation's retriever spans.
  RETRIEVER: "vector_db_retrieve",
};

const MODEL_TYPES: ReadonlySet<SpanType> = new Set(["CHAT_MODEL", "LLM", "EMBEDDING", "RERANKER"]);

/**
 * `llm.request.type`, the key 0.5 replaced by `gen_ai.operation.name` but still defines for the
 * instrumentations not yet moved: written only on a model span that would otherwise carry no
 * OpenLLMetry key at all (no messages, usage or parameters), which would not be OpenLLMetry any more.
 */
const LEGACY_REQUEST_TYPE_OF: Partial<Record<SpanType, string>> = {
  CHAT_MODEL: "chat",
  LLM: "completion",
  EMBEDDING: "embedding",
  RERANKER: "rerank",
};

/** Span types with a Traceloop span kind. CHAIN, PARSER, MEMORY and EVALUATOR are written as `task`. */
const SPAN_KIND_OF: Partial<Record<SpanType, string>> = {
  WORKFLOW: "workflow",
  TASK: "task",
  AGENT: "agent",
  TOOL: "tool",
  CHAIN: "task",
  PARSER: "task",
  MEMORY: "task",
  EVALUATOR: "task",
};

/**
 * Types written as `task` whose source `gen_ai.operation.name` (AI SDK 7 `agent_step`, a GenAI memory
 * operation) is kept: it outranks the generic `task` kind when read back, so the type survives.
 */
const KEEPS_SOURCE_OPERATION: ReadonlySet<SpanType> = new Set(["CHAIN", "PARSER", "MEMORY", "EVALUATOR"]);

/** GenAI keys OpenLLMetry writes next to its own and this emitter does not produce: kept. */
const GENAI_KEPT: ReadonlySet<string> = new Set([
  "gen_ai.conversation.id",
  "gen_ai.agent.name",
  "gen_ai.agent.id",
  "gen_ai.agent.description",
  "gen_ai.tool.name",
  "gen_ai.tool.call.id",
  "gen_ai.tool.type",
  "gen_ai.tool.description",
]);

/** OpenLLMetry keys this emitter writes (or derives from canonical fields): a source value is not copied. */
const WRITTEN_PREFIXES = ["gen_ai.prompt.", "gen_ai.completion.", "llm.request.functions.", "llm.usage.", "db.vector.query.result."];
const WRITTEN_KEYS: ReadonlySet<string> = new Set<string>([
  OPENLLMETRY.spanKind,
  OPENLLMETRY.entityInput,
  OPENLLMETRY.entityOutput,
  OPENLLMETRY.requestType,
  OPENLLMETRY.responseFinishReason,
  OPENLLMETRY.responseStopReason,
  OPENLLMETRY.genAiResponseFinishReason,
  OPENLLMETRY.genAiResponseStopReason,
  // Content read into inputs / outputs, written back from them.
  OPENLLMETRY.taskInput,
  OPENLLMETRY.taskOutput,
  OPENLLMETRY.guardrailInput,
  OPENLLMETRY.guardrailOutput,
  OPENLLMETRY.guardrailStatus,
  OPENLLMETRY.guardrailGuardCount,
  OPENLLMETRY.guardrailFailedGuardCount,
  OPENLLMETRY.guardrailErrorType,
  OPENLLMETRY.guardrailErrorMessage,
  ...LLM_PARAMS.map((p) => p.key),
  ...CURRENT_PARAMS.map((p) => p.key),
]);

const OPERATION = "gen_ai.operation.name";

function keepSourceKey(key: string, ctx: EmitContext): boolean {
  const convention = ctx.conventionOf(key);
  if (convention === undefined) return true;
  if (convention === "genai") return GENAI_KEPT.has(key);
  if (convention !== "openllmetry") return false;
  if (WRITTEN_KEYS.has(key)) return false;
  for (const prefix of WRITTEN_PREFIXES) if (key.startsWith(prefix)) return false;
  return true;
}


function documents(value: unknown): RetrievedDocument[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  for (const d of value) if (!isPlainObject(d) || typeof d.page_content !== "string") return undefined;
  return value as RetrievedDocument[];
}

/** Message content as OpenLLMetry writes it: text verbatim, parts as their JSON list. */
function contentAttribute(content: ChatMessage["content"]): string | undefined {
  if (content === null || content === undefined) return undefined;
  if (typeof content === "string") return content;
  return safeJsonStringify(content);
}

function writeMessage(attrs: Attributes, base: string, msg: ChatMessage): void {
  attrs[`${base}.role`] = msg.role;
  const content = contentAttribute(msg.content);
  if (content !== undefined) attrs[`${base}.content`] = content;
  if (typeof msg.tool_call_id === "string") attrs[`${base}.tool_call_id`] = msg.tool_call_id;
  if (typeof msg.name === "string") attrs[`${base}.name`] = msg.name;
  if (Array.isArray(msg.tool_calls)) {
    msg.tool_calls.forEach((call, k) => {
      const fn = isPlainObject(call?.function) ? call.function : undefined;
      if (!fn) return;
      if (typeof call.id === "string" && call.id !== "") attrs[`${base}.tool_calls.${k}.id`] = call.id;
      attrs[`${base}.tool_calls.${k}.name`] = typeof fn.name === "string" ? fn.name : "";
      attrs[`${base}.tool_calls.${k}.arguments`] = typeof fn.arguments === "string" ? fn.arguments : safeJsonStringify(fn.arguments);
    });
  }
}

/** 0.5 (MIGRATION.md section 4): one JSON array in `gen_ai.tool.definitions`, in the GenAI tool shape. */
function writeTools(attrs: Attributes, tools: ChatTool[]): void {
  const defs = tools.map((tool) => {
    const fn = tool.function;
    const def: Obj = { type: "function", name: fn.name };
    if (typeof fn.description === "string") def.description = fn.description;
    if (fn.parameters !== undefined) def.parameters = fn.parameters;
    return def;
  });
  attrs[TOOL_DEFINITIONS] = safeJsonStringify(defs);
}

const TOOL_DEFINITIONS = "gen_ai.tool.definitions";

function writeParams(attrs: Attributes, inputs: Obj): void {
  // The same value kinds as the parsers' (readers/params.ts), so what is written reads back.
  for (const { key, param, kind } of CURRENT_PARAMS) {
    const v = inputs[param];
    const value = v === undefined ? undefined : paramValue(v, kind);
    if (value !== undefined && !(key in attrs)) attrs[key] = value as Attributes[string];
  }
}

function looksLikeEnvelope(value: unknown): boolean {
  return isPlainObject(value) && unwrapEntity(value) !== value;
}

/** The SDK decorators' input envelope; parsing it back gives `inputs` again. */
export function entityInput(inputs: unknown): string {
  if (isPlainObject(inputs) && !looksLikeEnvelope(inputs)) return safeJsonStringify({ args: [], kwargs: inputs });
  return safeJsonStringify({ args: [inputs], kwargs: {} });
}

/**
 * An entity output as the SDKs write it: the JSON of the value, strings included (`"\"done\""`).
 * Only objects shaped like an envelope, which would be unwrapped on the way back, are wrapped in
 * `{"outputs": ...}` (the parser unwraps that one layer).
 */
export function entityOutput(outputs: unknown): string {
  if (isPlainObject(outputs) && looksLikeEnvelope(outputs)) return safeJsonStringify({ outputs });
  return safeJsonStringify(outputs);
}

function resultEvents(docs: RetrievedDocument[], time: string | undefined): SpanEvent[] {
  return docs.map((doc) => {
    const a: Attributes = {};
    if (doc.id !== undefined) a[EA.queryResultId] = doc.id;
    const { score, distance, ...metadata } = doc.metadata ?? {};
    if (typeof score === "number") a[EA.queryResultScore] = score;
    else if (score !== undefined) metadata.score = score;
    if (typeof distance === "number") a[EA.queryResultDistance] = distance;
    else if (distance !== undefined) metadata.distance = distance;
    if (Object.keys(metadata).length > 0) a[EA.queryResultMetadata] = safeJsonStringify(metadata);
    a[EA.queryResultDocument] = doc.page_content;
    const event: SpanEvent = { name: OPENLLMETRY_EVENTS.queryResult, attributes: a };
    if (time !== undefined) event.timeUnixNano = time;
    return event;
  });
}

export function emitOpenLlmetry(span: CanonicalSpan, _options: EmitOptions, ctx: EmitContext): SpanLike {
  const attrs: Attributes = {};
  for (const key of Object.keys(span.attributes)) if (keepSourceKey(key, ctx)) setOwn(attrs, key, span.attributes[key]);

  const type = span.spanType;
  const operation = OPERATION_OF[type];
  const model = MODEL_TYPES.has(type);
  const spanKind = SPAN_KIND_OF[type];
  const inputs = isPlainObject(span.inputs) ? (span.inputs as Obj) : undefined;
  const outputs = isPlainObject(span.outputs) ? (span.outputs as Obj) : undefined;
  const messages = chatMessages(span.inputs);
  const choices = chatChoices(span.outputs);

  if (operation) attrs[OPERATION] = operation;
  else if (KEEPS_SOURCE_OPERATION.has(type) && typeof span.attributes[OPERATION] === "string") attrs[OPERATION] = span.attributes[OPERATION];
  if (spanKind) attrs[OPENLLMETRY.spanKind] = spanKind;

  if (span.provider !== undefined) attrs["gen_ai.provider.name"] = span.provider;
  const requestModel = typeof inputs?.model === "string" ? inputs.model : span.model;
  const responseModel = typeof outputs?.model === "string" ? outputs.model : span.model;
  if (requestModel !== undefined) attrs["gen_ai.request.model"] = requestModel;
  if (responseModel !== undefined) attrs["gen_ai.response.model"] = responseModel;

  if (messages) {
    messages.forEach((m, i) => writeMessage(attrs, `${OPENLLMETRY.prompt}.${i}`, m));
    writeParams(attrs, inputs!);
  } else if (span.inputs !== undefined) {
    attrs[OPENLLMETRY.entityInput] = entityInput(span.inputs);
  }

  let events = span.events;
  const docs = type === "RETRIEVER" ? documents(span.outputs) : undefined;
  if (choices) {
    choices.forEach((c, i) => {
      const base = `${OPENLLMETRY.completion}.${i}`;
      writeMessage(attrs, base, c.message);
      if (typeof c.finish_reason === "string" && c.finish_reason !== "") attrs[`${base}.finish_reason`] = c.finish_reason;
    });
    if (typeof outputs?.id === "string") attrs["gen_ai.response.id"] = outputs.id;
  } else if (docs) {
    const kept = (span.events ?? []).filter((e) => e.name !== OPENLLMETRY_EVENTS.queryResult && e.name !== OPENLLMETRY_EVENTS.searchResult);
    events = [...kept, ...resultEvents(docs, span.endTimeUnixNano ?? span.startTimeUnixNano)];
  } else if (span.outputs !== undefined) {
    attrs[OPENLLMETRY.entityOutput] = entityOutput(span.outputs);
  }

  if (span.tools && span.tools.length > 0) writeTools(attrs, span.tools);

  const usage = span.tokenUsage;
  if (usage) {
    // 0.5: prompt/completion counts are the GenAI input/output keys, the total is gen_ai.usage.total_tokens
    // (not llm.usage.total_tokens), the cache keys are dotted (MIGRATION.md sections 1-3).
    if (usage.input_tokens !== undefined) attrs["gen_ai.usage.input_tokens"] = usage.input_tokens;
    if (usage.output_tokens !== undefined) attrs["gen_ai.usage.output_tokens"] = usage.output_tokens;
    if (usage.total_tokens !== undefined) attrs[OPENLLMETRY.genAiTotalTokens] = usage.total_tokens;
    if (usage.cache_read_input_tokens !== undefined) attrs["gen_ai.usage.cache_read.input_tokens"] = usage.cache_read_input_tokens;
    if (usage.cache_creation_input_tokens !== undefined) attrs["gen_ai.usage.cache_creation.input_tokens"] = usage.cache_creation_input_tokens;
    if (usage.reasoning_tokens !== undefined) attrs["gen_ai.usage.reasoning_tokens"] = usage.reasoning_tokens;
  }

  if (model && !Object.keys(attrs).some((key) => ctx.conventionOf(key) === "openllmetry")) {
    attrs[OPENLLMETRY.requestType] = LEGACY_REQUEST_TYPE_OF[type]!;
  }

  const out: SpanLike = { ...ctx.envelope, attributes: attrs };
  if (usage && ctx.envelope.scope) out.scope = scopeForEmit(ctx.envelope.scope);
  if (events !== span.events) out.events = events;
  if (model) out.kind = "CLIENT";
  return out;
}
