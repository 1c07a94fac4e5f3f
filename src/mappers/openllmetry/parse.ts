/**
 * The OpenLLMetry (Traceloop) parser. What it reads, and at which rank (context.ts RANK):
 * - `traceloop.span.kind` -> span type (explicitKind);
 * - `llm.request.type` -> span type (operation);
 * - indexed `gen_ai.prompt.N.*` / `gen_ai.completion.N.*` -> chat messages and choices, and
 *   `llm.request.functions.N.*` -> tools (flattened); `llm.*` request parameters join the messages;
 * - `llm.usage.total_tokens` -> a partial usage (flattened), which the GenAI parser completes with the
 *   `gen_ai.usage.*` counts of the same span;
 * - vector-database result events / keys -> RETRIEVER documents (events);
 * - `traceloop.entity.input` / `.output` -> inputs/outputs with the SDK envelopes unwrapped (raw).
 *
 * Non-indexed `gen_ai.*` keys (model, provider, `gen_ai.usage.*`, `gen_ai.request.*`, structured
 * messages) are the GenAI parser's, which runs after this one on the same context.
 */
import type { AttributeValue, ChatChoice, ChatMessage, ChatTool, ContentPart, RetrievedDocument, SpanType, ToolCall } from "../../span.js";
import { OPENLLMETRY, OPENLLMETRY_EVENT_ATTRIBUTES as EA, OPENLLMETRY_EVENTS } from "../../conventions/openllmetry.js";
import { NORMALIZED_CHAT_FORMAT } from "../../conventions/mlflow.js";
import { looksLikeJsonContainer, safeJsonParse, safeJsonStringify } from "../../internal/json.js";
import { isPlainObject } from "../../internal/records.js";
import { parseIndex, unflattenIndexed, type TreeValue } from "../../internal/unflatten.js";
import { choice, message, normalizeRole, toolCall } from "../chat.js";
import { RANK, type ParseContext } from "../context.js";
import { GROUP } from "../groups.js";
import { countSources, readCounts, toCount } from "../usage.js";
import { readJsonValue } from "../values.js";
import { convertContent } from "./content.js";
import { fromLangChain, unwrapRunValue } from "../langchain.js";
import { insertPath, parseKeyPath, type IndexedFamily, type KeyPath, type LeafObjects } from "../../internal/indexed.js";

import type { Obj } from "../../internal/records.js";

/** `traceloop.span.kind` -> MLflow span type. `unknown` (and `llm`) give no type here. */
export const SPAN_KIND_TYPES: Readonly<Record<string, SpanType>> = {
  workflow: "WORKFLOW",
  task: "TASK",
  agent: "AGENT",
  tool: "TOOL",
  // JS SDK only; a conversation wrapper, closest to a chain.
  session: "CHAIN",
};

/** `llm.request.type` -> MLflow span type. */
export const REQUEST_TYPE_TYPES: Readonly<Record<string, SpanType>> = {
  chat: "CHAT_MODEL",
  completion: "LLM",
  embedding: "EMBEDDING",
  rerank: "RERANKER",
};

/** `llm.*` request parameters -> OpenAI-style names in canonical `inputs`. */
export const LLM_PARAMS: readonly { key: string; param: string; kind: "number" | "boolean" | "string" | "stop" }[] = [
  { key: OPENLLMETRY.topK, param: "top_k", kind: "number" },
  { key: OPENLLMETRY.frequencyPenalty, param: "frequency_penalty", kind: "number" },
  { key: OPENLLMETRY.presencePenalty, param: "presence_penalty", kind: "number" },
  { key: OPENLLMETRY.repetitionPenalty, param: "repetition_penalty", kind: "number" },
  { key: OPENLLMETRY.stopSequences, param: "stop", kind: "stop" },
  { key: OPENLLMETRY.isStreaming, param: "stream", kind: "boolean" },
  { key: OPENLLMETRY.user, param: "user", kind: "string" },
];

const own = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

function lookup<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return own(table, key) ? table[key] : undefined;
}

function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (value instanceof Uint8Array) return "bytes";
  return Array.isArray(value) ? "an array" : value === null ? "null" : typeof value;
}

