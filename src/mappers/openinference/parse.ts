/**
 * The OpenInference parser: `openinference.span.kind`, flattened `llm.*` messages, token counts,
 * invocation parameters, tools, documents, embeddings and `input.value` / `output.value`.
 *
 * Precedence inside the convention (ranks from context.ts):
 * - span kind: `openinference.span.kind` at RANK.explicitKind; without it the type is inferred from
 *   what is present (messages -> LLM, embeddings -> EMBEDDING, documents -> RETRIEVER...) at RANK.inferred;
 * - chat content: flattened `llm.input_messages.N.*` / `llm.output_messages.N.*` at RANK.flattened,
 *   over the legacy `llm.prompts` / `llm.choices`, over `input.value` / `output.value` at RANK.raw;
 * - documents, embeddings and reranker lists at RANK.flattened, over `input.value` / `output.value`.
 *
 * Choices we made where the instrumentations and the spec leave room (docs/openinference.md has the table):
 * - a message with `message.tool_call_id` is a tool result: its role becomes `tool` (Anthropic's
 *   instrumentation records tool results as `user` turns);
 * - a tool call recorded both under `message.tool_calls` and as a `tool_use` content part is kept once
 *   (matched by id; the `tool_calls` entry wins);
 * - a system prompt missing from the messages but present in `llm.invocation_parameters.system`
 *   (Anthropic passes it apart from the messages) is put back as the first message, with an info diagnostic;
 * - token counts follow the spec: `llm.token_count.prompt` includes cached tokens, like our `input_tokens`.
 */
import { describeValue, normalizeProvider, readString } from "../values.js";
import type { Attributes, ChatChoice, ChatMessage, ChatTool, ContentPart, Cost, RetrievedDocument, SpanType, ToolCall } from "../../span.js";
import {
  OI,
  OI_CONTENT_FIELD as CF,
  OI_DOCUMENT_FIELD as DF,
  OI_EMBEDDING_FIELD as EF,
  OI_MESSAGE_FIELD as MF,
  OI_SPAN_KINDS,
  OI_TOOL_CALL_FIELD as TF,
  OPENINFERENCE_SPEC_ONLY_KEYS as SPEC_ONLY,
} from "../../conventions/openinference.js";
import { NORMALIZED_CHAT_FORMAT } from "../../conventions/mlflow.js";
import { looksLikeJsonContainer, safeJsonParse, safeJsonStringify } from "../../internal/json.js";
import { isPlainObject, setOwn } from "../../internal/records.js";
import { unflattenIndexed, type TreeValue } from "../../internal/unflatten.js";
import { insertPath, parseKeyPath, type IndexedFamily, type KeyPath, type LeafObjects } from "../../internal/indexed.js";
import { normalizeRole, simplifyContent, toolCall } from "../chat.js";
import { asLangChainSerialized, fromLangChain, langChainChatInputs, langChainGenerations, unwrapRunValue } from "../langchain.js";
import { RANK, type ParseContext, type PartialUsage } from "../context.js";
import { toCount } from "../usage.js";

import type { Obj } from "../../internal/records.js";

/** `openinference.span.kind` -> MLflow span type. */
export const OI_KIND_SPAN_TYPES: Readonly<Record<string, SpanType>> = {
  [OI_SPAN_KINDS.LLM]: "LLM",
  [OI_SPAN_KINDS.CHAIN]: "CHAIN",
  [OI_SPAN_KINDS.TOOL]: "TOOL",
  [OI_SPAN_KINDS.AGENT]: "AGENT",
  [OI_SPAN_KINDS.RETRIEVER]: "RETRIEVER",
  [OI_SPAN_KINDS.RERANKER]: "RERANKER",
  [OI_SPAN_KINDS.EMBEDDING]: "EMBEDDING",
  [OI_SPAN_KINDS.GUARDRAIL]: "GUARDRAIL",
  [OI_SPAN_KINDS.EVALUATOR]: "EVALUATOR",
  // MLflow has no prompt-rendering type; a template render is a step of a chain.
  [OI_SPAN_KINDS.PROMPT]: "CHAIN",
  [OI_SPAN_KINDS.UNKNOWN]: "UNKNOWN",
};

/** Token-count key -> canonical usage field. */
export const OI_USAGE_FIELDS: readonly (readonly [string, keyof PartialUsage])[] = [
  [OI.tokenPrompt, "input_tokens"],
  [OI.tokenCompletion, "output_tokens"],
  [OI.tokenTotal, "total_tokens"],
  [OI.tokenPromptCacheRead, "cache_read_input_tokens"],
  [OI.tokenPromptCacheWrite, "cache_creation_input_tokens"],
  [OI.tokenPromptAudio, "input_audio_tokens"],
  [OI.tokenCompletionReasoning, "reasoning_tokens"],
  [OI.tokenCompletionAudio, "output_audio_tokens"],
];

/** Cost key -> canonical cost field. */
export const OI_COST_FIELDS: readonly (readonly [string, keyof Cost & string])[] = [
  [OI.costPrompt, "input_cost"],
  [OI.costCompletion, "output_cost"],
  [OI.costTotal, "total_cost"],
];

/** Indexed list prefixes, looked up once per span before any expansion. */
const LISTS = {
  inputMessages: OI.inputMessages + ".",
  outputMessages: OI.outputMessages + ".",
  tools: OI.tools + ".",
  prompts: OI.prompts + ".",
  choices: SPEC_ONLY.choices + ".",
  documents: OI.retrievalDocuments + ".",
  rerankIn: OI.rerankerInputDocuments + ".",
  rerankOut: OI.rerankerOutputDocuments + ".",
  embeddings: OI.embeddingEmbeddings + ".",
} as const;
type ListName = keyof typeof LISTS;
const LIST_BY_PREFIX: ReadonlyMap<string, ListName> = new Map((Object.entries(LISTS) as [ListName, string][]).map(([name, prefix]) => [prefix, name]));
/** The same, keyed by the prefix without its dot (the constant `expand` is called with). */
const LIST_BY_NAME: ReadonlyMap<string, ListName> = new Map((Object.entries(LISTS) as [ListName, string][]).map(([name, prefix]) => [prefix.slice(0, -1), name]));

