/**
 * The Spring AI parser. Micrometer writes every key value as a string, so the GenAI keys Spring AI
 * sets arrive as `"0.2"`, `"64"` and bracket strings (`["STOP"]`): this parser reads the request
 * parameters and finish reasons from those strings (and claims the keys, so the GenAI parser after it
 * does not report their type), types spans by `spring.ai.kind` and Spring's `embedding` operation,
 * reads tool arguments / results (`spring.ai.tool.call.*`) and the 1.0.0-M8 content events, and
 * takes the request model where the response model is Spring's `"none"` placeholder. Usage strings
 * are read by the GenAI parser (input = the provider's prompt count: with the cache for OpenAI;
 * Anthropic's excludes it and the GenAI parser's `usage-cache-added` rule adds it back).
 */
import type { ChatMessage, SpanType } from "../../canonical/span.js";
import { NORMALIZED_CHAT_FORMAT } from "../../canonical/span.js";
import type { Obj } from "../../internal/records.js";
import { choice, message } from "../../readers/chat.js";
import { RANK, type ParseContext } from "../../readers/context.js";
import { finishReason } from "../../readers/finish.js";
import { readJsonValue } from "../../readers/values.js";
import { parser } from "../types.js";

const ID = "spring-ai";

const KINDS: Readonly<Record<string, SpanType>> = { chat_client: "CHAIN", advisor: "CHAIN", tool_call: "TOOL", vector_store: "RETRIEVER" };

const NUMERIC_PARAMS: readonly (readonly [string, string])[] = [
  ["gen_ai.request.temperature", "temperature"],
  ["gen_ai.request.top_p", "top_p"],
  ["gen_ai.request.top_k", "top_k"],
  ["gen_ai.request.max_tokens", "max_tokens"],
  ["gen_ai.request.frequency_penalty", "frequency_penalty"],
  ["gen_ai.request.presence_penalty", "presence_penalty"],
];

/** Spring's provider names that are not GenAI's. `spring_ai` names the framework itself. */
const PROVIDERS: Readonly<Record<string, string>> = { google_genai: "gcp.gemini", vertex_ai: "gcp.vertex_ai", bedrock_converse: "aws.bedrock", mistral_ai: "mistral_ai" };

interface State {
  params: Obj;
  finishReasons: string[] | undefined;
}

/**
 * Micrometer's rendering of a list, `["a", "b"]` (JSON for plain strings); undefined for anything else.
 */
export function bracketList(value: unknown): string[] | undefined {
  if (Array.isArray(value)) return value.every((v) => typeof v === "string") ? (value as string[]) : undefined;
  if (typeof value !== "string" || !value.startsWith("[") || !value.endsWith("]")) return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) && parsed.every((v) => typeof v === "string") ? (parsed as string[]) : undefined;
  } catch {
    return undefined;
  }
}

