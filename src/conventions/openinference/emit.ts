/**
 * CanonicalSpan -> a span in OpenInference attributes, flattened the way the spec and Phoenix read them:
 * `llm.input_messages.<i>.message.{role,content,name,tool_call_id}`,
 * `…message.contents.<j>.message_content.{type,text,image.image.url,audio.audio.*,…}`,
 * `…message.tool_calls.<k>.tool_call.{id,function.name,function.arguments}`, `llm.tools.<i>.tool.json_schema`,
 * `llm.token_count.*`, `retrieval.documents.<i>.document.*`, `embedding.embeddings.<i>.embedding.*`,
 * and `input.value` / `output.value` with their mime types on every span that has inputs or outputs.
 *
 * Attributes kept from the source span: keys of no LLM convention (http.*, session.id, metadata, tag.tags,
 * tool.name, …) and the OpenInference keys this emitter does not write (`llm.prompt_template.*`,
 * `llm.function_call`, …). `mlflow.*`, GenAI and OpenLLMetry keys are left out: the written keys carry
 * their content, except `mlflow.spanType`, written where the kind cannot say the type (MLFLOW_SPAN_TYPE).
 */
import type { Attributes, AttributeValue, ChatChoice, ChatMessage, ChatTool, ContentPart, CanonicalSpan, SpanType } from "../../canonical/span.js";
import type { SpanLike } from "../../otlp/span-like.js";
import { scopeForEmit } from "../../readers/usage.js";
import { OI, OI_CONTENT_FIELD as CF, OI_DOCUMENT_FIELD as DF, OI_EMBEDDING_FIELD as EF, OI_LLM_SYSTEMS, OI_MESSAGE_FIELD as MF, OI_MIME, OI_SPAN_KINDS, OI_TOOL_CALL_FIELD as TF, OPENINFERENCE_SPEC_ONLY_KEYS as SPEC_ONLY } from "./keys.js";
import { safeJsonStringify } from "../../internal/json.js";
import { isPlainObject, setOwn } from "../../internal/records.js";
import type { EmitContext, EmitOptions } from "../types.js";
import { OI_COST_FIELDS, OI_KIND_SPAN_TYPES, OI_USAGE_FIELDS } from "./tables.js";
import { chatChoices, chatMessages } from "../../readers/chat.js";

import type { Obj } from "../../internal/records.js";

/** MLflow span type -> `openinference.span.kind`. Types OpenInference lacks become CHAIN (a step of an application). */
const KIND_OF_TYPE: Readonly<Record<SpanType, string>> = {
  LLM: OI_SPAN_KINDS.LLM,
  CHAT_MODEL: OI_SPAN_KINDS.LLM,
  EMBEDDING: OI_SPAN_KINDS.EMBEDDING,
  RETRIEVER: OI_SPAN_KINDS.RETRIEVER,
  RERANKER: OI_SPAN_KINDS.RERANKER,
  TOOL: OI_SPAN_KINDS.TOOL,
  AGENT: OI_SPAN_KINDS.AGENT,
  CHAIN: OI_SPAN_KINDS.CHAIN,
  GUARDRAIL: OI_SPAN_KINDS.GUARDRAIL,
  EVALUATOR: OI_SPAN_KINDS.EVALUATOR,
  PARSER: OI_SPAN_KINDS.CHAIN,
  MEMORY: OI_SPAN_KINDS.CHAIN,
  WORKFLOW: OI_SPAN_KINDS.CHAIN,
  TASK: OI_SPAN_KINDS.CHAIN,
  UNKNOWN: OI_SPAN_KINDS.UNKNOWN,
};

const OWNED_EXACT: ReadonlySet<string> = new Set([
  OI.spanKind,
  OI.inputValue,
  OI.inputMimeType,
  OI.outputValue,
  OI.outputMimeType,
  OI.modelName,
  OI.requestModelName,
  OI.responseModelName,
  OI.provider,
  OI.system,
  OI.invocationParameters,
  OI.finishReason,
  OI.prompts,
]);
const OWNED_PREFIXES: readonly string[] = [
  OI.inputMessages + ".",
  OI.outputMessages + ".",
  "llm.token_count.",
  OI.tools + ".",
  OI.prompts + ".",
  SPEC_ONLY.choices + ".",
  "llm.cost.",
  OI.retrievalDocuments + ".",
  "reranker.",
  "embedding.",
];

