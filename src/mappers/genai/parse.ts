/**
 * The OTel GenAI parser: every non-indexed `gen_ai.*` attribute and the GenAI content events.
 *
 * Three generations of the convention are read, best first (precedence by rank, see context.ts):
 * 1. structured JSON messages (`gen_ai.input.messages`, `gen_ai.output.messages`,
 *    `gen_ai.system_instructions`, `gen_ai.tool.definitions`) — RANK.structured;
 * 2. content events (`gen_ai.{system,user,assistant,tool}.message`, `gen_ai.choice`, and the
 *    `gen_ai.client.inference.operation.details` event) — RANK.events;
 * 3. deprecated raw `gen_ai.prompt` / `gen_ai.completion` strings — RANK.raw.
 * Indexed `gen_ai.prompt.N.*` / `gen_ai.completion.N.*` keys belong to the OpenLLMetry parser and are
 * never read here.
 */
import { consumeUnlessLeftOut, describeValue, normalizeProvider, readString } from "../values.js";
import type { Attributes, ChatChoice, ChatMessage, ContentPart, RetrievedDocument, SpanEvent, SpanType, ToolCall } from "../../span.js";
import { GENAI, GENAI_EVENTS, GENAI_REQUEST_PARAMS, GENAI_USAGE_KEYS } from "../../conventions/genai.js";
import { NORMALIZED_CHAT_FORMAT } from "../../conventions/mlflow.js";
import { isPlainObject, setOwn } from "../../internal/records.js";
import { safeJsonStringify } from "../../internal/json.js";
import { normalizeRole, simplifyContent, toolCall } from "../chat.js";
import { RANK, type ParseContext, type PartialUsage } from "../context.js";
import { GROUP, GENAI_RESPONSE_EXTRA_KEYS, genaiParamGroup, genaiUsageGroup } from "../groups.js";
import { countSources, readCounts } from "../usage.js";
import {
  finishReasonToCanonical,
  inputMessagesFromGenAi,
  normalizePart,
  outputChoicesFromGenAi,
  parseMaybeJson,
  responseText,
  systemFromGenAi,
  toolsFromGenAi,
} from "./messages.js";

import type { Obj } from "../../internal/records.js";

/** `gen_ai.operation.name` -> MLflow span type. Values not listed get an `unknown-operation` diagnostic. */
export const GENAI_OPERATION_SPAN_TYPES: Readonly<Record<string, SpanType>> = {
  chat: "CHAT_MODEL",
  text_completion: "LLM",
  generate_content: "LLM",
  // Not in the spec; MLflow's own GenAI translator maps it (OpenAI Responses API instrumentations).
  response: "LLM",
  embeddings: "EMBEDDING",
  execute_tool: "TOOL",
  create_agent: "AGENT",
  invoke_agent: "AGENT",
  plan: "AGENT",
  invoke_workflow: "WORKFLOW",
  retrieval: "RETRIEVER",
  // Not in the spec; seen in vector-store and rerank instrumentations.
  search: "RETRIEVER",
  rerank: "RERANKER",
};

function spanTypeOfOperation(operation: string): SpanType | undefined {
  if (Object.prototype.hasOwnProperty.call(GENAI_OPERATION_SPAN_TYPES, operation)) return GENAI_OPERATION_SPAN_TYPES[operation];
  if (operation.includes("memory")) return "MEMORY";
  return undefined;
}

