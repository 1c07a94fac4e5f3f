/**
 * CanonicalSpan -> a span in OpenLLMetry's attributes, with the keys of its current releases (Python
 * semconv_ai 0.5, whose MIGRATION.md replaced the `llm.*` keys and the indexed messages; JS 0.27):
 * - model spans: `gen_ai.operation.name` (in place of `llm.request.type`), `gen_ai.provider.name`,
 *   `gen_ai.request.model` / `gen_ai.response.model`, the messages as GenAI JSON in
 *   `gen_ai.input.messages` / `gen_ai.output.messages` (in place of `gen_ai.prompt.N.*` /
 *   `gen_ai.completion.N.*`) with `gen_ai.response.finish_reasons`,
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
import type { Attributes, ChatTool, CanonicalSpan, RetrievedDocument, SpanEvent, SpanType } from "../../canonical/span.js";
import type { SpanLike } from "../../otlp/span-like.js";
import { scopeForEmit } from "../../readers/usage.js";
import { OPENLLMETRY, OPENLLMETRY_EVENT_ATTRIBUTES as EA, OPENLLMETRY_EVENTS } from "./keys.js";
import { safeJsonStringify } from "../../internal/json.js";
import { isPlainObject, setOwn } from "../../internal/records.js";
import type { EmitContext, EmitOptions } from "../types.js";
import { paramValue } from "../../readers/params.js";
import { CURRENT_PARAMS, LLM_PARAMS, unwrapEntity } from "./tables.js";
import { chatChoices, chatMessages } from "../../readers/chat.js";
import { choicesToGenAi, messageToGenAi, toolToGenAi } from "../../readers/genai-parts-write.js";

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

/** 0.5 (MIGRATION.md section 4): one JSON array in `gen_ai.tool.definitions`, in the GenAI tool shape. */
function writeTools(attrs: Attributes, tools: ChatTool[]): void {
  attrs[TOOL_DEFINITIONS] = safeJsonStringify(tools.map(toolToGenAi));
}

const TOOL_DEFINITIONS = "gen_ai.tool.definitions";
const INPUT_MESSAGES = "gen_ai.input.messages";
const OUTPUT_MESSAGES = "gen_ai.output.messages";
const FINISH_REASONS = "gen_ai.response.finish_reasons";

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
    // System messages stay in the list, as the Python instrumentations write them.
    attrs[INPUT_MESSAGES] = safeJsonStringify(messages.map(messageToGenAi));
    writeParams(attrs, inputs!);
  } else if (span.inputs !== undefined) {
    attrs[OPENLLMETRY.entityInput] = entityInput(span.inputs);
  }

  let events = span.events;
  const docs = type === "RETRIEVER" ? documents(span.outputs) : undefined;
  if (choices) {
    // One `{role, parts, finish_reason}` message per choice, the reasons again in gen_ai.response.finish_reasons.
    const { messages: replies, finishReasons } = choicesToGenAi(choices);
    attrs[OUTPUT_MESSAGES] = safeJsonStringify(replies);
    if (finishReasons) attrs[FINISH_REASONS] = finishReasons;
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


  // Python 0.5 writes `gen_ai.is_streaming` on every model call (JS only on streamed ones); written here
  // when nothing else on a model span or a span with messages is OpenLLMetry's (no usage, no OpenLLMetry
  // parameter), so the span stays recognisably OpenLLMetry. It reads back as `inputs.stream`
  // (losses.ts "stream-flag").
  if ((model || messages || choices) && !Object.keys(attrs).some((key) => ctx.conventionOf(key) === "openllmetry")) {
    attrs[OPENLLMETRY.genAiIsStreaming] = inputs?.stream === true;
  }

  const out: SpanLike = { ...ctx.envelope, attributes: attrs };
  if (usage && ctx.envelope.scope) out.scope = scopeForEmit(ctx.envelope.scope);
  if (events !== span.events) out.events = events;
  if (model) out.kind = "CLIENT";
  return out;
}