export function parseOpenLlmetry(ctx: ParseContext): void {
  readSpanKind(ctx);
  readRequestType(ctx);

  // One pass over the keys: each indexed family's keys, and its tree when they are regular
  // (src/internal/indexed.ts), so no family needs another scan or `unflattenIndexed`.
  let prompts: IndexedFamily | undefined;
  let completions: IndexedFamily | undefined;
  let functions: IndexedFamily | undefined;
  let vectorResults: IndexedFamily | undefined;
  const attributes = ctx.attributes;
  const leaves: LeafObjects = { set: undefined };
  const keys = ctx.keys;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const c = key.charCodeAt(0);
    // g(en_ai.prompt/completion.), l(lm.request.functions.), d(b.vector.query.result.)
    if (c !== 0x67 && c !== 0x6c && c !== 0x64) continue;
    const info = familyKey(key);
    if (info === null) continue;
    let family: IndexedFamily;
    if (info.family === PROMPTS) family = prompts ??= { items: [], keys: [] };
    else if (info.family === COMPLETIONS) family = completions ??= { items: [], keys: [] };
    else if (info.family === FUNCTIONS) family = functions ??= { items: [], keys: [] };
    else family = vectorResults ??= { items: [], keys: [] };
    family.keys.push(key);
    if (family.items !== undefined) {
      const path = info.path;
      if (path === undefined || !insertPath(family.items, path, attributes[key] as TreeValue, leaves)) family.items = undefined;
    }
  }

  let chat = false;
  if (prompts) {
    const messages = readMessages(ctx, OPENLLMETRY.prompt, prompts, "user");
    if (messages) {
      const inputs: Obj = { messages: messages.map((m) => m.message) };
      Object.assign(inputs, readParams(ctx));
      ctx.offer("inputs", inputs, RANK.flattened, "openllmetry");
      chat = true;
    }
  }
  if (completions) {
    const messages = readMessages(ctx, OPENLLMETRY.completion, completions, "assistant");
    if (messages) {
      const fallbackReason = messages.length === 1 ? spanFinishReason(ctx) : undefined;
      const choices: ChatChoice[] = messages.map((m, index) => choice(index, m.message, canonicalFinishReason(m.finishReason ?? fallbackReason)));
      ctx.offer("outputs", { choices }, RANK.flattened, "openllmetry");
      chat = true;
    }
  }
  if (!chat) {
    const params = readParams(ctx);
    if (Object.keys(params).length > 0) ctx.offer("inputs", params, RANK.inferred, "openllmetry");
  }
  if (chat) ctx.offer("messageFormat", NORMALIZED_CHAT_FORMAT, RANK.flattened, "openllmetry");
  if (functions) readFunctions(ctx, functions);

  readUsage(ctx);
  readRetrieval(ctx, vectorResults);
  readEntity(ctx, OPENLLMETRY.entityInput, "inputs");
  readEntity(ctx, OPENLLMETRY.entityOutput, "outputs");

  if (chat) ctx.offer("spanType", "CHAT_MODEL", RANK.inferred, "openllmetry");
  else if ((ctx.groups & GROUP.openllmetryUsage) !== 0 && ctx.has(OPENLLMETRY.totalTokens)) ctx.offer("spanType", "LLM", RANK.inferred, "openllmetry");
}

const PROMPTS = 0;
const COMPLETIONS = 1;
const FUNCTIONS = 2;
const VECTOR_RESULTS = 3;

/** The indexed families, by the prefix their keys start with. */
const FAMILY_PREFIXES: readonly (readonly [string, number])[] = [
  [OPENLLMETRY.prompt + ".", PROMPTS],
  [OPENLLMETRY.completion + ".", COMPLETIONS],
  [OPENLLMETRY.requestFunctions + ".", FUNCTIONS],
  [OPENLLMETRY.vectorDbQueryResult + ".", VECTOR_RESULTS],
];

interface FamilyKey {
  family: number;
  /** Undefined when the key cannot be expanded by the fast path (src/internal/indexed.ts). */
  path: KeyPath | undefined;
}

