/**
 * CanonicalSpan -> a span in the latest OTel GenAI conventions (message schemas pinned in
 * src/conventions/genai.ts). With `includeDeprecated`, the renamed keys some backends still read
 * are written as well (`gen_ai.system`, `gen_ai.usage.prompt_tokens` / `completion_tokens`,
 * `gen_ai.prompt` / `gen_ai.completion`, `gen_ai.openai.*`).
 *
 * Attributes kept from the source span: every key of no LLM convention (http.*, server.*, error.type,
 * …) and the `gen_ai.*` keys this emitter does not write (agent, conversation, tool name, …).
 * `mlflow.*`, OpenInference and OpenLLMetry keys are left out: their content is what the written
 * `gen_ai.*` keys now carry.
 */
import type { Attributes, ChatChoice, ChatMessage, CanonicalSpan, RetrievedDocument, SpanKindName, SpanType } from "../../canonical/span.js";
import type { SpanLike } from "../../otlp/span-like.js";
import { scopeForEmit } from "../../readers/usage.js";
import { GENAI } from "./keys.js";
import { GENAI_MODEL_OPERATIONS, GENAI_REQUEST_PARAMS, GENAI_USAGE_KEYS } from "./tables.js";
import { safeJsonStringify } from "../../internal/json.js";
import { isPlainObject, setOwn } from "../../internal/records.js";
import type { EmitContext, EmitOptions } from "../types.js";
import { GENAI_OPERATION_SPAN_TYPES } from "./tables.js";
import { choicesToGenAi, messageToGenAi, toolToGenAi } from "../../readers/genai-parts-write.js";
import { chatChoices, chatMessages } from "../../readers/chat.js";

import type { Obj } from "../../internal/records.js";

/** Every `gen_ai.*` key this emitter writes or replaces; a source value of one of them is not copied. */
const OWNED_KEYS: ReadonlySet<string> = new Set<string>([
  ...Object.values(GENAI).filter(
    (k) => ![GENAI.conversationId, GENAI.agentName, GENAI.agentId, GENAI.agentDescription, GENAI.toolName, GENAI.toolCallId, GENAI.toolType, GENAI.toolDescription].includes(k as never),
  ),
  ...GENAI_REQUEST_PARAMS.map((p) => p.key),
  ...Object.values(GENAI_USAGE_KEYS).flat(),
]);

/** Span type -> the operation written for it. */
const OPERATION_OF_TYPE: Partial<Record<SpanType, string>> = {
  CHAT_MODEL: "chat",
  LLM: "text_completion",
  EMBEDDING: "embeddings",
  TOOL: "execute_tool",
  AGENT: "invoke_agent",
  WORKFLOW: "invoke_workflow",
  RETRIEVER: "retrieval",
};

/** Providers whose APIs take the system prompt apart from the chat history. */
const SEPARATE_SYSTEM_PROVIDERS: ReadonlySet<string> = new Set(["anthropic", "aws.bedrock", "gcp.gemini", "gcp.vertex_ai", "gcp.gen_ai"]);

/** Canonical `inputs` parameter -> GenAI request attribute (the first spec key in GENAI_REQUEST_PARAMS). */
const PARAM_KEYS: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const { key, param } of GENAI_REQUEST_PARAMS) if (!map.has(param) && !key.includes(".openai.") && !key.startsWith("openai.")) map.set(param, key);
  return map;
})();

function chooseOperation(span: CanonicalSpan, messages: ChatMessage[] | undefined): string | undefined {
  const existing = span.attributes[GENAI.operation];
  if (typeof existing === "string" && (span.spanType === "UNKNOWN" || GENAI_OPERATION_SPAN_TYPES[existing] === span.spanType)) return existing;
  if (span.spanType === "LLM") return messages ? "generate_content" : "text_completion";
  return OPERATION_OF_TYPE[span.spanType];
}


function asAttribute(value: unknown): Attributes[string] {
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return [...value];
  return safeJsonStringify(value);
}