function owned(key: string): boolean {
  if (OWNED_EXACT.has(key)) return true;
  for (const prefix of OWNED_PREFIXES) if (key.startsWith(prefix)) return true;
  return false;
}

/** GenAI provider values -> OpenInference [llm.provider, llm.system]; each maps back to the same value. */
const OI_PROVIDER_SPELLING: Readonly<Record<string, readonly [string, string | undefined]>> = {
  "aws.bedrock": ["aws", undefined],
  "azure.ai.openai": ["azure", "openai"],
  "gcp.vertex_ai": ["google", "vertexai"],
  "gcp.gen_ai": ["google", undefined],
  mistral_ai: ["mistralai", "mistralai"],
  x_ai: ["xai", "xai"],
};

export function emitOpenInference(span: CanonicalSpan, _options: EmitOptions, ctx: EmitContext): SpanLike {
  const attrs: Attributes = {};
  for (const key of Object.keys(span.attributes)) {
    const convention = ctx.conventionOf(key);
    // Another convention's keys are not carried over: their content is now in OpenInference keys.
    if (convention !== undefined && convention !== "openinference") continue;
    if (convention === "openinference" && owned(key)) continue;
    setOwn(attrs, key, span.attributes[key]);
  }

  attrs[OI.spanKind] = spanKind(span);
  const inputs = isPlainObject(span.inputs) ? span.inputs : undefined;
  const messages = chatMessages(span.inputs);
  const choices = chatChoices(span.outputs);

  // Model and provider.
  if (span.model !== undefined) {
    if (span.spanType === "EMBEDDING") attrs[OI.embeddingModelName] = span.model;
    else if (span.spanType === "RERANKER") attrs[OI.rerankerModelName] = span.model;
    else {
      attrs[OI.modelName] = span.model;
      const requested = inputs?.model;
      if (typeof requested === "string" && requested !== span.model) {
        attrs[OI.requestModelName] = requested;
        attrs[OI.responseModelName] = span.model;
      }
    }
  }
  if (span.provider !== undefined) {
    // OpenInference's own spelling where it has one (host in llm.provider, API family in llm.system);
    // the parser maps these back to the same GenAI value (canonical/providers.ts).
    const oi = OI_PROVIDER_SPELLING[span.provider];
    attrs[OI.provider] = oi?.[0] ?? span.provider;
    const system = oi?.[1] ?? (OI_LLM_SYSTEMS.has(span.provider) ? span.provider : undefined);
    if (system !== undefined) attrs[OI.system] = system;
  }

  // Chat content.
  if (messages) {
    messages.forEach((m, i) => writeMessage(attrs, `${OI.inputMessages}.${i}.`, m));
    const params: Obj = {};
    for (const k of Object.keys(inputs!)) if (k !== "messages") setOwn(params, k, inputs![k]);
    if (Object.keys(params).length > 0) attrs[OI.invocationParameters] = safeJsonStringify(params);
  }
  if (choices) {
    choices.forEach((c, i) => writeMessage(attrs, `${OI.outputMessages}.${i}.`, c.message));
    const finish = choices.find((c) => typeof c.finish_reason === "string" && c.finish_reason !== "")?.finish_reason;
    if (finish) attrs[OI.finishReason] = finish;
  }
  if (span.tools) span.tools.forEach((t, i) => writeTool(attrs, `${OI.tools}.${i}.`, t));

  // Token counts and cost.
  if (span.tokenUsage) {
    for (const [key, field] of OI_USAGE_FIELDS) {
      const n = span.tokenUsage[field];
      if (typeof n === "number") attrs[key] = n;
    }
  }
  if (span.cost) {
    for (const [key, field] of OI_COST_FIELDS) {
      const v = span.cost[field];
      if (typeof v === "number") attrs[key] = v;
    }
  }

  // Documents, reranking, embeddings, tools.
  if (span.spanType === "RETRIEVER") {
    const docs = documents(span.outputs);
    if (docs) writeDocuments(attrs, OI.retrievalDocuments, docs);
  } else if (span.spanType === "RERANKER") {
    const out = documents(span.outputs);
    if (out) writeDocuments(attrs, OI.rerankerOutputDocuments, out);
    if (inputs) {
      // Documents as plain texts (Cohere's rerank request, through OpenLLMetry) are documents too.
      const inDocs = documents(inputs.documents) ?? textDocuments(inputs.documents);
      if (inDocs) writeDocuments(attrs, OI.rerankerInputDocuments, inDocs);
      if (typeof inputs.query === "string") attrs[OI.rerankerQuery] = inputs.query;
      const topK = typeof inputs.top_k === "number" ? inputs.top_k : inputs.top_n;
      if (typeof topK === "number") attrs[OI.rerankerTopK] = topK;
    }
  } else if (span.spanType === "EMBEDDING") {
    writeEmbeddings(attrs, inputs, span.outputs);
  } else if (span.spanType === "TOOL" && attrs[OI.toolName] === undefined) {
    const name = span.attributes["gen_ai.tool.name"];
    attrs[OI.toolName] = typeof name === "string" && name !== "" ? name : span.name;
    const description = span.attributes["gen_ai.tool.description"];
    if (typeof description === "string" && attrs[OI.toolDescription] === undefined) attrs[OI.toolDescription] = description;
  }

  writeValue(attrs, OI.inputValue, OI.inputMimeType, span.inputs);
  writeValue(attrs, OI.outputValue, OI.outputMimeType, span.outputs);
  const readBack = typeReadBack(attrs[OI.spanKind], (messages?.length ?? 0) > 0 || (choices?.length ?? 0) > 0);
  if (readBack !== undefined && readBack !== span.spanType) attrs[MLFLOW_SPAN_TYPE] = JSON.stringify(span.spanType);
  const out: SpanLike = { ...ctx.envelope, attributes: attrs };
  if (span.tokenUsage && ctx.envelope.scope) out.scope = scopeForEmit(ctx.envelope.scope);
  return out;
}