/**
 * Which indexed family a key belongs to, with its parsed path (read-only, so one array serves every
 * span), or null. Instrumentations write the same keys on every span, so this is cached per key
 * (as OpenInference's listKey is) instead of two startsWith and a path array per key per span;
 * bounded, so a stream of unique hostile keys cannot grow it.
 */
const FAMILY_KEY_CACHE = new Map<string, FamilyKey | null>();
const FAMILY_KEY_CACHE_LIMIT = 4096;

function familyKey(key: string): FamilyKey | null {
  const cached = FAMILY_KEY_CACHE.get(key);
  if (cached !== undefined) return cached;
  let info: FamilyKey | null = null;
  for (const [prefix, family] of FAMILY_PREFIXES) {
    if (key.startsWith(prefix)) {
      info = { family, path: parseKeyPath(key, prefix.length) };
      break;
    }
  }
  if (FAMILY_KEY_CACHE.size < FAMILY_KEY_CACHE_LIMIT) FAMILY_KEY_CACHE.set(key, info);
  return info;
}

// ---------------------------------------------------------------------------------------------
// Span type

function readSpanKind(ctx: ParseContext): void {
  const key = OPENLLMETRY.spanKind;
  if (!ctx.has(key)) return;
  const raw = ctx.get(key);
  if (typeof raw !== "string") {
    ctx.diagnose("invalid-value", "warning", `${key} should be a string, got ${describe(raw)}`, key);
    return;
  }
  const kind = raw.toLowerCase();
  const type = lookup(SPAN_KIND_TYPES, kind);
  if (type) {
    ctx.consume(key);
    ctx.offer("spanType", type, kind === "task" ? RANK.genericKind : RANK.explicitKind, "openllmetry");
  } else if (kind === "llm") {
    // Some instrumentations mark their model spans so; llm.request.type says which kind.
    ctx.consume(key);
    ctx.offer("spanType", "LLM", RANK.inferred, "openllmetry");
  } else if (kind !== "unknown") {
    ctx.diagnose("unknown-value", "warning", `${key} "${raw}" is not a Traceloop span kind; the span type is inferred from the other attributes`, key);
  } else {
    ctx.consume(key);
  }
}

function readRequestType(ctx: ParseContext): void {
  const key = OPENLLMETRY.requestType;
  if (!ctx.has(key)) return;
  const raw = ctx.get(key);
  if (typeof raw !== "string") {
    ctx.diagnose("invalid-value", "warning", `${key} should be a string, got ${describe(raw)}`, key);
    return;
  }
  const type = lookup(REQUEST_TYPE_TYPES, raw.toLowerCase());
  if (type) {
    ctx.consume(key);
    ctx.offer("spanType", type, RANK.operation, "openllmetry");
  } else if (raw.toLowerCase() === "unknown") {
    ctx.consume(key);
    ctx.offer("spanType", "LLM", RANK.inferred, "openllmetry");
  } else {
    ctx.diagnose("unknown-value", "warning", `${key} "${raw}" is not an OpenLLMetry request type; the span type is inferred from the other attributes`, key);
  }
}

// ---------------------------------------------------------------------------------------------
// Indexed messages

interface ParsedMessage {
  message: ChatMessage;
  finishReason?: string;
}

/** The items of an indexed family in index order; keys that are not `<prefix>.<index>.…` are left alone. */
function readIndexed(ctx: ParseContext, prefix: string, family: IndexedFamily): { items: TreeValue[]; keys: string[] } | undefined {
  // Regular keys were expanded by the key scan, all of them (and a family has at least one key).
  if (family.items !== undefined) return { items: family.items, keys: family.keys };
  const result = unflattenIndexed(ctx.attributes, prefix);
  for (const problem of result.problems) ctx.diagnose(problem.code, "warning", `${problem.key}: ${problem.message}`, problem.key);
  const value = result.value;
  if (value === undefined) return undefined;
  if (Array.isArray(value)) return { items: value, keys: result.consumed };
  // Some keys under the prefix have no index (`gen_ai.prompt.foo`): use only the indexed ones.
  const head = prefix.length + 1;
  const indexed = Object.keys(value)
    .map((k) => [parseIndex(k), k] as const)
    .filter(([i]) => i >= 0)
    .sort((a, b) => a[0] - b[0]);
  const keys = result.consumed.filter((k) => {
    const dot = k.indexOf(".", head);
    return parseIndex(dot < 0 ? k.slice(head) : k.slice(head, dot)) >= 0;
  });
  for (const k of result.consumed) {
    if (!keys.includes(k)) ctx.diagnose("invalid-value", "warning", `${k} has no message index after "${prefix}."; kept as is`, k);
  }
  if (indexed.length === 0) return undefined;
  return { items: indexed.map(([, k]) => value[k]!), keys };
}