export function parseOpenInference(ctx: ParseContext): void {
  const lists = scanLists(ctx);
  const kind = readKind(ctx);

  readProvider(ctx);
  const model = readModel(ctx, kind);
  readUsage(ctx, kind === "EMBEDDING" || (kind === undefined && lists.has("embeddings")));
  readCost(ctx);
  const params = readParams(ctx, OI.invocationParameters) ?? {};
  if (model.request !== undefined && !("model" in params)) params.model = model.request;
  // The advertised tools live in the canonical `tools` field (MLflow's mlflow.chat.tools), normalised to
  // the OpenAI shape; the provider-shaped copy in the parameters would only repeat them.
  if (lists.has("tools") && readTools(ctx)) delete params.tools;

  let hasChat = false;
  let content: "chat" | "embedding" | "documents" | "rerank" | undefined;

  // Chat messages.
  let messages = lists.has("inputMessages") ? readMessages(ctx, OI.inputMessages) : undefined;
  const outputMessages = lists.has("outputMessages") ? readMessages(ctx, OI.outputMessages) : undefined;
  let fromPrompts = false;
  if (!messages && (lists.has("prompts") || ctx.has(OI.prompts))) {
    messages = readPrompts(ctx);
    fromPrompts = messages !== undefined;
  }
  let choices: ChatChoice[] | undefined;
  if (outputMessages) {
    const finish = readFinishReason(ctx);
    choices = outputMessages.map((message, index) => ({ index, message, finish_reason: finish }));
  } else if (lists.has("choices")) {
    choices = readLegacyChoices(ctx);
  }
  // LangChain's instrumentation drops tool-call ids from the flattened messages; its input.value /
  // output.value envelopes still have them. input.value is parsed only when an id is missing (it is
  // the whole request, and otherwise unread on a span with messages); output.value is parsed anyway
  // for the response id and model (responseMetadata), and cached.
  if (messages && !fromPrompts && lacksIds(messages)) fillFromLangChain(messages, langChainChatInputs(jsonValue(ctx, OI.inputValue, OI.inputMimeType)));
  const generations = choices ? langChainGenerations(jsonValue(ctx, OI.outputValue, OI.outputMimeType)) : undefined;
  if (choices && generations) fillFromLangChain(choices.map((c) => c.message), generations.messages);
  let meta: Obj | undefined;
  if (choices) {
    meta = responseMetadata(ctx);
    if (generations?.id !== undefined) meta.id ??= generations.id;
    if (generations?.model !== undefined) meta.model ??= generations.model;
  }
  // The spec has llm.model_name be the response model when known, but LangChain's instrumentation
  // writes the requested one there; its generation in output.value says which model answered. The
  // requested name then stays in the parameters, as with llm.request.model_name.
  let chosenModel = model.model;
  const answered = generations?.model;
  if (model.response === undefined && answered !== undefined && answered !== chosenModel) {
    if (model.name !== undefined && !("model" in params)) params.model = model.name;
    chosenModel = answered;
  }
  if (chosenModel !== undefined) ctx.offer("model", chosenModel, RANK.flattened, "openinference");
  if (messages) {
    messages = recoverSystemPrompt(ctx, messages, params);
    const inputs: Obj = { messages };
    // Object.keys, not Object.entries: no [key, value] pair per parameter.
    for (const k of Object.keys(params)) if (!(k in inputs)) setOwn(inputs, k, params[k]);
    ctx.offer("inputs", inputs, RANK.flattened, "openinference");
    hasChat = true;
  }
  if (choices) {
    // meta holds id and model at most, in the order they were found; copied by hand since a spread
    // of an object of varying shape takes V8's slow path.
    const outputs: Obj = {};
    for (const k in meta) outputs[k] = meta[k];
    outputs.choices = choices;
    ctx.offer("outputs", outputs, RANK.flattened, "openinference");
    hasChat = true;
  }
  if (hasChat) {
    ctx.offer("messageFormat", NORMALIZED_CHAT_FORMAT, RANK.flattened, "openinference");
    content = "chat";
  }

  // Embeddings, documents, reranking.
  if (lists.has("embeddings") && readEmbeddings(ctx)) content ??= "embedding";
  if (lists.has("documents")) {
    const docs = readDocuments(ctx, OI.retrievalDocuments);
    if (docs) {
      ctx.offer("outputs", docs, RANK.flattened, "openinference");
      content ??= "documents";
    }
  }
  if ((lists.has("rerankIn") || lists.has("rerankOut") || ctx.has(OI.rerankerQuery)) && readReranker(ctx)) content ??= "rerank";

  // `input.value` / `output.value`: the whole value of non-LLM spans, the fallback of LLM spans.
  const current = (field: "inputs" | "outputs") => ctx.current(field);
  if (!current("inputs") || current("inputs")!.rank < RANK.raw) {
    const input = readValue(ctx, OI.inputValue, OI.inputMimeType);
    if (input.ok) ctx.offer("inputs", readableValue(input.value, "inputs"), RANK.raw, "openinference");
  }
  if (!current("outputs") || current("outputs")!.rank < RANK.raw) {
    const output = readValue(ctx, OI.outputValue, OI.outputMimeType);
    if (output.ok) ctx.offer("outputs", readableValue(output.value, "outputs"), RANK.raw, "openinference");
  }
  // An LLM call with parameters but no content (content capture off): the parameters are the inputs.
  if (!current("inputs") && Object.keys(params).length > 0 && (kind === "LLM" || kind === undefined)) {
    ctx.offer("inputs", params, RANK.inferred, "openinference");
  }

  // OpenInference has one LLM kind for chat and completion calls. A call recorded as chat messages is
  // a CHAT_MODEL span, as GenAI `chat` and OpenLLMetry `chat` spans are, so one call reads the same
  // whichever convention recorded it; prompts-only calls stay LLM.
  const llmType: SpanType = content === "chat" && !fromPrompts ? "CHAT_MODEL" : "LLM";
  if (kind === undefined) inferSpanType(ctx, content, model.any, llmType);
  else ctx.offer("spanType", kind === "LLM" ? llmType : kind, RANK.explicitKind, "openinference");
  scanned = scannedCtx = undefined;
}