export function parseGenAi(ctx: ParseContext): void {
  const operation = readString(ctx, GENAI.operation);
  if (operation !== undefined) {
    ctx.consume(GENAI.operation);
    const type = spanTypeOfOperation(operation);
    if (type) ctx.offer("spanType", type, RANK.operation, "genai");
    else {
      ctx.diagnose("unknown-operation", "info", `${GENAI.operation} "${operation}" is not a known GenAI operation; the span type is inferred from the other attributes`, GENAI.operation);
    }
  }

  readProvider(ctx);
  const requestModel = readString(ctx, GENAI.requestModel);
  const responseModel = readString(ctx, GENAI.responseModel);
  if (requestModel !== undefined) ctx.consume(GENAI.requestModel);
  if (responseModel !== undefined) ctx.consume(GENAI.responseModel);
  const model = responseModel ?? requestModel;
  if (model !== undefined) ctx.offer("model", model, RANK.structured, "genai");

  const params: Obj = {};
  if (requestModel !== undefined) params.model = requestModel;
  readParams(ctx, params);

  readUsage(ctx, operation === "embeddings");

  if (ctx.has(GENAI.toolDefinitions)) {
    const parsed = ctx.json(GENAI.toolDefinitions);
    if (parsed.ok) {
      const before = ctx.diagnostics.length;
      const tools = toolsFromGenAi(parsed.value, ctx, GENAI.toolDefinitions);
      if (tools) {
        consumeUnlessLeftOut(ctx, GENAI.toolDefinitions, before);
        ctx.offer("tools", tools, RANK.structured, "genai");
      }
    }
  }

  const finishReasons = readFinishReasons(ctx);
  let hasChat = false;

  // 1. Structured messages on the span.
  const structured = readStructured(ctx, undefined);
  if (structured.messages) {
    ctx.offer("inputs", { messages: structured.messages }, RANK.structured, "genai");
    hasChat = true;
  }
  if (structured.choices) {
    ctx.offer("outputs", { choices: withFinishReasons(structured.choices, finishReasons) }, RANK.structured, "genai");
    hasChat = true;
  }

  // 2. Content events.
  if (ctx.events.length > 0 && readEvents(ctx, finishReasons)) hasChat = true;

  // 3. Deprecated raw strings.
  if (readDeprecatedContent(ctx, finishReasons)) hasChat = true;

  // Tool execution and retrieval spans.
  const isTool = readToolExecution(ctx);
  const isRetrieval = readRetrieval(ctx);

  // No output content at all, but the span says how generation ended: record the choices' ends.
  if (!ctx.current("outputs") && finishReasons && finishReasons.length > 0 && !isTool) {
    const choices = finishReasons.map((reason, index) => ({ index, message: { role: "assistant", content: null }, finish_reason: finishReasonToCanonical(reason) }));
    ctx.offer("outputs", { choices }, RANK.inferred, "genai");
  }
  const anyParams = hasAnyKey(params);
  if (!ctx.current("inputs") && anyParams) ctx.offer("inputs", {}, RANK.inferred, "genai");

  if (anyParams) mergeParams(ctx, params);
  mergeResponse(ctx, responseModel);
  if (hasChat) ctx.offer("messageFormat", NORMALIZED_CHAT_FORMAT, RANK.structured, "genai");
  inferSpanType(ctx, hasChat, isTool, isRetrieval);
}

// ---------------------------------------------------------------------------------------------
// Scalars




function readProvider(ctx: ParseContext): void {
  const provider = readString(ctx, GENAI.provider);
  const system = readString(ctx, GENAI.system);
  if (provider !== undefined) ctx.consume(GENAI.provider);
  if (system !== undefined) ctx.consume(GENAI.system);
  const value = provider ?? system;
  if (value !== undefined) ctx.offer("provider", normalizeProvider(value), provider !== undefined ? RANK.structured : RANK.raw, "genai");
}

/** Adds the valid request parameters to `params`; a key already there (the request model) is kept. */
/** The group (groups.ts) of each entry of GENAI_REQUEST_PARAMS, in its order. */
const PARAM_GROUPS: readonly number[] = GENAI_REQUEST_PARAMS.map((p) => genaiParamGroup(p.key));

function readParams(ctx: ParseContext, params: Obj): void {
  const groups = ctx.groups;
  if ((groups & (GROUP.genaiParams | GROUP.genaiParamsMore)) === 0) return;
  for (let i = 0; i < GENAI_REQUEST_PARAMS.length; i++) {
    const { key, param, kind } = GENAI_REQUEST_PARAMS[i]!;
    if ((groups & PARAM_GROUPS[i]!) === 0 || !ctx.has(key)) continue;
    let value: unknown = ctx.get(key);
    let ok = false;
    switch (kind) {
      case "number":
        ok = typeof value === "number";
        break;
      case "int":
        ok = typeof value === "number" && Number.isInteger(value);
        break;
      case "boolean":
        ok = typeof value === "boolean";
        break;
      case "strings":
        if (typeof value === "string") {
          const parsed = parseMaybeJson(value);
          value = parsed.ok && Array.isArray(parsed.value) ? parsed.value : [value];
        }
        ok = Array.isArray(value) && value.every((v) => typeof v === "string");
        break;
      case "any":
        ok = value !== null && value !== undefined;
        if (typeof value === "string") {
          const parsed = parseMaybeJson(value);
          if (parsed.ok && parsed.value !== null && typeof parsed.value === "object") value = parsed.value;
        }
        break;
    }
    if (!ok) {
      ctx.diagnose("invalid-value", "warning", `${key} has the wrong type (${describeValue(value)}); left out of inputs`, key);
      continue;
    }
    ctx.consume(key);
    // The generic key wins over a deprecated vendor spelling of the same parameter.
    if (!(param in params)) params[param] = Array.isArray(value) ? [...value] : value;
  }
}