function text(value: TreeValue | undefined): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}

function readToolCalls(value: TreeValue | undefined, into: ToolCall[]): void {
  if (!Array.isArray(value)) return;
  for (const item of value) {
    if (!isPlainObject(item)) continue;
    const fn = isPlainObject(item.function) ? (item.function as Obj) : undefined;
    const name = text(item.name as TreeValue) ?? text(fn?.name as TreeValue) ?? "";
    const args = item.arguments ?? fn?.arguments;
    into.push(toolCall(text(item.id as TreeValue), name, args));
  }
}

function readMessages(ctx: ParseContext, prefix: string, family: IndexedFamily, defaultRole: "user" | "assistant"): ParsedMessage[] | undefined {
  const indexed = readIndexed(ctx, prefix, family);
  if (!indexed) return undefined;
  for (const key of indexed.keys) ctx.consume(key);
  const out: ParsedMessage[] = [];
  let pendingReasoning: ContentPart[] = [];
  let pendingReason: string | undefined;
  const items = indexed.items;
  for (let position = 0; position < items.length; position++) {
    const item = items[position]!;
    if (!isPlainObject(item)) {
      // `gen_ai.prompt.0` holding a value directly: the message text.
      out.push({ message: message(defaultRole, text(item) ?? null) });
      continue;
    }
    const node = item as Record<string, TreeValue>;
    if (node.role === "thinking" && defaultRole === "assistant") {
      // Python Anthropic: a thinking block is a completion of its own, before the reply it belongs to.
      pendingReasoning.push({ type: "reasoning", text: text(node.content) ?? "" });
      const reason = text(node.finish_reason);
      if (reason !== undefined && reason !== "") pendingReason = reason;
      continue;
    }
    const role =
      node.role === undefined && (defaultRole === "assistant" || node.user !== undefined)
        ? defaultRole
        : normalizeRole(node.role, ctx, `${prefix}.${position}.role`);
    // The Python Anthropic instrumentation writes a legacy text-completion prompt as `gen_ai.prompt.0.user`.
    const converted = convertContent(node.content === undefined && node.user !== undefined ? node.user : node.content);
    let content = converted.content;
    // OpenLLMetry 0.22 (JS) records an assistant tool-call turn's missing content as the string "null".
    if (content === "null" && role === "assistant") content = null;
    const toolCalls = converted.toolCalls;
    if (node.tool_calls !== undefined) {
      if (toolCalls.length === 0) readToolCalls(node.tool_calls, toolCalls);
      else {
        // Python Anthropic writes tool_use blocks both in the content JSON and as tool_calls keys: once each.
        const seen = new Set<string>();
        for (const c of toolCalls) if (c.id !== "") seen.add(c.id);
        const keyed: ToolCall[] = [];
        readToolCalls(node.tool_calls, keyed);
        for (const call of keyed) if (call.id === "" || !seen.has(call.id)) toolCalls.push(call);
      }
    }
    if (isPlainObject(node.function_call)) {
      const fc = node.function_call as Record<string, TreeValue>;
      toolCalls.push(toolCall(undefined, text(fc.name) ?? "", fc.arguments));
    }
    if (toolCalls.length > 0 && content === "") content = null;

    // Anthropic tool results sit in a user message; in the OpenAI shape each is a tool message.
    for (const result of converted.toolResults) out.push({ message: result });
    if (converted.toolResults.length > 0 && content === null && toolCalls.length === 0) continue;

    const extra: Partial<ChatMessage> = {};
    if (toolCalls.length > 0) extra.tool_calls = toolCalls;
    const toolCallId = text(node.tool_call_id);
    if (toolCallId !== undefined) extra.tool_call_id = toolCallId;
    const name = text(node.name);
    if (name !== undefined) extra.name = name;
    if (pendingReasoning.length > 0) {
      const rest: ContentPart[] = content === null ? [] : typeof content === "string" ? (content === "" ? [] : [{ type: "text", text: content }]) : content;
      content = [...pendingReasoning, ...rest];
      pendingReasoning = [];
    }
    const parsed: ParsedMessage = { message: message(role, content, extra) };
    const reason = text(node.finish_reason) || pendingReason;
    pendingReason = undefined;
    if (reason !== undefined && reason !== "") parsed.finishReason = reason;
    out.push(parsed);
  }
  if (pendingReasoning.length > 0) {
    const parsed: ParsedMessage = { message: message("assistant", pendingReasoning) };
    if (pendingReason !== undefined) parsed.finishReason = pendingReason;
    out.push(parsed);
  }
  return out;
}

