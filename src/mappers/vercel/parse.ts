/**
 * The Vercel AI SDK parser: the `ai.*` keys the SDK writes on its own spans.
 *
 * One call makes an outer span (`ai.generateText`, `ai.streamText`, `ai.generateObject`, `ai.embed`,
 * ...), one inner span per provider request (`….doGenerate`, `….doStream`, `….doEmbed`) and one
 * `ai.toolCall` span per tool it runs. Content and usage are in `ai.*`; the provider-request spans
 * also carry a few `gen_ai.*` keys (request parameters, response id/model, input/output counts), which
 * the GenAI parser reads after this one and merges into what is found here (registry order).
 *
 * Span types: the outer text and object calls are LLM (as MLflow's own Vercel translator types them;
 * one such call may run several model requests and tools), each provider request is CHAT_MODEL (a
 * chat call with messages, as the other conventions' chat calls are), tool calls TOOL, embeddings
 * EMBEDDING, reranking RERANKER.
 */
import type { ChatMessage, ContentPart, SpanType } from "../../span.js";
import { VERCEL, VERCEL_OPERATIONS, VERCEL_PROVIDERS, VERCEL_SETTINGS, VERCEL_USAGE_DERIVED, VERCEL_USAGE_KEYS } from "../../conventions/vercel.js";
import { NORMALIZED_CHAT_FORMAT } from "../../conventions/mlflow.js";
import { safeJsonParse } from "../../internal/json.js";
import { RANK, type ParseContext } from "../context.js";
import { GROUP } from "../groups.js";
import { countSources, readCounts, toCount } from "../usage.js";
import { consumeUnlessLeftOut, describeValue, normalizeProvider, readJsonValue, readString } from "../values.js";
import {
  finishReasonFromVercel,
  messagesFromVercel,
  promptFromVercel,
  toolCallsFromVercel,
  toolChoiceFromVercel,
  toolsFromVercel,
} from "./messages.js";

import type { Obj } from "../../internal/records.js";

type OperationKind = keyof typeof VERCEL_OPERATIONS;

const SPAN_TYPES: Readonly<Record<OperationKind, SpanType>> = {
  textCalls: "LLM",
  objectCalls: "LLM",
  modelCalls: "CHAT_MODEL",
  toolCalls: "TOOL",
  embeddings: "EMBEDDING",
  rerank: "RERANKER",
};

/** Each known `ai.operationId` and its group, built once. */
const OPERATIONS: ReadonlyMap<string, OperationKind> = new Map(
  (Object.keys(VERCEL_OPERATIONS) as OperationKind[]).flatMap((kind) => VERCEL_OPERATIONS[kind].map((op) => [op, kind] as const)),
);

export function parseVercelAi(ctx: ParseContext): void {
  const operation = readString(ctx, VERCEL.operationId);
  const kind = operation === undefined ? undefined : OPERATIONS.get(operation);
  if (kind !== undefined) {
    ctx.consume(VERCEL.operationId);
    ctx.offer("spanType", SPAN_TYPES[kind], RANK.operation, "vercel-ai");
  } else if (operation !== undefined) {
    ctx.diagnose("unknown-operation", "info", `${VERCEL.operationId} "${operation}" is not an AI SDK operation this version knows; the span type is inferred from the other attributes`, VERCEL.operationId);
  }

  const requestModel = readString(ctx, VERCEL.modelId);
  const responseModel = readString(ctx, VERCEL.responseModel);
  if (requestModel !== undefined) ctx.consume(VERCEL.modelId);
  if (responseModel !== undefined) ctx.consume(VERCEL.responseModel);
  const model = responseModel ?? requestModel;
  if (model !== undefined) ctx.offer("model", model, RANK.structured, "vercel-ai");
  readProvider(ctx);

  const params: Obj = {};
  if (requestModel !== undefined) params.model = requestModel;
  const settings = readSettings(ctx, params);
  readUsage(ctx, kind === "embeddings");

  const chatInputs = readChatInputs(ctx, params);
  let hasChat = chatInputs;
  if (readChatOutputs(ctx, responseModel)) hasChat = true;
  let paramsPlaced = chatInputs;
  if (!hasChat) {
    readValue(ctx, ctx.has(VERCEL.toolCallArgs) ? VERCEL.toolCallArgs : VERCEL.toolCallInput, "inputs");
    readValue(ctx, ctx.has(VERCEL.toolCallResult) ? VERCEL.toolCallResult : VERCEL.toolCallOutput, "outputs");
    paramsPlaced = readEmbeddings(ctx, params);
    readRerank(ctx);
  }
  if (settings !== undefined) {
    if (paramsPlaced) for (const key of settings) ctx.consume(key);
    // Content not recorded (telemetry recordInputs: false): the request parameters are the inputs.
    else if (!ctx.current("inputs")) ctx.offer("inputs", { ...params }, RANK.inferred, "vercel-ai");
  }
  if (hasChat) ctx.offer("messageFormat", NORMALIZED_CHAT_FORMAT, RANK.structured, "vercel-ai");
  if (kind === undefined) inferSpanType(ctx, hasChat);
}