export function emitGenAi(span: CanonicalSpan, options: EmitOptions, ctx: EmitContext): SpanLike {
  const deprecated = options.includeDeprecated === true;
  const attrs: Attributes = {};
  for (const key of Object.keys(span.attributes)) {
    const convention = ctx.conventionOf(key);
    // Another convention's keys (mlflow.*, OpenInference, OpenLLMetry, the AI SDK's ai.*) are not
    // carried over: their content is what this span now says in GenAI keys.
    if (convention !== undefined && convention !== "genai") continue;
    if (convention === "genai" && OWNED_KEYS.has(key)) continue;
    setOwn(attrs, key, span.attributes[key]);
  }
  const inputs = isPlainObject(span.inputs) ? (span.inputs as Obj) : undefined;
  const outputs = isPlainObject(span.outputs) ? (span.outputs as Obj) : undefined;
  let messages = chatMessages(span.inputs);
  const choices = chatChoices(span.outputs);
  const operation = chooseOperation(span, messages);
  if (operation) attrs[GENAI.operation] = operation;

  if (span.provider !== undefined) {
    attrs[GENAI.provider] = span.provider;
    if (deprecated) attrs[GENAI.system] = span.provider;
  }
  const requestModel = typeof inputs?.model === "string" ? inputs.model : span.model;
  const responseModel = typeof outputs?.model === "string" ? outputs.model : span.model !== requestModel ? span.model : undefined;
  if (requestModel !== undefined) attrs[GENAI.requestModel] = requestModel;
  if (responseModel !== undefined) attrs[GENAI.responseModel] = responseModel;

  if (inputs && messages) writeParams(inputs, attrs, deprecated);

  if (messages) {
    if (span.provider !== undefined && SEPARATE_SYSTEM_PROVIDERS.has(span.provider)) {
      let lead = 0;
      while (lead < messages.length && messages[lead]!.role === "system") lead++;
      if (lead > 0) {
        const parts = messages.slice(0, lead).flatMap((m) => messageToGenAi(m).parts);
        attrs[GENAI.systemInstructions] = safeJsonStringify(parts);
        messages = messages.slice(lead);
      }
    }
    attrs[GENAI.inputMessages] = safeJsonStringify(messages.map(messageToGenAi));
    if (deprecated) attrs[GENAI.prompt] = safeJsonStringify(chatMessages(span.inputs));
  }
  if (choices) {
    const { messages: out, finishReasons } = choicesToGenAi(choices);
    attrs[GENAI.outputMessages] = safeJsonStringify(out);
    if (finishReasons) attrs[GENAI.finishReasons] = finishReasons;
    if (deprecated) attrs[GENAI.completion] = safeJsonStringify(choices.map((c) => c.message));
  }
  if (outputs) {
    if (typeof outputs.id === "string") attrs[GENAI.responseId] = outputs.id;
    if (typeof outputs.system_fingerprint === "string") {
      attrs["openai.response.system_fingerprint"] = outputs.system_fingerprint;
      if (deprecated) attrs[GENAI.openaiSystemFingerprint] = outputs.system_fingerprint;
    }
    if (typeof outputs.service_tier === "string") attrs["openai.response.service_tier"] = outputs.service_tier;
  }

  if (span.spanType === "TOOL") {
    if (span.inputs !== undefined) attrs[GENAI.toolCallArguments] = typeof span.inputs === "string" ? span.inputs : safeJsonStringify(span.inputs);
    if (span.outputs !== undefined) attrs[GENAI.toolCallResult] = typeof span.outputs === "string" ? span.outputs : safeJsonStringify(span.outputs);
    if (attrs[GENAI.toolName] === undefined && span.name) attrs[GENAI.toolName] = span.name;
  }

  if (span.spanType === "RETRIEVER") writeRetrieval(span, attrs);

  if (span.tools && span.tools.length > 0) attrs[GENAI.toolDefinitions] = safeJsonStringify(span.tools.map(toolToGenAi));

  const usage = span.tokenUsage;
  if (usage) {
    if (usage.input_tokens !== undefined) attrs[GENAI.inputTokens] = usage.input_tokens;
    if (usage.output_tokens !== undefined) attrs[GENAI.outputTokens] = usage.output_tokens;
    if (usage.cache_read_input_tokens !== undefined) attrs[GENAI.cacheReadTokens] = usage.cache_read_input_tokens;
    if (usage.cache_creation_input_tokens !== undefined) {
      // The newest spec name, and the released one while the rename is unreleased.
      attrs[GENAI.cacheWriteTokens] = usage.cache_creation_input_tokens;
      attrs[GENAI.cacheCreationTokens] = usage.cache_creation_input_tokens;
    }
    if (usage.reasoning_tokens !== undefined) attrs[GENAI.reasoningTokens] = usage.reasoning_tokens;
    if (usage.input_audio_tokens !== undefined) attrs[GENAI.audioInputTokens] = usage.input_audio_tokens;
    if (usage.output_audio_tokens !== undefined) attrs[GENAI.audioOutputTokens] = usage.output_audio_tokens;
    if (deprecated) {
      if (usage.input_tokens !== undefined) attrs[GENAI.promptTokens] = usage.input_tokens;
      if (usage.output_tokens !== undefined) attrs[GENAI.completionTokens] = usage.output_tokens;
    }
  }

  if (span.status?.code === "ERROR" && attrs["error.type"] === undefined) attrs["error.type"] = exceptionType(span) ?? "_OTHER";

  const out: SpanLike = { ...ctx.envelope, attributes: attrs };
  if (usage && ctx.envelope.scope) out.scope = scopeForEmit(ctx.envelope.scope);
  out.name = spanName(span, operation, requestModel, attrs);
  const kind: SpanKindName = operation !== undefined && GENAI_MODEL_OPERATIONS.has(operation) ? "CLIENT" : "INTERNAL";
  out.kind = kind;
  return out;
}