// ---------------------------------------------------------------------------------------------
// Span kind, provider, model

/**
 * One pass over the keys: which indexed lists the span has, with each list's keys and, when the keys
 * are regular, its expanded tree (src/internal/indexed.ts), so no list needs another scan or `unflattenIndexed`.
 */
function scanLists(ctx: ParseContext): Map<ListName, IndexedFamily> {
  const found = new Map<ListName, IndexedFamily>();
  const attributes = ctx.attributes;
  const leaves: LeafObjects = { set: undefined };
  const keys = ctx.keys;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const c = key.charCodeAt(0);
    // l(lm.), r(etrieval./eranker.), e(mbedding.): every list prefix has two segments.
    if (c !== 0x6c && c !== 0x72 && c !== 0x65) continue;
    const info = listKey(key);
    if (info === null) continue;
    let list = found.get(info.name);
    if (list === undefined) found.set(info.name, (list = { items: [], keys: [] }));
    list.keys.push(key);
    if (list.items !== undefined && (info.path === undefined || !insertPath(list.items, info.path, attributes[key] as TreeValue, leaves))) {
      list.items = undefined;
    }
  }
  scanned = found;
  scannedCtx = ctx;
  return found;
}

interface ListKey {
  name: ListName;
  /** Undefined when the key cannot be expanded by the fast path (src/internal/indexed.ts). */
  path: KeyPath | undefined;
}

/**
 * Which list a key belongs to and its parsed path, or null. Cached per key and bounded, like
 * detect.ts's cache, so a stream of unique hostile keys cannot grow it.
 */
const LIST_KEY_CACHE = new Map<string, ListKey | null>();
const LIST_KEY_CACHE_LIMIT = 4096;

function listKey(key: string): ListKey | null {
  const cached = LIST_KEY_CACHE.get(key);
  if (cached !== undefined) return cached;
  let info: ListKey | null = null;
  const first = key.indexOf(".");
  const second = first < 0 ? -1 : key.indexOf(".", first + 1);
  if (second >= 0) {
    const name = LIST_BY_PREFIX.get(key.slice(0, second + 1));
    if (name !== undefined) info = { name, path: parseKeyPath(key, second + 1) };
  }
  if (LIST_KEY_CACHE.size < LIST_KEY_CACHE_LIMIT) LIST_KEY_CACHE.set(key, info);
  return info;
}

/**
 * The lists of the span being parsed (see scanLists). Parsing is synchronous and one span at a time,
 * so module state is enough; `expand` checks the context before trusting it.
 */
let scanned: Map<ListName, IndexedFamily> | undefined;
let scannedCtx: ParseContext | undefined;

/** The MLflow type `openinference.span.kind` names (offered once the content is known), or undefined when absent or unknown. */
function readKind(ctx: ParseContext): SpanType | undefined {
  if (!ctx.has(OI.spanKind)) {
    ctx.diagnose("missing-span-kind", "info", `${OI.spanKind} is missing (the spec requires it); the span type is inferred from the other attributes`, OI.spanKind);
    return undefined;
  }
  const raw = ctx.get(OI.spanKind);
  const upper = typeof raw === "string" ? raw.trim().toUpperCase() : undefined;
  const type = upper !== undefined && Object.prototype.hasOwnProperty.call(OI_KIND_SPAN_TYPES, upper) ? OI_KIND_SPAN_TYPES[upper] : undefined;
  if (type === undefined) {
    ctx.diagnose(
      "unknown-span-kind",
      "warning",
      `${OI.spanKind} ${describeValue(raw)} is not an OpenInference span kind; the raw value is kept in attributes and the span type is inferred`,
      OI.spanKind,
    );
    return undefined;
  }
  // PROMPT has no MLflow type of its own: leave the key unconsumed so the raw kind survives.
  if (upper !== OI_SPAN_KINDS.PROMPT) ctx.consume(OI.spanKind);
  return type;
}


function readProvider(ctx: ParseContext): void {
  const provider = readString(ctx, OI.provider);
  const system = readString(ctx, OI.system);
  if (provider !== undefined) ctx.consume(OI.provider);
  if (system !== undefined) ctx.consume(OI.system);
  // `llm.provider` names the host (azure, aws); `llm.system` the API family. The host is what MLflow records.
  const value = provider ?? system;
  if (value !== undefined) ctx.offer("provider", value.trim().toLowerCase(), RANK.flattened, "openinference");
  else readLangChainProvider(ctx);
}

/**
 * OpenInference's LangChain instrumentation writes no `llm.provider`, but LangChain's own run metadata
 * (`metadata`, JSON) names it: `ls_provider` (`openai`, `anthropic`, …). A weak source: it stays in
 * `metadata`, which is not consumed, and any provider key on the span wins.
 */
function readLangChainProvider(ctx: ParseContext): void {
  const raw = ctx.get(OI.metadata);
  if (typeof raw !== "string" || !raw.includes('"ls_provider"')) return;
  const parsed = safeJsonParse(raw);
  if (!parsed.ok || !isPlainObject(parsed.value)) return;
  const name = parsed.value.ls_provider;
  if (typeof name === "string" && name !== "") ctx.offer("provider", normalizeProvider(name), RANK.inferred, "openinference");
}