// ---------------------------------------------------------------------------------------------
// Scalars

/**
 * `ai.model.provider` is the SDK's provider id, `<provider>.<api>` (`openai.chat`, `openai.responses`,
 * `anthropic.messages`, `google.vertex.chat`, `amazon-bedrock`): the provider is its first part, in the
 * GenAI spec's spelling. The attribute itself stays (the API part is not kept anywhere else).
 */
function readProvider(ctx: ParseContext): void {
  const raw = readString(ctx, VERCEL.modelProvider);
  if (raw === undefined) return;
  const lower = raw.toLowerCase();
  let provider: string | undefined;
  for (const [prefix, name] of VERCEL_PROVIDERS) {
    if (lower.startsWith(prefix) && (lower.length === prefix.length || lower.charCodeAt(prefix.length) === 0x2e /* . */)) {
      provider = name;
      break;
    }
  }
  if (provider === undefined) {
    const dot = lower.indexOf(".");
    provider = normalizeProvider(dot < 0 ? lower : lower.slice(0, dot));
  }
  // Above `gen_ai.system` (RANK.raw, which holds the same id unsplit), below `gen_ai.provider.name`.
  ctx.offer("provider", provider, RANK.operation, "vercel-ai");
}

/**
 * Adds the valid call settings to `params` and returns their keys. They are consumed only by a
 * parser step that offers them in chat or embedding inputs: params alone are a weak candidate that
 * another convention's inputs (`input.value`, say) may replace, and the keys must then stay.
 */
function readSettings(ctx: ParseContext, params: Obj): string[] | undefined {
  let keys: string[] | undefined;
  if ((ctx.groups & GROUP.vercelSettings) === 0) return keys;
  for (let i = 0; i < VERCEL_SETTINGS.length; i++) {
    const { key, param, kind } = VERCEL_SETTINGS[i]!;
    if (!ctx.has(key)) continue;
    const value = ctx.get(key);
    const ok =
      kind === "number" ? typeof value === "number" :
      kind === "int" ? typeof value === "number" && Number.isInteger(value) :
      Array.isArray(value) && value.every((v) => typeof v === "string");
    if (!ok) {
      ctx.diagnose("invalid-value", "warning", `${key} has the wrong type (${describeValue(value)}); left out of inputs`, key);
      continue;
    }
    (keys ??= []).push(key);
    // The first spelling in the table wins (maxOutputTokens over the AI SDK 4 maxTokens).
    if (!(param in params)) params[param] = Array.isArray(value) ? [...value] : value;
  }
  return keys;
}

const USAGE_SOURCES = countSources(VERCEL_USAGE_KEYS, () => GROUP.vercelUsage);

/**
 * `ai.usage.*`. The SDK's input count already includes cache reads and writes (it sums them from the
 * provider's report), as `input_tokens` means here; an outer call's counts are the sum over its steps.
 */
function readUsage(ctx: ParseContext, embeddings: boolean): void {
  if ((ctx.groups & GROUP.vercelUsage) === 0) return;
  const usage = readCounts(ctx, USAGE_SOURCES);
  if (usage === undefined) return;
  if (embeddings && usage.output_tokens === undefined) usage.output_tokens = 0;
  // Breakdowns that are differences of counts already read: consumed when they agree, kept otherwise.
  const noCache = toCount(ctx.get(VERCEL_USAGE_DERIVED.noCacheTokens));
  if (noCache !== undefined && usage.input_tokens === noCache + (usage.cache_read_input_tokens ?? 0) + (usage.cache_creation_input_tokens ?? 0)) {
    ctx.consume(VERCEL_USAGE_DERIVED.noCacheTokens);
  }
  const text = toCount(ctx.get(VERCEL_USAGE_DERIVED.textTokens));
  if (text !== undefined && usage.output_tokens === text + (usage.reasoning_tokens ?? 0)) ctx.consume(VERCEL_USAGE_DERIVED.textTokens);
  ctx.offer("tokenUsage", usage, RANK.structured, "vercel-ai");
}

// ---------------------------------------------------------------------------------------------
// Chat calls