function numberOf(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  if (typeof value !== "string" || value.trim() === "") return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

function readKind(ctx: ParseContext): void {
  const kind = ctx.get("spring.ai.kind");
  if (typeof kind === "string" && Object.prototype.hasOwnProperty.call(KINDS, kind)) ctx.offer("spanType", KINDS[kind]!, RANK.explicitKind, ID);
  const op = ctx.get("gen_ai.operation.name");
  // Spring's operation names the GenAI spec spells otherwise (embeddings) or lacks (framework).
  if (op === "embedding") {
    ctx.offer("spanType", "EMBEDDING", RANK.operation, ID);
    ctx.claim("gen_ai.operation.name");
  } else if (op === "framework") {
    ctx.offer("spanType", "CHAIN", RANK.operation, ID);
    ctx.claim("gen_ai.operation.name");
  }
}

function readParams(ctx: ParseContext, s: State): void {
  for (const [key, name] of NUMERIC_PARAMS) {
    if (!ctx.has(key)) continue;
    const n = numberOf(ctx.get(key));
    if (n === undefined) continue;
    s.params[name] = n;
    ctx.claim(key);
  }
  if (ctx.has("gen_ai.request.stop_sequences")) {
    const stop = bracketList(ctx.get("gen_ai.request.stop_sequences"));
    if (stop) {
      s.params.stop = stop;
      ctx.claim("gen_ai.request.stop_sequences");
    }
  }
  const requestModel = ctx.get("gen_ai.request.model");
  if (typeof requestModel === "string" && requestModel !== "" && requestModel !== "none") s.params.model = requestModel;
  // A failed call's response model is "none": the request model is the model.
  if (ctx.get("gen_ai.response.model") === "none") {
    ctx.claim("gen_ai.response.model");
    if (typeof s.params.model === "string") ctx.offer("model", s.params.model, RANK.structured, ID);
  }
  const system = ctx.get("gen_ai.system");
  if (typeof system === "string" && Object.prototype.hasOwnProperty.call(PROVIDERS, system)) ctx.offer("provider", PROVIDERS[system]!, RANK.structured, ID);
}

function readFinishReasons(ctx: ParseContext, s: State): void {
  const key = "gen_ai.response.finish_reasons";
  if (!ctx.has(key)) return;
  const list = bracketList(ctx.get(key));
  if (!list) return;
  // The provider SDK's enum names (OpenAI: STOP, TOOL_CALLS, LENGTH, CONTENT_FILTER) -> OpenAI's spelling.
  s.finishReasons = list.map((r) => finishReason(r.toLowerCase()) ?? r);
  ctx.claim(key);
}

function eventTexts(ctx: ParseContext, name: string, key: string): string[] | undefined {
  for (const event of ctx.events) {
    if (event.name !== name || !event.attributes) continue;
    const list = bracketList(event.attributes[key]);
    if (list) return list;
    if (typeof event.attributes[key] === "string") return [event.attributes[key] as string];
    ctx.diagnose("invalid-message", "warning", `event ${name}: ${key} is not a list of texts; left out`, key);
  }
  return undefined;
}

function readContent(ctx: ParseContext, s: State): void {
  // 1.0.0-M8: prompt texts without roles (the system prompt cannot be told from the user's).
  const prompt = ctx.events.length > 0 ? eventTexts(ctx, "gen_ai.content.prompt", "gen_ai.prompt") : undefined;
  const completion = ctx.events.length > 0 ? eventTexts(ctx, "gen_ai.content.completion", "gen_ai.completion") : undefined;
  const reasons = s.finishReasons;
  if (prompt) {
    const messages: ChatMessage[] = prompt.map((text) => message("user", text));
    ctx.offer("inputs", { messages, ...s.params }, RANK.events, ID);
    ctx.offer("messageFormat", NORMALIZED_CHAT_FORMAT, RANK.events, ID);
  } else if (Object.keys(s.params).length > 0 && ctx.get("gen_ai.operation.name") === "chat") {
    ctx.offer("inputs", { ...s.params }, RANK.inferred, ID);
  }
  if (completion) {
    const choices = completion.map((text, i) => choice(i, message("assistant", text === "" ? null : text), reasons?.[i] ?? reasons?.[0] ?? null));
    ctx.offer("outputs", { choices }, RANK.events, ID);
  } else if (reasons && reasons.length > 0) {
    // No content (2.x): the choices' ends are still known.
    ctx.offer("outputs", { choices: reasons.map((r, i) => choice(i, message("assistant", null), r)) }, RANK.inferred, ID);
  }
}

function readTool(ctx: ParseContext): void {
  for (const [key, field] of [["spring.ai.tool.call.arguments", "inputs"], ["spring.ai.tool.call.result", "outputs"]] as const) {
    if (!ctx.has(key)) continue;
    const parsed = readJsonValue(ctx, key);
    if (!parsed.ok) continue;
    ctx.offer(field, parsed.value, RANK.structured, ID);
    ctx.consume(key);
  }
}

export const parseSpringAi = parser<State>(
  () => ({ params: {}, finishReasons: undefined }),
  [
    { name: "span kind", run: (ctx) => readKind(ctx) },
    { name: "string parameters and model", run: readParams },
    { name: "finish reasons", run: readFinishReasons },
    { name: "content events", run: readContent },
    { name: "tool call", run: (ctx) => readTool(ctx) },
  ],
);