function hasAnyKey(record: Obj): boolean {
  for (const _ in record) return true;
  return false;
}

/** GENAI_USAGE_KEYS as count sources, built once. */
const USAGE_SOURCES = countSources(GENAI_USAGE_KEYS, genaiUsageGroup);

function readUsage(ctx: ParseContext, embeddings: boolean): void {
  if ((ctx.groups & (GROUP.genaiUsage | GROUP.genaiUsageMore)) === 0) return;
  const usage = readCounts(ctx, USAGE_SOURCES);
  if (usage === undefined) return;
  // Embeddings produce no tokens: a missing output count is a real zero, not a gap.
  if (embeddings && usage.output_tokens === undefined) usage.output_tokens = 0;
  adjustAnthropicCache(ctx, usage);
  // Another convention on the span may have offered a partial usage (OpenLLMetry's
  // `llm.usage.total_tokens`): fill the gaps in whichever candidate wins, never change a count.
  const current = ctx.current("tokenUsage");
  if (current) {
    // for-in over these small plain records: Object.entries would allocate a pair per count.
    const other = current.value;
    let k: keyof PartialUsage;
    for (k in usage) if (other[k] === undefined) other[k] = usage[k];
    for (k in other) if (usage[k] === undefined && other[k] !== undefined) usage[k] = other[k];
  }
  ctx.offer("tokenUsage", usage, RANK.structured, "genai");
}

/**
 * The spec says `gen_ai.usage.input_tokens` includes cached tokens. Instrumentations that copy
 * Anthropic's `usage.input_tokens` (OpenLLMetry) report the uncached part only; when the cache counts
 * alone exceed the input count that cannot be the spec meaning, so the cache counts are added back
 * (and a total that was input + output follows).
 */
function adjustAnthropicCache(ctx: ParseContext, usage: PartialUsage): void {
  const input = usage.input_tokens;
  if (input === undefined) return;
  const cached = (usage.cache_read_input_tokens ?? 0) + (usage.cache_creation_input_tokens ?? 0);
  if (cached === 0 || input >= cached) return;
  const adjusted = input + cached;
  if (usage.total_tokens !== undefined && usage.output_tokens !== undefined && usage.total_tokens === input + usage.output_tokens) {
    usage.total_tokens = adjusted + usage.output_tokens;
  }
  usage.input_tokens = adjusted;
  ctx.diagnose(
    "usage-cache-added",
    "info",
    `${GENAI.inputTokens} (${input}) is smaller than the cache counts (${cached}), so it excludes cached tokens (Anthropic's meaning); input_tokens is recorded as ${adjusted} to include them`,
    GENAI.inputTokens,
  );
}

function readFinishReasons(ctx: ParseContext): string[] | undefined {
  if (!ctx.has(GENAI.finishReasons)) return undefined;
  let value: unknown = ctx.get(GENAI.finishReasons);
  if (typeof value === "string") {
    const parsed = parseMaybeJson(value);
    value = parsed.ok && Array.isArray(parsed.value) ? parsed.value : [value];
  }
  if (!Array.isArray(value) || !value.every((v) => typeof v === "string")) {
    ctx.diagnose("invalid-value", "warning", `${GENAI.finishReasons} should be an array of strings, got ${describeValue(value)}`, GENAI.finishReasons);
    return undefined;
  }
  ctx.consume(GENAI.finishReasons);
  return value as string[];
}

function withFinishReasons(choices: ChatChoice[], reasons: string[] | undefined): ChatChoice[] {
  if (!reasons) return choices;
  for (const c of choices) if (c.finish_reason === null && reasons[c.index] !== undefined) c.finish_reason = finishReasonToCanonical(reasons[c.index]);
  return choices;
}