/** Provider-request messages first: they are what was sent (a span with both is not written by the SDK). */
const PROMPT_KEYS = [VERCEL.promptMessages, VERCEL.prompt] as const;
const RESPONSE_TEXT_KEYS = [VERCEL.responseText, VERCEL.responseObject] as const;

/** Inputs of a provider request (`ai.prompt.messages`) or of an outer call (`ai.prompt`). */
function readChatInputs(ctx: ParseContext, params: Obj): boolean {
  let messages: ChatMessage[] | undefined;
  for (const key of PROMPT_KEYS) {
    if (!ctx.has(key)) continue;
    const parsed = ctx.json(key);
    if (!parsed.ok) continue;
    const before = ctx.diagnostics.length;
    messages = key === VERCEL.prompt ? promptFromVercel(parsed.value, ctx, key) : messagesFromVercel(parsed.value, ctx, key);
    if (messages === undefined) continue;
    consumeUnlessLeftOut(ctx, key, before);
    break;
  }
  if (messages === undefined) return false;

  const inputs: Obj = { messages };
  for (const k in params) inputs[k] = params[k];
  if (ctx.has(VERCEL.promptTools)) {
    const before = ctx.diagnostics.length;
    const read = toolsFromVercel(ctx.get(VERCEL.promptTools), ctx, VERCEL.promptTools);
    if (read) {
      if (read.skipped === 0) consumeUnlessLeftOut(ctx, VERCEL.promptTools, before);
      if (read.tools.length > 0) ctx.offer("tools", read.tools, RANK.structured, "vercel-ai");
    }
  }
  if (ctx.has(VERCEL.promptToolChoice)) {
    const parsed = ctx.json(VERCEL.promptToolChoice);
    const choice = parsed.ok ? toolChoiceFromVercel(parsed.value) : undefined;
    if (choice !== undefined) {
      inputs.tool_choice = choice;
      ctx.consume(VERCEL.promptToolChoice);
    } else if (parsed.ok) {
      ctx.diagnose("invalid-value", "warning", `${VERCEL.promptToolChoice} is not a tool choice ({type: auto | none | required | tool}); kept raw`, VERCEL.promptToolChoice);
    }
  }
  ctx.offer("inputs", inputs, RANK.structured, "vercel-ai");
  return true;
}

/**
 * The response of a provider request or of an outer call (whose response is its last step's): one
 * assistant choice with the reasoning, the text (or the generated object's JSON) and the tool calls.
 */
function readChatOutputs(ctx: ParseContext, responseModel: string | undefined): boolean {
  const parts: ContentPart[] = [];
  let found = false;
  const reasoning = readString(ctx, VERCEL.responseReasoning);
  if (reasoning !== undefined) {
    ctx.consume(VERCEL.responseReasoning);
    parts.push({ type: "reasoning", text: reasoning });
    found = true;
  }
  for (const key of RESPONSE_TEXT_KEYS) {
    if (!ctx.has(key)) continue;
    const text = ctx.get(key);
    if (typeof text !== "string") {
      ctx.diagnose("invalid-value", "warning", `${key} should be a string, got ${describeValue(text)}; kept raw`, key);
      continue;
    }
    ctx.consume(key);
    found = true;
    if (text !== "") parts.push({ type: "text", text });
  }
  let calls;
  if (ctx.has(VERCEL.responseToolCalls)) {
    const parsed = ctx.json(VERCEL.responseToolCalls);
    if (parsed.ok) {
      const before = ctx.diagnostics.length;
      calls = toolCallsFromVercel(parsed.value, ctx, VERCEL.responseToolCalls);
      if (calls) {
        consumeUnlessLeftOut(ctx, VERCEL.responseToolCalls, before);
        found = true;
      }
    }
  }
  const finish = ctx.get(VERCEL.responseFinishReason);
  const finishReason = finishReasonFromVercel(finish);
  if (finishReason !== null) {
    ctx.consume(VERCEL.responseFinishReason);
    found = true;
  } else if (finish !== undefined) {
    ctx.diagnose("invalid-value", "warning", `${VERCEL.responseFinishReason} should be a non-empty string, got ${describeValue(finish)}`, VERCEL.responseFinishReason);
  }
  if (!found) return false;

  const message: ChatMessage = { role: "assistant", content: parts.length === 0 ? null : parts.length === 1 && parts[0]!.type === "text" ? (parts[0] as { text: string }).text : parts };
  if (calls && calls.length > 0) message.tool_calls = calls;
  const outputs: Obj = {};
  const id = readString(ctx, VERCEL.responseId);
  if (id !== undefined) {
    ctx.consume(VERCEL.responseId);
    outputs.id = id;
  }
  if (responseModel !== undefined) outputs.model = responseModel;
  outputs.choices = [{ index: 0, message, finish_reason: finishReason }];
  ctx.offer("outputs", outputs, RANK.structured, "vercel-ai");
  return true;
}