/** Python instrumentations write the finish reason once per span. */
function spanFinishReason(ctx: ParseContext): string | undefined {
  for (const key of [OPENLLMETRY.responseFinishReason, OPENLLMETRY.responseStopReason]) {
    const v = ctx.get(key);
    if (typeof v === "string" && v !== "") {
      ctx.consume(key);
      return v;
    }
  }
  return undefined;
}

/** Provider finish reasons are kept; the GenAI spelling `tool_call` becomes OpenAI's `tool_calls`. */
export function canonicalFinishReason(reason: string | undefined): string | null {
  if (reason === undefined || reason === "") return null;
  return reason === "tool_call" ? "tool_calls" : reason;
}

// ---------------------------------------------------------------------------------------------
// Request parameters, tools, usage

function readParams(ctx: ParseContext): Obj {
  const params: Obj = {};
  if ((ctx.groups & GROUP.openllmetryParams) === 0) return params;
  for (const { key, param, kind } of LLM_PARAMS) {
    if (!ctx.has(key)) continue;
    const v = ctx.get(key);
    let value: unknown;
    if (kind === "number" && typeof v === "number" && Number.isFinite(v)) value = v;
    else if (kind === "boolean" && typeof v === "boolean") value = v;
    else if (kind === "string" && typeof v === "string") value = v;
    else if (kind === "stop") {
      if (typeof v === "string") value = [v];
      else if (Array.isArray(v) && v.every((s) => typeof s === "string")) value = [...(v as string[])];
    }
    if (value === undefined) {
      ctx.diagnose("invalid-value", "warning", `${key} should be a ${kind === "stop" ? "list of strings" : kind}, got ${describe(v)}`, key);
      continue;
    }
    ctx.consume(key);
    params[param] = value;
  }
  return params;
}

function readFunctions(ctx: ParseContext, family: IndexedFamily): void {
  const prefix = OPENLLMETRY.requestFunctions;
  const indexed = readIndexed(ctx, prefix, family);
  if (!indexed) return;
  const tools: ChatTool[] = [];
  let allKept = true;
  const kept: boolean[] = [];
  const items = indexed.items;
  for (let position = 0; position < items.length; position++) {
    const item = items[position];
    if (!isPlainObject(item) || typeof item.name !== "string" || item.name === "") {
      const base = `${prefix}.${position}`;
      ctx.diagnose("invalid-value", "warning", `${base}.name is missing; the function is kept as is`, `${base}.name`);
      allKept = false;
      kept.push(false);
      continue;
    }
    const fn: ChatTool["function"] = { name: item.name };
    if (typeof item.description === "string") fn.description = item.description;
    // The JSON schema: `parameters` (Python OpenAI), `arguments` (JS), `input_schema` (Python Anthropic).
    for (const field of SCHEMA_FIELDS) {
      const raw = item[field];
      if (raw === undefined) continue;
      const parsed = typeof raw === "string" ? safeJsonParse(raw) : { ok: true as const, value: raw };
      if (parsed.ok && isPlainObject(parsed.value)) {
        fn.parameters = parsed.value as Record<string, unknown>;
        break;
      }
      ctx.diagnose("invalid-value", "warning", `${prefix}.${position}.${field} is not a JSON schema object; the function is kept without parameters`, `${prefix}.${position}.${field}`);
    }
    tools.push({ type: "function", function: fn });
    kept.push(true);
  }
  // The keys of the function read at position N are those of `<prefix>.N.` (positions are those of
  // the compacted list, so after a gap in the indices some keys are left unconsumed).
  const head = prefix.length + 1;
  for (const k of indexed.keys) {
    const dot = k.indexOf(".", head);
    if (dot < 0) continue;
    const index = parseIndex(k.slice(head, dot));
    if (index >= 0 && index < items.length && (allKept || kept[index])) ctx.consume(k);
  }
  if (tools.length > 0) ctx.offer("tools", tools, RANK.flattened, "openllmetry");
}