/**
 * MLflow's own span-type key, written only where the OpenInference kind cannot say the type: the LLM
 * kind stands for CHAT_MODEL and LLM (the reader tells them apart by the chat messages alone, so a chat
 * call without content, or a completion written as messages, would change type), and CHAIN for PARSER,
 * MEMORY, WORKFLOW and TASK. The reader already takes it (the MLflow convention), and MLflow stores it.
 */
const MLFLOW_SPAN_TYPE = "mlflow.spanType";

/** The type the reader gives a span of this kind, or undefined for a kind it does not know. */
function typeReadBack(kind: AttributeValue | undefined, chat: boolean): SpanType | undefined {
  if (typeof kind !== "string" || !Object.prototype.hasOwnProperty.call(OI_KIND_SPAN_TYPES, kind)) return undefined;
  if (kind === OI_SPAN_KINDS.LLM) return chat ? "CHAT_MODEL" : "LLM";
  return OI_KIND_SPAN_TYPES[kind];
}

/** The kind for the span type; a source kind that maps to the same type (PROMPT, lower case) or an unknown one on an UNKNOWN span is kept. */
function spanKind(span: CanonicalSpan): string {
  const source = span.attributes[OI.spanKind];
  if (typeof source === "string" && source !== "") {
    const upper = source.trim().toUpperCase();
    const known = Object.prototype.hasOwnProperty.call(OI_KIND_SPAN_TYPES, upper);
    if (known && OI_KIND_SPAN_TYPES[upper] === span.spanType) return upper;
    if (!known && span.spanType === "UNKNOWN") return source;
  }
  return KIND_OF_TYPE[span.spanType] ?? OI_SPAN_KINDS.UNKNOWN;
}