// ---------------------------------------------------------------------------------------------
// Tool calls, embeddings, reranking

/** A tool's input or output, which the SDK writes as the JSON of any value. */
function readValue(ctx: ParseContext, key: string, field: "inputs" | "outputs"): void {
  if (!ctx.has(key)) return;
  const parsed = readJsonValue(ctx, key);
  if (!parsed.ok) return;
  ctx.consume(key);
  ctx.offer(field, parsed.value, RANK.structured, "vercel-ai");
}

/** `ai.values` / `ai.embeddings` are lists of strings, each one JSON value; undefined if any is not. */
function jsonList(ctx: ParseContext, key: string): unknown[] | undefined {
  const raw = ctx.get(key);
  if (!Array.isArray(raw)) {
    ctx.diagnose("invalid-value", "warning", `${key} should be a list of JSON strings, got ${describeValue(raw)}; kept raw`, key);
    return undefined;
  }
  const out: unknown[] = [];
  for (const item of raw) {
    if (typeof item !== "string") {
      out.push(item);
      continue;
    }
    const parsed = safeJsonParse(item);
    if (!parsed.ok) {
      ctx.diagnose("invalid-json", "warning", `${key}: an item is not usable JSON (${describeValue(item)}); kept raw`, key);
      return undefined;
    }
    out.push(parsed.value);
  }
  return out;
}

/**
 * Embedding inputs and outputs in the OpenAI shapes: `{input}` and `{data: [{index, object, embedding}]}`.
 * Returns whether inputs were offered (with the request parameters in them).
 */
function readEmbeddings(ctx: ParseContext, params: Obj): boolean {
  let input: unknown;
  if (ctx.has(VERCEL.value)) {
    const parsed = ctx.json(VERCEL.value);
    if (parsed.ok) {
      input = parsed.value;
      ctx.consume(VERCEL.value);
    }
  } else if (ctx.has(VERCEL.values)) {
    input = jsonList(ctx, VERCEL.values);
    if (input !== undefined) ctx.consume(VERCEL.values);
  }
  if (input !== undefined) {
    const inputs: Obj = { input };
    for (const k in params) inputs[k] = params[k];
    ctx.offer("inputs", inputs, RANK.structured, "vercel-ai");
  }
  let vectors: unknown[] | undefined;
  if (ctx.has(VERCEL.embedding)) {
    const parsed = ctx.json(VERCEL.embedding);
    if (parsed.ok) {
      vectors = [parsed.value];
      ctx.consume(VERCEL.embedding);
    }
  } else if (ctx.has(VERCEL.embeddings)) {
    vectors = jsonList(ctx, VERCEL.embeddings);
    if (vectors !== undefined) ctx.consume(VERCEL.embeddings);
  }
  if (vectors !== undefined) {
    const data = vectors.map((embedding, index) => ({ index, object: "embedding", embedding }));
    ctx.offer("outputs", { data }, RANK.structured, "vercel-ai");
  }
  return input !== undefined;
}

/** `ai.rerank`: the documents sent and the ranking returned (`{index, relevanceScore}` per entry), as the SDK wrote them. */
function readRerank(ctx: ParseContext): void {
  if (ctx.has(VERCEL.documents)) {
    const documents = jsonList(ctx, VERCEL.documents);
    if (documents !== undefined) {
      ctx.consume(VERCEL.documents);
      ctx.offer("inputs", { documents }, RANK.structured, "vercel-ai");
    }
  }
  if (ctx.has(VERCEL.ranking)) {
    const ranking = jsonList(ctx, VERCEL.ranking);
    if (ranking !== undefined) {
      ctx.consume(VERCEL.ranking);
      ctx.offer("outputs", ranking, RANK.structured, "vercel-ai");
    }
  }
}

/** Without a known operation id: a chat shape is a model call, usage alone an LLM call. */
function inferSpanType(ctx: ParseContext, hasChat: boolean): void {
  let type: SpanType | undefined;
  if (hasChat) type = ctx.has(VERCEL.promptMessages) ? "CHAT_MODEL" : "LLM";
  else if (ctx.has(VERCEL.toolCallName)) type = "TOOL";
  else if (ctx.current("tokenUsage")) type = "LLM";
  if (type) ctx.offer("spanType", type, RANK.inferred, "vercel-ai");
}