/**
 * The type an `exception` event names (`exception.type`, the OTel exception convention), for
 * `error.type`, which the spec asks to be the exception's type when there is one; the first such
 * event wins. `_OTHER` is the spec's value only when nothing names the type.
 */
function exceptionType(span: CanonicalSpan): string | undefined {
  for (const event of span.events ?? []) {
    if (event.name !== "exception") continue;
    const type = event.attributes?.["exception.type"];
    if (typeof type === "string" && type !== "") return type;
  }
  return undefined;
}

/**
 * A retriever's query (a string input) and its documents, as the spec's `{id, score, ...}` objects with
 * the text as `content` and the other metadata beside. Other shapes of retriever inputs/outputs have no
 * GenAI key and are not written.
 */
function writeRetrieval(span: CanonicalSpan, attrs: Attributes): void {
  if (typeof span.inputs === "string") attrs[GENAI.retrievalQueryText] = span.inputs;
  const docs = span.outputs;
  if (!Array.isArray(docs) || !docs.every((d) => isPlainObject(d) && typeof d.page_content === "string")) return;
  const written = (docs as RetrievedDocument[]).map((doc) => {
    const out: Obj = {};
    if (doc.id !== undefined) out.id = doc.id;
    const metadata = isPlainObject(doc.metadata) ? doc.metadata : {};
    if (metadata.score !== undefined) out.score = metadata.score;
    out.content = doc.page_content;
    // `content` and `id` are the document's own fields: metadata of those names has no place (carry.ts).
    for (const k of Object.keys(metadata)) if (k !== "score" && k !== "content" && k !== "id") setOwn(out, k, metadata[k]);
    return out;
  });
  attrs[GENAI.retrievalDocuments] = safeJsonStringify(written);
}

function writeParams(inputs: Obj, attrs: Attributes, deprecated: boolean): void {
  for (const [param, value] of Object.entries(inputs)) {
    if (value === undefined || value === null) continue;
    if (param === "stop") {
      attrs[PARAM_KEYS.get("stop")!] = typeof value === "string" ? [value] : asAttribute(value);
      continue;
    }
    if (param === "max_completion_tokens" && inputs.max_tokens === undefined && typeof value === "number") {
      attrs["gen_ai.request.max_tokens"] = value;
      continue;
    }
    if (param === "response_format") {
      const type = isPlainObject(value) ? value.type : value;
      if (inputs.output_type === undefined && typeof type === "string") attrs[GENAI.outputType] = type === "text" ? "text" : "json";
      if (deprecated) attrs["gen_ai.openai.request.response_format"] = typeof type === "string" ? type : safeJsonStringify(value);
      continue;
    }
    if (param === "service_tier" && typeof value === "string") {
      attrs["openai.request.service_tier"] = value;
      continue;
    }
    const key = PARAM_KEYS.get(param);
    if (key === undefined) continue;
    attrs[key] = asAttribute(value);
    if (deprecated && param === "seed") attrs["gen_ai.openai.request.seed"] = asAttribute(value);
  }
}

function spanName(span: CanonicalSpan, operation: string | undefined, model: string | undefined, attrs: Attributes): string {
  if (operation === undefined) return span.name;
  if (GENAI_MODEL_OPERATIONS.has(operation)) return model ? `${operation} ${model}` : operation;
  const subject = operation === "execute_tool" ? attrs[GENAI.toolName] : operation.endsWith("_agent") ? attrs[GENAI.agentName] : undefined;
  return typeof subject === "string" && subject !== "" ? `${operation} ${subject}` : span.name || operation;
}