function writeMessage(attrs: Attributes, base: string, m: ChatMessage): void {
  attrs[base + MF.role] = m.role;
  if (typeof m.content === "string") attrs[base + MF.content] = m.content;
  else if (Array.isArray(m.content)) m.content.forEach((part, j) => writePart(attrs, `${base}${MF.contents}.${j}.`, part));
  if (Array.isArray(m.tool_calls)) {
    m.tool_calls.forEach((call, k) => {
      const p = `${base}${MF.toolCalls}.${k}.`;
      if (typeof call.id === "string" && call.id !== "") attrs[p + TF.id] = call.id;
      const fn = isPlainObject(call.function) ? call.function : undefined;
      attrs[p + TF.functionName] = typeof fn?.name === "string" ? fn.name : "";
      if (fn?.arguments !== undefined) attrs[p + TF.functionArguments] = typeof fn.arguments === "string" ? fn.arguments : safeJsonStringify(fn.arguments);
    });
  }
  if (typeof m.tool_call_id === "string" && m.tool_call_id !== "") attrs[base + MF.toolCallId] = m.tool_call_id;
  if (typeof m.name === "string" && m.name !== "") attrs[base + MF.name] = m.name;
}

function writePart(attrs: Attributes, base: string, part: ContentPart): void {
  if (!isPlainObject(part)) {
    attrs[base + CF.type] = "text";
    attrs[base + CF.text] = safeJsonStringify(part);
    return;
  }
  const p = part as Obj;
  switch (p.type) {
    case "text":
      attrs[base + CF.type] = "text";
      attrs[base + CF.text] = typeof p.text === "string" ? p.text : "";
      return;
    case "image_url": {
      const url = isPlainObject(p.image_url) ? p.image_url.url : undefined;
      if (typeof url !== "string") break;
      attrs[base + CF.type] = "image";
      attrs[`${base}${CF.image}.${CF.imageUrl}`] = url;
      return;
    }
    case "input_audio": {
      const audio = isPlainObject(p.input_audio) ? p.input_audio : undefined;
      if (typeof audio?.data !== "string" || typeof audio.format !== "string") break;
      const mime = `audio/${audio.format}`;
      attrs[base + CF.type] = "audio";
      attrs[`${base}${CF.audio}.${CF.audioUrl}`] = `data:${mime};base64,${audio.data}`;
      attrs[`${base}${CF.audio}.${CF.audioMimeType}`] = mime;
      if (typeof audio.transcript === "string") attrs[`${base}${CF.audio}.${CF.audioTranscript}`] = audio.transcript;
      return;
    }
    case "audio":
      if (typeof p.url !== "string") break;
      attrs[base + CF.type] = "audio";
      attrs[`${base}${CF.audio}.${CF.audioUrl}`] = p.url;
      if (typeof p.mime_type === "string") attrs[`${base}${CF.audio}.${CF.audioMimeType}`] = p.mime_type;
      if (typeof p.transcript === "string") attrs[`${base}${CF.audio}.${CF.audioTranscript}`] = p.transcript;
      return;
    case "video":
      if (typeof p.url !== "string") break;
      attrs[base + CF.type] = "video";
      attrs[`${base}${CF.video}.${CF.videoUrl}`] = p.url;
      return;
    case "reasoning":
      attrs[base + CF.type] = "reasoning";
      attrs[base + CF.text] = typeof p.text === "string" ? p.text : "";
      for (const [field, key] of [["id", CF.id], ["signature", CF.signature], ["data", CF.data], ["encrypted_content", CF.encryptedContent]] as const) {
        if (typeof p[field] === "string") attrs[base + key] = p[field] as string;
      }
      return;
    default:
      break;
  }
  // Any other part (file, provider-specific) is flattened field by field under message_content, so it
  // comes back unchanged; Phoenix shows its type.
  attrs[base + CF.type] = typeof p.type === "string" ? p.type : "unknown";
  for (const k of Object.keys(p)) if (k !== "type") flattenInto(attrs, `${base}message_content.${k}`, p[k], 0);
}