const SCHEMA_FIELDS = ["parameters", "arguments", "input_schema"] as const;

/**
 * Only the total is OpenLLMetry's own; the prompt/completion counts are `gen_ai.usage.*` keys the
 * GenAI parser reads. It runs next and fills the gaps of this partial usage (or replaces it with its
 * own, complete one). Alone, the total gives `usage-incomplete`.
 */
/**
 * `llm.usage.total_tokens`, and the first releases' `llm.usage.prompt_tokens` / `completion_tokens`.
 * Newer releases put the input/output counts in `gen_ai.usage.*`, which the GenAI parser reads and
 * merges into this candidate (filling gaps, never changing a count).
 */
function readUsage(ctx: ParseContext): void {
  if ((ctx.groups & GROUP.openllmetryUsage) === 0) return;
  const usage = readCounts(ctx, USAGE_SOURCES);
  if (usage) ctx.offer("tokenUsage", usage, RANK.flattened, "openllmetry");
}

const USAGE_SOURCES = countSources(
  { input_tokens: [OPENLLMETRY.legacyPromptTokens], output_tokens: [OPENLLMETRY.legacyCompletionTokens], total_tokens: [OPENLLMETRY.totalTokens] },
  () => GROUP.openllmetryUsage,
);

// ---------------------------------------------------------------------------------------------
// Entity input/output (SDK decorators, LangChain)

/**
 * Unwraps the envelopes the Traceloop SDKs write:
 * - decorators (JS and Python): `{"args": [...], "kwargs": {...}}` -> the kwargs when there are no
 *   positional args; without kwargs, the single arg, or the list of args when there are several
 *   (argument names are not recorded); with both, the envelope unchanged;
 * - LangChain: `{"inputs": ..., "tags", "metadata", "kwargs"}` -> inputs, `{"outputs": ..., "kwargs"}` -> outputs.
 */
export function unwrapEntity(value: unknown): unknown {
  if (!isPlainObject(value)) return value;
  const keys = Object.keys(value);
  if (keys.length === 2 && own(value, "args") && own(value, "kwargs") && Array.isArray(value.args) && isPlainObject(value.kwargs)) {
    const args = value.args as unknown[];
    const kwargs = value.kwargs as Obj;
    const kwargCount = Object.keys(kwargs).length;
    if (args.length === 0) return kwargs;
    if (kwargCount === 0) return args.length === 1 ? args[0] : args;
    return value;
  }
  for (const field of ["inputs", "outputs"] as const) {
    if (!own(value, field)) continue;
    if (keys.every((k) => k === field || k === "tags" || k === "metadata" || k === "kwargs")) return value[field];
  }
  return value;
}

/** Both SDKs write every entity value as its JSON (JSON.stringify / json.dumps): see `readJsonValue`. */
function readEntity(ctx: ParseContext, key: string, field: "inputs" | "outputs"): void {
  if (!ctx.has(key)) return;
  const parsed = readJsonValue(ctx, key);
  if (!parsed.ok) return;
  let value = parsed.value;
  ctx.consume(key);
  value = unwrapEntity(value);
  if (ctx.get(GEN_AI_PROVIDER) === "langchain") value = unwrapLangChainJs(value, field);
  ctx.offer(field, fromLangChain(value), RANK.raw, "openllmetry");
}

const GEN_AI_PROVIDER = "gen_ai.provider.name";