interface ModelNames {
  /** The model by the keys alone (offered by the caller, which may know the response model better). */
  model?: string;
  name?: string;
  request?: string;
  response?: string;
  any: boolean;
}

function readModel(ctx: ParseContext, kind: SpanType | undefined): ModelNames {
  const name = readString(ctx, OI.modelName);
  const request = readString(ctx, OI.requestModelName);
  const response = readString(ctx, OI.responseModelName);
  const embedding = readString(ctx, OI.embeddingModelName);
  const reranker = readString(ctx, OI.rerankerModelName);
  // One by one rather than a loop over a list of pairs: no arrays per span.
  if (name !== undefined) ctx.consume(OI.modelName);
  if (request !== undefined) ctx.consume(OI.requestModelName);
  if (response !== undefined) ctx.consume(OI.responseModelName);
  if (embedding !== undefined) ctx.consume(OI.embeddingModelName);
  if (reranker !== undefined) ctx.consume(OI.rerankerModelName);
  // The spec: llm.model_name equals the response model when known, else the requested one.
  const llm = response ?? name ?? request;
  const model = kind === "EMBEDDING" ? (embedding ?? llm) : kind === "RERANKER" ? (reranker ?? llm) : (llm ?? embedding ?? reranker);
  const out: ModelNames = { any: llm !== undefined };
  if (model !== undefined) out.model = model;
  if (name !== undefined) out.name = name;
  if (request !== undefined) out.request = request;
  if (response !== undefined) out.response = response;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Token counts and cost

function readUsage(ctx: ParseContext, embedding: boolean): void {
  const usage: PartialUsage = {};
  let any = false;
  for (const [key, field] of OI_USAGE_FIELDS) {
    if (!ctx.has(key)) continue;
    const n = toCount(ctx.get(key), ctx, key);
    if (n === undefined) continue;
    ctx.consume(key);
    usage[field] = n;
    any = true;
  }
  if (!any) return;
  // Embeddings generate nothing: a missing completion count is a real zero.
  if (embedding && usage.output_tokens === undefined && usage.input_tokens !== undefined) usage.output_tokens = 0;
  const input = usage.input_tokens;
  const cached = (usage.cache_read_input_tokens ?? 0) + (usage.cache_creation_input_tokens ?? 0);
  if (input !== undefined && cached > input) {
    // The spec says prompt_details are sub-counts of the prompt count; an instrumentation that copied
    // Anthropic's cache-exclusive input_tokens breaks that. Add the cache back so input_tokens includes it.
    const adjusted = input + cached;
    if (usage.total_tokens !== undefined && usage.output_tokens !== undefined && usage.total_tokens === input + usage.output_tokens) {
      usage.total_tokens = adjusted + usage.output_tokens;
    }
    usage.input_tokens = adjusted;
    ctx.diagnose(
      "usage-cache-added",
      "info",
      `${OI.tokenPrompt} (${input}) is smaller than the cache counts (${cached}), so it excludes cached tokens; input_tokens is recorded as ${adjusted} to include them`,
      OI.tokenPrompt,
    );
  }
  ctx.offer("tokenUsage", usage, RANK.flattened, "openinference");
}

function readCost(ctx: ParseContext): void {
  const cost: Cost = {};
  let any = false;
  for (const [key, field] of OI_COST_FIELDS) {
    if (!ctx.has(key)) continue;
    const v = ctx.get(key);
    if (typeof v !== "number" || !Number.isFinite(v)) {
      ctx.diagnose("invalid-value", "warning", `${key} should be a number (USD), got ${describeValue(v)}`, key);
      continue;
    }
    ctx.consume(key);
    cost[field] = v;
    any = true;
  }
  if (any) ctx.offer("cost", cost, RANK.flattened, "openinference");
}

// ---------------------------------------------------------------------------------------------
// Invocation parameters and tools

function readParams(ctx: ParseContext, key: string): Obj | undefined {
  if (!ctx.has(key)) return undefined;
  const parsed = ctx.json(key);
  if (!parsed.ok) return undefined;
  if (!isPlainObject(parsed.value)) {
    ctx.diagnose("invalid-value", "warning", `${key} should be a JSON object, got ${describeValue(parsed.value)}; kept raw`, key);
    return undefined;
  }
  ctx.consume(key);
  // A copy: the cached parse must not change when parameters are merged or the system prompt moved.
  const out: Obj = {};
  for (const k of Object.keys(parsed.value)) setOwn(out, k, parsed.value[k]);
  return out;
}

function readTools(ctx: ParseContext): boolean {
  const r = expand(ctx, OI.tools);
  if (!r) return false;
  const tools: ChatTool[] = [];
  r.items.forEach((item, i) => {
    const tool = isPlainObject(item) && isPlainObject(item.tool) ? toolFromItem(item.tool, ctx, `${OI.tools}.${i}`) : undefined;
    if (tool) tools.push(tool);
    else {
      ctx.diagnose("invalid-tool", "warning", `${OI.tools}.${i} has no usable tool definition (tool.json_schema or tool.name); left out`, `${OI.tools}.${i}`);
      // Nothing of it reaches the canonical tools: its keys stay as they are.
      if (isPlainObject(item) && isPlainObject(item.tool)) for (const k of Object.keys(item.tool)) ctx.keep(`${OI.tools}.${i}.tool.${k}`);
    }
  });
  r.consume();
  if (tools.length === 0) return false;
  ctx.offer("tools", tools, RANK.flattened, "openinference");
  return true;
}

/** One `llm.tools.<i>.tool` object: `json_schema` in the OpenAI, Anthropic or plain-function shape, or bare name/description. */
function toolFromItem(tool: Obj, ctx: ParseContext, key: string): ChatTool | undefined {
  let schema: unknown = tool.json_schema;
  if (typeof schema === "string") {
    const parsed = safeJsonParse(schema);
    if (!parsed.ok) {
      ctx.diagnose("invalid-json", "warning", `${key}.${OI.toolJsonSchema} is not JSON (${parsed.message})`, `${key}.${OI.toolJsonSchema}`);
      schema = undefined;
    } else schema = parsed.value;
  }
  if (isPlainObject(schema)) {
    const fn = isPlainObject(schema.function) ? schema.function : schema;
    if (typeof fn.name === "string" && fn.name !== "") {
      const out: ChatTool["function"] = { name: fn.name };
      if (typeof fn.description === "string") out.description = fn.description;
      const params = fn.parameters ?? fn.input_schema ?? fn.inputSchema;
      if (isPlainObject(params)) out.parameters = params;
      if (typeof fn.strict === "boolean") out.strict = fn.strict;
      return { type: "function", function: out };
    }
  }
  if (typeof tool.name === "string" && tool.name !== "") {
    const out: ChatTool["function"] = { name: tool.name };
    if (typeof tool.description === "string") out.description = tool.description;
    return { type: "function", function: out };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Messages

interface Expanded {
  items: TreeValue[];
  consume(): void;
}

/** Expands `prefix.<i>.*` into a compact list; problems become diagnostics, refused keys stay unconsumed. */
function expand(ctx: ParseContext, prefix: string): Expanded | undefined {
  const name = LIST_BY_NAME.get(prefix);
  if (scannedCtx === ctx && scanned !== undefined && name !== undefined) {
    const list = scanned.get(name);
    if (list === undefined) return undefined;
    const items = list.items;
    if (items !== undefined) {
      // Regular keys: the tree unflattenIndexed would build, with no problem to report.
      const keys = list.keys;
      return {
        items,
        consume: () => {
          for (let i = 0; i < keys.length; i++) ctx.consume(keys[i]!);
        },
      };
    }
  }
  const r = unflattenIndexed(ctx.attributes, prefix);
  for (const p of r.problems) ctx.diagnose(p.code, "warning", `${p.key}: ${p.message}`, p.key);
  if (r.value === undefined) return undefined;
  if (!Array.isArray(r.value)) {
    ctx.diagnose("invalid-message", "warning", `keys under ${prefix}. should start with an index (${prefix}.0.…); kept raw`, prefix);
    return undefined;
  }
  return { items: r.value, consume: () => r.consumed.forEach((k) => ctx.consume(k)) };
}

function readMessages(ctx: ParseContext, prefix: string): ChatMessage[] | undefined {
  const r = expand(ctx, prefix);
  if (!r) return undefined;
  const messages: ChatMessage[] = [];
  r.items.forEach((item, i) => {
    const key = `${prefix}.${i}`;
    if (!isPlainObject(item) || !isPlainObject(item.message)) {
      ctx.diagnose("invalid-message", "warning", `${key} has no message.* fields; left out`, key);
      return;
    }
    messages.push(messageFromItem(item.message, ctx, key));
  });
  if (messages.length === 0) return undefined;
  r.consume();
  return messages;
}

function messageFromItem(m: Obj, ctx: ParseContext, key: string): ChatMessage {
  let role = normalizeRole(m.role, ctx, `${key}.${MF.role}`);
  const parts: ContentPart[] = [];
  const calls: ToolCall[] = [];
  const partCalls: ToolCall[] = [];
  if (m.contents !== undefined) {
    if (Array.isArray(m.contents)) {
      m.contents.forEach((c, j) => partFromItem(c, ctx, `${key}.${MF.contents}.${j}`, parts, partCalls));
    } else {
      ctx.diagnose("invalid-message", "warning", `${key}.${MF.contents} should be an indexed list of parts; left out`, `${key}.${MF.contents}`);
    }
  }
  let content: string | ContentPart[] | null = null;
  if (parts.length > 0) content = simplifyContent(parts);
  else if (m.content !== undefined && m.content !== null) content = asText(m.content, ctx, `${key}.${MF.content}`);

  if (m.tool_calls !== undefined) {
    if (Array.isArray(m.tool_calls)) {
      m.tool_calls.forEach((c, k) => {
        const call = isPlainObject(c) ? toolCallFromItem(c, ctx, `${key}.${MF.toolCalls}.${k}`) : undefined;
        if (call) calls.push(call);
        else ctx.diagnose("invalid-message", "warning", `${key}.${MF.toolCalls}.${k} has no tool_call.* fields; left out`, `${key}.${MF.toolCalls}.${k}`);
      });
    } else {
      ctx.diagnose("invalid-message", "warning", `${key}.${MF.toolCalls} should be an indexed list; left out`, `${key}.${MF.toolCalls}`);
    }
  }
  // A `tool_use` content part restates a call of `tool_calls` (Anthropic's instrumentation writes both):
  // keep it once. A part whose id is not among the calls is a call of its own.
  for (const call of partCalls) {
    if (call.id !== "" && calls.some((c) => c.id === call.id)) continue;
    calls.push(call);
  }
  // Legacy OpenAI function calling.
  const fnName = m.function_call_name;
  if (typeof fnName === "string" && fnName !== "") calls.push(toolCall(undefined, fnName, m.function_call_arguments_json));

  const msg: ChatMessage = { role, content };
  if (calls.length > 0) msg.tool_calls = calls;
  if (m.tool_call_id !== undefined) {
    if (typeof m.tool_call_id === "string" && m.tool_call_id !== "") {
      msg.tool_call_id = m.tool_call_id;
      // A tool result; Anthropic's instrumentation records it as a user turn.
      if (role === "user") msg.role = role = "tool";
    } else {
      ctx.diagnose("invalid-value", "warning", `${key}.${MF.toolCallId} should be a non-empty string, got ${describeValue(m.tool_call_id)}`, `${key}.${MF.toolCallId}`);
    }
  }
  if (typeof m.name === "string" && m.name !== "") msg.name = m.name;
  return msg;
}

function asText(value: unknown, ctx: ParseContext, key: string): string {
  if (typeof value === "string") return value;
  ctx.diagnose("invalid-value", "warning", `${key} should be a string, got ${describeValue(value)}; recorded as JSON text`, key);
  // The text loses the value's type; the attribute keeps it.
  ctx.keep(key);
  return safeJsonStringify(value);
}

function toolCallFromItem(item: Obj, ctx: ParseContext, key: string): ToolCall | undefined {
  const tc = item.tool_call;
  if (!isPlainObject(tc)) return undefined;
  const fn = isPlainObject(tc.function) ? tc.function : {};
  const name = typeof fn.name === "string" ? fn.name : "";
  if (name === "") ctx.diagnose("invalid-value", "warning", `${key}.${TF.functionName} is missing; the call is kept with an empty name`, `${key}.${TF.functionName}`);
  let id: string | undefined;
  if (typeof tc.id === "string") id = tc.id;
  else if (typeof tc.id === "number") id = String(tc.id);
  return toolCall(id, name, fn.arguments);
}

/** Media type of a data URI, or undefined. */
function dataUri(url: string): { mime: string; data: string } | undefined {
  if (!url.startsWith("data:")) return undefined;
  const comma = url.indexOf(",");
  const head = comma < 0 ? "" : url.slice(5, comma);
  if (comma < 0 || !head.endsWith(";base64")) return undefined;
  return { mime: head.slice(0, -";base64".length), data: url.slice(comma + 1) };
}

function partFromItem(item: unknown, ctx: ParseContext, key: string, parts: ContentPart[], calls: ToolCall[]): void {
  if (!isPlainObject(item)) {
    ctx.diagnose("invalid-message", "warning", `${key} has no message_content.* fields; left out`, key);
    return;
  }
  const mc = isPlainObject(item.message_content) ? item.message_content : {};
  const type = typeof mc.type === "string" ? mc.type : undefined;
  if (type === "tool_use" || (type === undefined && isPlainObject(item.tool_call))) {
    const call = toolCallFromItem(item, ctx, key);
    if (call) calls.push(call);
    else ctx.diagnose("invalid-message", "warning", `${key} is a tool_use part without tool_call.* fields; left out`, key);
    return;
  }
  const text = typeof mc.text === "string" ? mc.text : undefined;
  switch (type ?? (text !== undefined ? "text" : undefined)) {
    case "text":
      parts.push({ type: "text", text: text ?? "" });
      return;
    case "image": {
      const url = isPlainObject(mc.image) && isPlainObject(mc.image.image) ? mc.image.image.url : undefined;
      if (typeof url === "string") {
        parts.push({ type: "image_url", image_url: { url } });
        return;
      }
      break;
    }
    case "audio": {
      const audio = isPlainObject(mc.audio) && isPlainObject(mc.audio.audio) ? mc.audio.audio : undefined;
      const url = audio?.url;
      if (typeof url === "string") {
        const transcript = typeof audio!.transcript === "string" ? audio!.transcript : undefined;
        const mime = typeof audio!.mime_type === "string" ? audio!.mime_type : undefined;
        const data = dataUri(url);
        if (data && data.mime.startsWith("audio/")) {
          const input: Obj = { data: data.data, format: data.mime.slice("audio/".length) };
          if (transcript !== undefined) input.transcript = transcript;
          parts.push({ type: "input_audio", input_audio: input as { data: string; format: string } });
        } else {
          const out: Obj = { type: "audio", url };
          if (mime !== undefined) out.mime_type = mime;
          if (transcript !== undefined) out.transcript = transcript;
          parts.push(out as ContentPart);
        }
        return;
      }
      break;
    }
    case "video": {
      const url = isPlainObject(mc.video) && isPlainObject(mc.video.video) ? mc.video.video.url : undefined;
      if (typeof url === "string") {
        parts.push({ type: "video", url } as ContentPart);
        return;
      }
      break;
    }
    case "reasoning": {
      const out: Obj = { type: "reasoning", text: text ?? "" };
      for (const extra of ["id", "signature", "data", "encrypted_content"] as const) if (typeof mc[extra] === "string") out[extra] = mc[extra];
      parts.push(out as ContentPart);
      return;
    }
    default:
      break;
  }
  // An unknown or incomplete part is kept as it came, so nothing is lost.
  ctx.diagnose("unknown-content-part", "info", `${key} (${CF.type} ${describeValue(type)}) is not a part we model; kept as given`, key);
  const raw: Obj = { type: type ?? "unknown" };
  for (const k of Object.keys(mc)) if (k !== "type") setOwn(raw, k, mc[k]);
  parts.push(raw as ContentPart);
}

function readFinishReason(ctx: ParseContext): string | null {
  if (!ctx.has(OI.finishReason)) return null;
  const v = readString(ctx, OI.finishReason);
  if (v === undefined) return null;
  ctx.consume(OI.finishReason);
  return v;
}

/** Legacy completions: `llm.prompts` as a string list (older releases) or `llm.prompts.<i>.prompt.text`. */
function readPrompts(ctx: ParseContext): ChatMessage[] | undefined {
  const whole = ctx.get(OI.prompts);
  if (Array.isArray(whole)) {
    if (whole.every((p) => typeof p === "string")) {
      ctx.consume(OI.prompts);
      return whole.length > 0 ? (whole as string[]).map((text) => ({ role: "user", content: text })) : undefined;
    }
    ctx.diagnose("invalid-value", "warning", `${OI.prompts} should be a list of strings; kept raw`, OI.prompts);
    return undefined;
  }
  const r = expand(ctx, OI.prompts);
  if (!r) return undefined;
  const out: ChatMessage[] = [];
  for (const item of r.items) {
    const text = isPlainObject(item) && isPlainObject(item.prompt) ? item.prompt.text : undefined;
    if (typeof text === "string") out.push({ role: "user", content: text });
  }
  if (out.length === 0) return undefined;
  r.consume();
  return out;
}

function readLegacyChoices(ctx: ParseContext): ChatChoice[] | undefined {
  const r = expand(ctx, SPEC_ONLY.choices);
  if (!r) return undefined;
  const finish = readFinishReason(ctx);
  const out: ChatChoice[] = [];
  for (const item of r.items) {
    const text = isPlainObject(item) && isPlainObject(item.completion) ? item.completion.text : undefined;
    if (typeof text === "string") out.push({ index: out.length, message: { role: "assistant", content: text }, finish_reason: finish });
  }
  if (out.length === 0) return undefined;
  r.consume();
  return out;
}

/** Anthropic takes the system prompt apart from the messages; its instrumentation leaves it in the parameters only. */
function recoverSystemPrompt(ctx: ParseContext, messages: ChatMessage[], params: Obj): ChatMessage[] {
  const system = params.system;
  if (system === undefined || messages.some((m) => m.role === "system")) return messages;
  let content: string | ContentPart[] | null = null;
  if (typeof system === "string") content = system;
  else if (Array.isArray(system)) {
    const parts: ContentPart[] = [];
    for (const block of system) {
      if (typeof block === "string") parts.push({ type: "text", text: block });
      else if (isPlainObject(block) && typeof block.text === "string") parts.push({ type: "text", text: block.text });
    }
    if (parts.length === system.length) content = simplifyContent(parts);
  }
  if (content === null || (Array.isArray(content) && content.length === 0)) return messages;
  delete params.system;
  ctx.diagnose(
    "system-prompt-recovered",
    "info",
    `the input messages have no system message; the system prompt was taken from ${OI.invocationParameters} ("system") and put first`,
    OI.invocationParameters,
  );
  return [{ role: "system", content }, ...messages];
}

// ---------------------------------------------------------------------------------------------
// Embeddings, documents, reranking

function readEmbeddings(ctx: ParseContext): boolean {
  const r = expand(ctx, OI.embeddingEmbeddings);
  if (!r) return false;
  const texts: string[] = [];
  const data: Obj[] = [];
  r.items.forEach((item, index) => {
    const e = isPlainObject(item) && isPlainObject(item.embedding) ? item.embedding : undefined;
    if (!e) {
      ctx.diagnose("invalid-value", "warning", `${OI.embeddingEmbeddings}.${index} has no embedding.* fields; left out`, `${OI.embeddingEmbeddings}.${index}`);
      return;
    }
    if (typeof e.text === "string") texts.push(e.text);
    const vector = e.vector;
    if (Array.isArray(vector) || typeof vector === "string") {
      // A string is the redaction marker ("__REDACTED__"); it is kept as given.
      data.push({ index, object: "embedding", embedding: Array.isArray(vector) ? [...vector] : vector });
    } else if (vector !== undefined) {
      ctx.diagnose("invalid-value", "warning", `${OI.embeddingEmbeddings}.${index}.${EF.vector} should be a list of numbers, got ${describeValue(vector)}`, `${OI.embeddingEmbeddings}.${index}.${EF.vector}`);
    }
  });
  if (texts.length === 0 && data.length === 0) return false;
  r.consume();
  if (texts.length > 0 && texts.length === r.items.length) {
    const inputs: Obj = { input: texts };
    const params = readParams(ctx, SPEC_ONLY.embeddingInvocationParameters);
    if (params) for (const [k, v] of Object.entries(params)) if (!(k in inputs)) setOwn(inputs, k, v);
    ctx.offer("inputs", inputs, RANK.flattened, "openinference");
  }
  if (data.length > 0) ctx.offer("outputs", { data }, RANK.flattened, "openinference");
  return true;
}

function readDocuments(ctx: ParseContext, prefix: string): RetrievedDocument[] | undefined {
  const r = expand(ctx, prefix);
  if (!r) return undefined;
  const docs: RetrievedDocument[] = [];
  r.items.forEach((item, i) => {
    const key = `${prefix}.${i}`;
    const d = isPlainObject(item) && isPlainObject(item.document) ? item.document : undefined;
    if (!d) {
      ctx.diagnose("invalid-document", "warning", `${key} has no document.* fields; left out`, key);
      return;
    }
    // Key order as MLflow's documents print: id, page_content, metadata.
    const doc = {} as RetrievedDocument;
    if (typeof d.id === "string" || typeof d.id === "number") doc.id = String(d.id);
    doc.page_content = typeof d.content === "string" ? d.content : d.content !== undefined ? asText(d.content, ctx, `${key}.${DF.content}`) : "";
    const metadata: Obj = {};
    if (d.score !== undefined) {
      if (typeof d.score === "number") metadata.score = d.score;
      else ctx.diagnose("invalid-value", "warning", `${key}.${DF.score} should be a number, got ${describeValue(d.score)}`, `${key}.${DF.score}`);
    }
    let meta: unknown = d.metadata;
    if (typeof meta === "string") {
      const parsed = safeJsonParse(meta);
      if (parsed.ok && isPlainObject(parsed.value)) meta = parsed.value;
      else {
        ctx.diagnose("invalid-json", "warning", `${key}.${DF.metadata} is not a JSON object; kept as metadata.raw`, `${key}.${DF.metadata}`);
        meta = { raw: meta };
      }
    }
    if (isPlainObject(meta)) for (const k of Object.keys(meta)) if (!(k === "score" && "score" in metadata)) setOwn(metadata, k, meta[k]);
    doc.metadata = metadata;
    docs.push(doc);
  });
  if (docs.length === 0) return undefined;
  r.consume();
  return docs;
}

function readReranker(ctx: ParseContext): boolean {
  const input = readDocuments(ctx, OI.rerankerInputDocuments);
  const output = readDocuments(ctx, OI.rerankerOutputDocuments);
  const inputs: Obj = {};
  const query = ctx.get(OI.rerankerQuery);
  if (typeof query === "string") {
    inputs.query = query;
    ctx.consume(OI.rerankerQuery);
  }
  if (ctx.has(OI.rerankerTopK)) {
    const k = toCount(ctx.get(OI.rerankerTopK), ctx, OI.rerankerTopK);
    if (k !== undefined) {
      inputs.top_k = k;
      ctx.consume(OI.rerankerTopK);
    }
  }
  if (input) inputs.documents = input;
  if (Object.keys(inputs).length > 0) ctx.offer("inputs", inputs, RANK.flattened, "openinference");
  if (output) ctx.offer("outputs", output, RANK.flattened, "openinference");
  return Object.keys(inputs).length > 0 || output !== undefined;
}

// ---------------------------------------------------------------------------------------------
// input.value / output.value

/**
 * The response id and model from a JSON `output.value` (the provider's whole response, as the OpenAI
 * and Anthropic instrumentations record it), to sit beside the choices as in an OpenAI chat completion.
 * `output.value` stays unconsumed: the rest of it (usage, object, created…) is not represented.
 */
function responseMetadata(ctx: ParseContext): Obj {
  const out: Obj = {};
  const mime = ctx.get(OI.outputMimeType);
  if (!ctx.has(OI.outputValue) || typeof mime !== "string" || !mime.toLowerCase().includes("json")) return out;
  const parsed = ctx.json(OI.outputValue);
  if (!parsed.ok || !isPlainObject(parsed.value)) return out;
  if (typeof parsed.value.id === "string" && parsed.value.id !== "") out.id = parsed.value.id;
  if (typeof parsed.value.model === "string" && parsed.value.model !== "") out.model = parsed.value.model;
  return out;
}

/**
 * A JSON `input.value` / `output.value` (by its mime type) parsed, or undefined. Nothing is consumed:
 * this only peeks, for the LangChain envelopes.
 */
function jsonValue(ctx: ParseContext, key: string, mimeKey: string): unknown {
  const mime = ctx.get(mimeKey);
  if (!ctx.has(key) || typeof mime !== "string" || !mime.toLowerCase().includes("json")) return undefined;
  const parsed = ctx.json(key);
  return parsed.ok ? parsed.value : undefined;
}

/** Does a tool call lack its id, or a tool message its `tool_call_id`? */
function lacksIds(messages: readonly ChatMessage[]): boolean {
  return messages.some((m) => (m.role === "tool" && m.tool_call_id === undefined) || (m.tool_calls?.some((c) => c.id === "") ?? false));
}

/**
 * Fills in what the flattened messages lack from the same messages decoded from a LangChain envelope:
 * tool-call ids (matched by position and function name) and a tool message's `tool_call_id`. Only when
 * both lists have the same length and roles, so a different conversation is never mixed in.
 */
function fillFromLangChain(messages: ChatMessage[], decoded: ChatMessage[] | undefined): void {
  if (decoded === undefined || decoded.length !== messages.length) return;
  if (messages.some((m, i) => m.role !== decoded[i]!.role)) return;
  messages.forEach((m, i) => {
    const d = decoded[i]!;
    if (m.tool_calls && d.tool_calls && m.tool_calls.length === d.tool_calls.length) {
      m.tool_calls.forEach((call, j) => {
        const other = d.tool_calls![j]!;
        if (call.id === "" && other.id !== "" && call.function.name === other.function.name) call.id = other.id;
      });
    }
    if (m.role === "tool" && m.tool_call_id === undefined && d.tool_call_id !== undefined) m.tool_call_id = d.tool_call_id;
  });
}

/**
 * A whole `input.value` / `output.value` made readable: LangChain envelopes decoded (src/mappers/langchain.ts),
 * and LangChain's `{"output": x}` wrapping removed when x is a LangChain object (the instrumentation
 * already unwraps single-key objects holding a string, and an object of the application's own is kept).
 */
function readableValue(value: unknown, field: "inputs" | "outputs"): unknown {
  const run = unwrapRunValue(value, field);
  return fromLangChain(run.unwrapped && asLangChainSerialized(run.value) !== undefined ? run.value : value);
}

function readValue(ctx: ParseContext, key: string, mimeKey: string): { ok: true; value: unknown } | { ok: false } {
  if (!ctx.has(key)) return { ok: false };
  const raw = ctx.get(key);
  const mimeRaw = ctx.get(mimeKey);
  const mime = typeof mimeRaw === "string" ? mimeRaw.trim().toLowerCase() : undefined;
  ctx.consume(key);
  if (mime !== undefined) ctx.consume(mimeKey);
  if (typeof raw !== "string") return { ok: true, value: raw };
  if (mime !== undefined && mime.includes("json")) {
    const parsed = ctx.json(key);
    return { ok: true, value: parsed.ok ? parsed.value : raw };
  }
  if (mime === undefined && looksLikeJsonContainer(raw)) {
    // No mime type: JSON when it parses, text otherwise (no diagnostic: text may look like JSON).
    const parsed = safeJsonParse(raw);
    return { ok: true, value: parsed.ok ? parsed.value : raw };
  }
  return { ok: true, value: raw };
}

// ---------------------------------------------------------------------------------------------

function inferSpanType(ctx: ParseContext, content: "chat" | "embedding" | "documents" | "rerank" | undefined, hasModel: boolean, chatType: SpanType): void {
  let type: SpanType | undefined;
  if (content === "chat") type = chatType;
  else if (content === "embedding") type = "EMBEDDING";
  else if (content === "documents") type = "RETRIEVER";
  else if (content === "rerank") type = "RERANKER";
  else if (hasModel || ctx.current("tokenUsage")) type = "LLM";
  if (type) ctx.offer("spanType", type, RANK.inferred, "openinference");
}