// ---------------------------------------------------------------------------------------------
// Structured messages (span attributes, or the attributes of an operation-details event)

/**
 * The structured keys from the span (`event` undefined: parsed once through the context cache and
 * consumed) or from the attributes of an operation-details event (not consumed: events are kept whole).
 */
function lookupStructured(ctx: ParseContext, event: Attributes | undefined, key: string): { ok: true; value: unknown } | { ok: false } {
  if (event === undefined) return ctx.has(key) ? ctx.json(key) : NOT_FOUND;
  return Object.prototype.hasOwnProperty.call(event, key) ? parseMaybeJson(event[key]) : NOT_FOUND;
}

const NOT_FOUND = { ok: false } as const;

function readStructured(ctx: ParseContext, event: Attributes | undefined): { messages?: ChatMessage[]; choices?: ChatChoice[] } {
  const consume = event === undefined;
  const out: { messages?: ChatMessage[]; choices?: ChatChoice[] } = {};
  let system: ChatMessage | undefined;
  const sys = lookupStructured(ctx, event, GENAI.systemInstructions);
  if (sys.ok) {
    const before = ctx.diagnostics.length;
    system = systemFromGenAi(sys.value, ctx, GENAI.systemInstructions);
    if (system && consume) consumeUnlessLeftOut(ctx, GENAI.systemInstructions, before);
  }
  const input = lookupStructured(ctx, event, GENAI.inputMessages);
  let messages: ChatMessage[] | undefined;
  if (input.ok) {
    const before = ctx.diagnostics.length;
    messages = inputMessagesFromGenAi(input.value, ctx, GENAI.inputMessages);
    if (messages && consume) consumeUnlessLeftOut(ctx, GENAI.inputMessages, before);
  }
  if (system || messages) out.messages = system ? [system, ...(messages ?? [])] : messages!;
  const output = lookupStructured(ctx, event, GENAI.outputMessages);
  if (output.ok) {
    const before = ctx.diagnostics.length;
    const choices = outputChoicesFromGenAi(output.value, ctx, GENAI.outputMessages);
    if (choices) {
      out.choices = choices;
      if (consume) consumeUnlessLeftOut(ctx, GENAI.outputMessages, before);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Content events

const MESSAGE_EVENT_ROLES: Readonly<Record<string, string>> = {
  [GENAI_EVENTS.system]: "system",
  [GENAI_EVENTS.user]: "user",
  [GENAI_EVENTS.assistant]: "assistant",
  [GENAI_EVENTS.tool]: "tool",
};

/** The event body: a log record's `body`, an older `gen_ai.event.content` JSON string, or the attributes. */
function eventBody(attributes: Attributes): Obj {
  const body = attributes.body;
  if (isPlainObject(body)) return body;
  if (typeof body === "string") {
    const parsed = parseMaybeJson(body);
    return parsed.ok && isPlainObject(parsed.value) ? parsed.value : { content: body };
  }
  const legacy = attributes["gen_ai.event.content"];
  if (typeof legacy === "string") {
    const parsed = parseMaybeJson(legacy);
    if (parsed.ok && isPlainObject(parsed.value)) return parsed.value;
  }
  return attributes as Obj;
}

/** Event content: a string, a list of parts (OpenAI or GenAI shapes), or anything else as JSON. */
function eventContent(content: unknown): string | ContentPart[] | null {
  if (content === undefined || content === null) return null;
  if (typeof content === "string") return content;
  if (Array.isArray(content)) {
    const parts: ContentPart[] = content.map((item) => {
      const part = normalizePart(item);
      if (isPlainObject(part) && (part as Obj).type === "text" && typeof (part as Obj).content === "string") {
        return { type: "text", text: (part as Obj).content as string };
      }
      return (isPlainObject(part) && typeof (part as Obj).type === "string" ? part : { type: "text", text: safeJsonStringify(item) }) as ContentPart;
    });
    return simplifyContent(parts);
  }
  return safeJsonStringify(content);
}

function eventToolCalls(value: unknown): ToolCall[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const calls: ToolCall[] = [];
  for (const raw of value) {
    if (!isPlainObject(raw)) continue;
    const call = raw as Obj;
    const fn = isPlainObject(call.function) ? (call.function as Obj) : call;
    calls.push(toolCall(typeof call.id === "string" ? call.id : undefined, typeof fn.name === "string" ? fn.name : "", fn.arguments));
  }
  return calls.length > 0 ? calls : undefined;
}

function eventMessage(role: string, body: Obj, ctx: ParseContext, eventName: string): ChatMessage {
  const bodyRole = typeof body.role === "string" && body.role !== "" ? normalizeRole(body.role, ctx, eventName) : role;
  const msg: ChatMessage = { role: bodyRole, content: eventContent(body.content) };
  const calls = eventToolCalls(body.tool_calls);
  if (calls) msg.tool_calls = calls;
  if (bodyRole === "tool") {
    const id = body.id ?? body.tool_call_id;
    if (typeof id === "string") msg.tool_call_id = id;
    if (msg.content !== null && typeof msg.content !== "string") msg.content = responseText(msg.content);
  }
  return msg;
}

function readEvents(ctx: ParseContext, finishReasons: string[] | undefined): boolean {
  const messages: ChatMessage[] = [];
  const choices: ChatChoice[] = [];
  let found = false;
  let withoutContent = 0;
  let details: SpanEvent | undefined;
  for (const event of ctx.events) {
    const name = event.name;
    if (typeof name !== "string" || !name.startsWith("gen_ai.")) continue;
    if (name === GENAI_EVENTS.operationDetails) {
      details ??= event;
      continue;
    }
    const attributes = isPlainObject(event.attributes) ? event.attributes : {};
    if (Object.prototype.hasOwnProperty.call(MESSAGE_EVENT_ROLES, name)) {
      const body = eventBody(attributes);
      const msg = eventMessage(MESSAGE_EVENT_ROLES[name]!, body, ctx, name);
      if (msg.content === null && !msg.tool_calls) withoutContent++;
      messages.push(msg);
      found = true;
    } else if (name === GENAI_EVENTS.choice) {
      const body = eventBody(attributes);
      const inner = isPlainObject(body.message) ? (body.message as Obj) : body;
      const msg = eventMessage("assistant", inner, ctx, name);
      if (msg.content === null && !msg.tool_calls) withoutContent++;
      const index = typeof body.index === "number" && Number.isInteger(body.index) && body.index >= 0 ? body.index : choices.length;
      choices.push({ index, message: msg, finish_reason: finishReasonToCanonical(body.finish_reason) });
      found = true;
    }
  }
  if (messages.length > 0) ctx.offer("inputs", { messages }, RANK.events, "genai");
  if (choices.length > 0) {
    choices.sort((a, b) => a.index - b.index);
    ctx.offer("outputs", { choices: withFinishReasons(choices, finishReasons) }, RANK.events, "genai");
  }
  if (withoutContent > 0) {
    ctx.diagnose("content-not-captured", "info", `${withoutContent} GenAI content event(s) carry no message content (content capture is off in the instrumentation); their messages have content null`);
  }
  if (details) {
    const attributes = isPlainObject(details.attributes) ? details.attributes : {};
    const structured = readStructured(ctx, attributes);
    const reasons = finishReasons ?? eventFinishReasons(attributes);
    if (structured.messages) ctx.offer("inputs", { messages: structured.messages }, RANK.events, "genai");
    if (structured.choices) ctx.offer("outputs", { choices: withFinishReasons(structured.choices, reasons) }, RANK.events, "genai");
    if (structured.messages || structured.choices) found = true;
  }
  return found;
}

function eventFinishReasons(attributes: Attributes): string[] | undefined {
  const value = attributes[GENAI.finishReasons];
  return Array.isArray(value) && value.every((v) => typeof v === "string") ? (value as string[]) : undefined;
}

// ---------------------------------------------------------------------------------------------
// Deprecated `gen_ai.prompt` / `gen_ai.completion`

/** A deprecated content string: a JSON list of `{role, content}` messages, one such message, or plain text. */
function legacyMessages(value: unknown, defaultRole: string, ctx: ParseContext, key: string): ChatMessage[] | undefined {
  let parsed: unknown = value;
  if (typeof value === "string") {
    const json = parseMaybeJson(value);
    parsed = json.ok && json.value !== null && typeof json.value === "object" ? json.value : value;
  }
  if (typeof parsed === "string") return [{ role: defaultRole, content: parsed }];
  const list = Array.isArray(parsed) ? parsed : [parsed];
  const out: ChatMessage[] = [];
  for (const item of list) {
    if (!isPlainObject(item)) continue;
    const m = item as Obj;
    if (Array.isArray(m.parts)) {
      const converted = inputMessagesFromGenAi([m], ctx, key);
      if (converted) out.push(...converted);
      continue;
    }
    out.push(eventMessage(typeof m.role === "string" ? normalizeRole(m.role, ctx, key) : defaultRole, m, ctx, key));
  }
  if (out.length === 0) {
    ctx.diagnose("invalid-value", "warning", `${key} is neither text nor a list of messages; kept raw`, key);
    return undefined;
  }
  return out;
}

function readDeprecatedContent(ctx: ParseContext, finishReasons: string[] | undefined): boolean {
  if ((ctx.groups & GROUP.genaiLegacyContent) === 0) return false;
  let found = false;
  if (ctx.has(GENAI.prompt)) {
    const messages = legacyMessages(ctx.get(GENAI.prompt), "user", ctx, GENAI.prompt);
    if (messages) {
      ctx.consume(GENAI.prompt);
      ctx.offer("inputs", { messages }, RANK.raw, "genai");
      found = true;
    }
  }
  if (ctx.has(GENAI.completion)) {
    const messages = legacyMessages(ctx.get(GENAI.completion), "assistant", ctx, GENAI.completion);
    if (messages) {
      ctx.consume(GENAI.completion);
      const choices = messages.map((message, index) => ({ index, message, finish_reason: null }));
      ctx.offer("outputs", { choices: withFinishReasons(choices, finishReasons) }, RANK.raw, "genai");
      found = true;
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Tool execution spans

function readToolExecution(ctx: ParseContext): boolean {
  if ((ctx.groups & GROUP.genaiTool) === 0) return false;
  const call = readToolValue(ctx, GENAI.toolCallArguments, "inputs");
  const result = readToolValue(ctx, GENAI.toolCallResult, "outputs");
  return call || result || ctx.has(GENAI.toolName) || ctx.has(GENAI.toolCallId);
}

function readToolValue(ctx: ParseContext, key: string, field: "inputs" | "outputs"): boolean {
  if (!ctx.has(key)) return false;
  const parsed = ctx.jsonOrString(key);
  if (!parsed.ok) return false;
  ctx.consume(key);
  ctx.offer(field, parsed.value, RANK.structured, "genai");
  return true;
}

// ---------------------------------------------------------------------------------------------
// Retrieval spans

/**
 * `gen_ai.retrieval.query.text` -> inputs (the query, as the other conventions' retriever inputs) and
 * `gen_ai.retrieval.documents` -> outputs as MLflow documents. The spec's document is `{id, score}` plus
 * any other property: `content` (or `text`) becomes `page_content`, the rest metadata.
 */
function readRetrieval(ctx: ParseContext): boolean {
  if ((ctx.groups & GROUP.genaiRetrieval) === 0) return false;
  let found = false;
  const query = ctx.get(GENAI.retrievalQueryText);
  if (typeof query === "string") {
    ctx.consume(GENAI.retrievalQueryText);
    ctx.offer("inputs", query, RANK.structured, "genai");
    found = true;
  } else if (query !== undefined) {
    ctx.diagnose("invalid-value", "warning", `${GENAI.retrievalQueryText} should be a string, got ${describeValue(query)}`, GENAI.retrievalQueryText);
  }
  if (!ctx.has(GENAI.retrievalDocuments)) return found;
  const parsed = ctx.json(GENAI.retrievalDocuments);
  if (!parsed.ok) return found;
  if (!Array.isArray(parsed.value)) {
    ctx.diagnose("invalid-value", "warning", `${GENAI.retrievalDocuments} should be a JSON array of documents, got ${describeValue(parsed.value)}; kept raw`, GENAI.retrievalDocuments);
    return found;
  }
  const documents: RetrievedDocument[] = [];
  let skipped = 0;
  for (const raw of parsed.value) {
    if (!isPlainObject(raw)) {
      skipped++;
      continue;
    }
    const { id, score, content, text, ...rest } = raw as Obj;
    const body = content !== undefined ? content : text;
    const metadata: Obj = {};
    if (score !== undefined) metadata.score = score;
    if (content !== undefined && text !== undefined) metadata.text = text;
    for (const k of Object.keys(rest)) setOwn(metadata, k, rest[k]);
    const pageContent = typeof body === "string" ? body : body === undefined || body === null ? "" : safeJsonStringify(body);
    // Key order as MLflow's documents print: id, page_content, metadata.
    if (typeof id === "string" || typeof id === "number") documents.push({ id: String(id), page_content: pageContent, metadata });
    else {
      if (id !== undefined) metadata.id = id;
      documents.push({ page_content: pageContent, metadata });
    }
  }
  if (skipped > 0) {
    ctx.diagnose("invalid-document", "warning", `${skipped} of ${parsed.value.length} entries of ${GENAI.retrievalDocuments} are not document objects; they are left out (kept in the attribute)`, GENAI.retrievalDocuments);
    ctx.keep(GENAI.retrievalDocuments);
  } else ctx.consume(GENAI.retrievalDocuments);
  ctx.offer("outputs", documents, RANK.structured, "genai");
  return true;
}

// ---------------------------------------------------------------------------------------------
// Merging request parameters and response metadata into the winning inputs/outputs

function mergeParams(ctx: ParseContext, params: Obj): void {
  const current = ctx.current("inputs");
  if (!current || current.rank >= RANK.mlflow || !isPlainObject(current.value)) return;
  const inputs = current.value as Obj;
  // Tool arguments are the tool's own inputs; only chat-like inputs take request parameters.
  if (!Array.isArray(inputs.messages) && Object.keys(inputs).length > 0) return;
  for (const k in params) if (!(k in inputs)) inputs[k] = params[k];
}

function mergeResponse(ctx: ParseContext, responseModel: string | undefined): void {
  const current = ctx.current("outputs");
  if (!current || current.rank >= RANK.mlflow || !isPlainObject(current.value)) return;
  const outputs = current.value as Obj;
  if (!Array.isArray(outputs.choices)) return;
  const extra: Obj = {};
  const id = ctx.has(GENAI.responseId) ? ctx.get(GENAI.responseId) : undefined;
  if (typeof id === "string" && id !== "") {
    ctx.consume(GENAI.responseId);
    extra.id = id;
  } else if (id !== undefined) {
    ctx.diagnose("invalid-value", "warning", `${GENAI.responseId} should be a non-empty string, got ${describeValue(id)}`, GENAI.responseId);
  }
  if (responseModel !== undefined) extra.model = responseModel;
  for (let i = 0; (ctx.groups & GROUP.genaiResponseExtras) !== 0 && i < RESPONSE_EXTRAS.length; i += 2) {
    const key = RESPONSE_EXTRAS[i]!;
    const name = RESPONSE_EXTRAS[i + 1]!;
    const v = ctx.get(key);
    if (typeof v === "string" && !(name in extra)) {
      extra[name] = v;
      ctx.consume(key);
    }
  }
  if (!hasAnyKey(extra)) return;
  // Response metadata first, as in an OpenAI chat completion object. A new object replaces the
  // candidate's value: emptying the old one with delete would leave V8 a slow dictionary object.
  const merged: Obj = {};
  for (const k in extra) merged[k] = extra[k];
  // An own "__proto__" (JSON from the wire) is left out, as copying through assignment always did.
  for (const k in outputs) if (!(k in extra) && k !== "__proto__") merged[k] = outputs[k];
  ctx.replace("outputs", merged);
}

/** Pairs of (attribute key, outputs field) of response metadata (the keys of GROUP.genaiResponseExtras). */
const RESPONSE_EXTRAS: readonly string[] = GENAI_RESPONSE_EXTRA_KEYS.flatMap((key) => [key, key.endsWith("system_fingerprint") ? "system_fingerprint" : "service_tier"]);

function inferSpanType(ctx: ParseContext, hasChat: boolean, isTool: boolean, isRetrieval: boolean): void {
  let type: SpanType | undefined;
  if (hasChat) type = "CHAT_MODEL";
  else if (isRetrieval) type = "RETRIEVER";
  else if (ctx.current("tokenUsage") || ctx.has(GENAI.requestModel)) type = "LLM";
  else if (isTool) type = "TOOL";
  else if ((ctx.groups & GROUP.genaiAgent) !== 0 && (ctx.has(GENAI.agentName) || ctx.has(GENAI.agentId))) type = "AGENT";
  if (type) ctx.offer("spanType", type, RANK.inferred, "genai");
}