/** Nested values as dotted keys (the spec's rule: flatten until the values are scalars or lists of scalars). */
function flattenInto(attrs: Attributes, key: string, value: unknown, depth: number): void {
  if (value === undefined || value === null) return;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
    setOwn<AttributeValue>(attrs, key, value);
    return;
  }
  if (depth >= 8) {
    setOwn<AttributeValue>(attrs, key, safeJsonStringify(value));
    return;
  }
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === "string") || value.every((v) => typeof v === "number") || value.every((v) => typeof v === "boolean")) {
      setOwn<AttributeValue>(attrs, key, [...value] as AttributeValue);
    } else value.forEach((v, i) => flattenInto(attrs, `${key}.${i}`, v, depth + 1));
    return;
  }
  if (isPlainObject(value)) {
    for (const k of Object.keys(value)) flattenInto(attrs, `${key}.${k}`, value[k], depth + 1);
    return;
  }
  setOwn<AttributeValue>(attrs, key, safeJsonStringify(value));
}

function writeTool(attrs: Attributes, base: string, tool: ChatTool): void {
  if (!isPlainObject(tool)) return;
  attrs[base + OI.toolJsonSchema] = safeJsonStringify(tool);
  const fn = isPlainObject(tool.function) ? tool.function : undefined;
  if (typeof fn?.name === "string") attrs[base + OI.toolName] = fn.name;
  if (typeof fn?.description === "string") attrs[base + OI.toolDescription] = fn.description;
}

interface Doc {
  id?: unknown;
  page_content: string;
  metadata?: unknown;
}

function documents(value: unknown): Doc[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  if (!value.every((d) => isPlainObject(d) && typeof d.page_content === "string")) return undefined;
  return value as Doc[];
}

function textDocuments(value: unknown): Doc[] | undefined {
  if (!Array.isArray(value) || value.length === 0 || !value.every((d) => typeof d === "string")) return undefined;
  return value.map((text: string) => ({ page_content: text }));
}

function writeDocuments(attrs: Attributes, prefix: string, docs: Doc[]): void {
  docs.forEach((doc, i) => {
    const base = `${prefix}.${i}.`;
    if (typeof doc.id === "string" || typeof doc.id === "number") attrs[base + DF.id] = doc.id;
    attrs[base + DF.content] = doc.page_content;
    if (isPlainObject(doc.metadata)) {
      const rest: Obj = {};
      for (const k of Object.keys(doc.metadata)) {
        const v = doc.metadata[k];
        if (k === "score" && typeof v === "number") attrs[base + DF.score] = v;
        else setOwn(rest, k, v);
      }
      if (Object.keys(rest).length > 0) attrs[base + DF.metadata] = safeJsonStringify(rest);
    }
  });
}

function writeEmbeddings(attrs: Attributes, inputs: Obj | undefined, outputs: unknown): void {
  const texts = typeof inputs?.input === "string" ? [inputs.input] : Array.isArray(inputs?.input) && inputs.input.every((t) => typeof t === "string") ? (inputs.input as string[]) : undefined;
  texts?.forEach((text, i) => (attrs[`${OI.embeddingEmbeddings}.${i}.${EF.text}`] = text));
  const data = isPlainObject(outputs) && Array.isArray(outputs.data) ? outputs.data : undefined;
  data?.forEach((item, j) => {
    if (!isPlainObject(item)) return;
    const index = typeof item.index === "number" && Number.isInteger(item.index) && item.index >= 0 ? item.index : j;
    const v = item.embedding;
    if (Array.isArray(v) && v.every((x) => typeof x === "number")) attrs[`${OI.embeddingEmbeddings}.${index}.${EF.vector}`] = [...v];
    else if (typeof v === "string") attrs[`${OI.embeddingEmbeddings}.${index}.${EF.vector}`] = v;
  });
  if (texts && inputs) {
    const params: Obj = {};
    for (const k of Object.keys(inputs)) if (k !== "input") setOwn(params, k, inputs[k]);
    if (Object.keys(params).length > 0) attrs[SPEC_ONLY.embeddingInvocationParameters] = safeJsonStringify(params);
  }
}

function writeValue(attrs: Attributes, key: string, mimeKey: string, value: unknown): void {
  if (value === undefined) return;
  if (typeof value === "string") {
    attrs[key] = value;
    attrs[mimeKey] = OI_MIME.text;
  } else {
    attrs[key] = safeJsonStringify(value);
    attrs[mimeKey] = OI_MIME.json;
  }
}