/**
 * The JS LangChain instrumentation (0.27, which marks its chain and tool spans with
 * `gen_ai.provider.name` = "langchain") writes LangChain's run values as they are: a value that is not
 * an object arrives wrapped by LangChain as `{"input": x}` / `{"output": x}`, and a tool's input (the
 * JSON text of its arguments, for a structured tool) as `{"args": [text]}`. Each becomes x, the
 * arguments text decoded when it is a JSON object or array.
 */
function unwrapLangChainJs(value: unknown, field: "inputs" | "outputs"): unknown {
  const run = unwrapRunValue(value, field);
  if (run.unwrapped) return run.value;
  if (field === "inputs" && isPlainObject(value) && Object.keys(value).length === 1 && Array.isArray(value.args) && value.args.length === 1) {
    const arg: unknown = value.args[0];
    if (typeof arg === "string" && looksLikeJsonContainer(arg)) {
      const parsed = safeJsonParse(arg);
      return parsed.ok ? parsed.value : arg;
    }
    return arg;
  }
  return value;
}

// ---------------------------------------------------------------------------------------------
// Vector databases

const RETRIEVAL_OPERATIONS: ReadonlySet<string> = new Set(["query", "search", "similarity_search", "hybrid_search", "get"]);

function numberOf(value: AttributeValue | undefined): number | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

function jsonObject(value: unknown): Obj | undefined {
  if (isPlainObject(value)) return value;
  if (typeof value !== "string") return undefined;
  const parsed = safeJsonParse(value);
  return parsed.ok && isPlainObject(parsed.value) ? parsed.value : undefined;
}

function documentOf(id: unknown, content: unknown, metadata: Obj, extra: Record<string, number | undefined>): RetrievedDocument {
  const doc: RetrievedDocument = { page_content: typeof content === "string" ? content : content === undefined || content === null ? "" : safeJsonStringify(content), metadata: { ...metadata } };
  if (typeof id === "string" || typeof id === "number") doc.id = String(id);
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) doc.metadata[k] = v;
  return doc;
}

function readRetrieval(ctx: ParseContext, vectorResults: IndexedFamily | undefined): void {
  const documents: RetrievedDocument[] = [];
  for (const event of ctx.events) {
    const a = event.attributes;
    if (event.name === OPENLLMETRY_EVENTS.queryResult) {
      documents.push(
        documentOf(a[EA.queryResultId], a[EA.queryResultDocument], jsonObject(a[EA.queryResultMetadata]) ?? {}, {
          score: numberOf(a[EA.queryResultScore]),
          distance: numberOf(a[EA.queryResultDistance]),
        }),
      );
    } else if (event.name === OPENLLMETRY_EVENTS.searchResult) {
      const entity = jsonObject(a[EA.searchResultEntity]) ?? {};
      const { text: entityText, ...rest } = entity;
      documents.push(
        documentOf(a[EA.searchResultId], entityText, rest, { score: numberOf(a[EA.searchResultScore]), distance: numberOf(a[EA.searchResultDistance]) }),
      );
    }
  }
  if (vectorResults) {
    const indexed = readIndexed(ctx, OPENLLMETRY.vectorDbQueryResult, vectorResults);
    if (indexed) {
      for (const k of indexed.keys) ctx.consume(k);
      for (const item of indexed.items) {
        if (!isPlainObject(item)) continue;
        const metadata = jsonObject(item.metadata) ?? {};
        const content = typeof metadata.text === "string" ? metadata.text : undefined;
        documents.push(documentOf(item.id, content, metadata, { score: numberOf(item.score as AttributeValue) }));
      }
    }
  }
  const operation = ctx.get(OPENLLMETRY.vectorDbOperation);
  const isQuery =
    documents.length > 0 ||
    ctx.has(OPENLLMETRY.vectorDbQueryTopK) ||
    (typeof operation === "string" && ctx.has(OPENLLMETRY.vectorDbVendor) && RETRIEVAL_OPERATIONS.has(operation.toLowerCase()));
  if (!isQuery) return;
  ctx.offer("spanType", "RETRIEVER", documents.length > 0 ? RANK.operation : RANK.inferred, "openllmetry");
  if (documents.length > 0) ctx.offer("outputs", documents, RANK.events, "openllmetry");
}
