/**
 * The LiveKit Agents parser: the `lk.*` content its voice pipeline writes (chat context and reply on
 * `llm_node`, user input and reply on `agent_turn`, tool arguments and output on `function_tool`,
 * transcripts on `user_turn`), both key spellings (`lk.pii.<x>` newest, `lk.<x>`), span types from the
 * `lk.*` keys where no GenAI operation says more, and the provider that LiveKit's OpenAI plugin
 * writes as the base URL's host. The `gen_ai.*` keys of `llm_request` spans (messages, usage: OpenAI's
 * `prompt_tokens`, which include the cached tokens) are read by the GenAI parser after this one.
 */
import type { ChatMessage, ToolCall } from "../../canonical/span.js";
import { NORMALIZED_CHAT_FORMAT } from "../../canonical/span.js";
import { isPlainObject } from "../../internal/records.js";
import { choice, message, toolCall } from "../../readers/chat.js";
import { RANK, type ParseContext } from "../../readers/context.js";
import { consumeUnlessLeftOut, describeValue, readJsonValue } from "../../readers/values.js";
import { parser } from "../types.js";
import { chatCtxMessages } from "./chat-ctx.js";
import { LK } from "./keys.js";

const ID = "livekit";

interface State {
  chat: boolean;
}

function firstKey(ctx: ParseContext, keys: readonly string[]): string | undefined {
  for (const key of keys) if (ctx.has(key)) return key;
  return undefined;
}

/** A text attribute (any scalar is turned to text); undefined when absent. */
function textOf(ctx: ParseContext, key: string | undefined): string | undefined {
  if (key === undefined) return undefined;
  const value = ctx.get(key);
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  ctx.diagnose("invalid-value", "warning", `${key} should be a string, got ${describeValue(value)}`, key);
  return undefined;
}

function readChatContext(ctx: ParseContext, s: State): void {
  const key = firstKey(ctx, LK.chatCtx);
  if (key === undefined) return;
  const parsed = ctx.json(key);
  if (!parsed.ok) return;
  const before = ctx.diagnostics.length;
  const messages = chatCtxMessages(parsed.value, ctx, key);
  if (!messages) {
    ctx.keep(key);
    return;
  }
  ctx.offer("inputs", { messages }, RANK.structured, ID);
  ctx.offer("messageFormat", NORMALIZED_CHAT_FORMAT, RANK.structured, ID);
  s.chat = true;
  consumeUnlessLeftOut(ctx, key, before);
}

function functionCalls(ctx: ParseContext, key: string | undefined): ToolCall[] | undefined {
  if (key === undefined) return undefined;
  const parsed = ctx.json(key);
  if (!parsed.ok) return undefined;
  if (!Array.isArray(parsed.value)) {
    ctx.diagnose("invalid-message", "warning", `${key} should be a list of function calls, got ${describeValue(parsed.value)}; kept raw`, key);
    ctx.keep(key);
    return undefined;
  }
  const calls: ToolCall[] = [];
  for (const call of parsed.value as unknown[]) {
    if (!isPlainObject(call) || typeof call.name !== "string") {
      ctx.diagnose("invalid-message", "warning", `${key}: a function call without a name (${describeValue(call)}); left out`, key);
      ctx.keep(key);
      continue;
    }
    calls.push(toolCall(typeof call.call_id === "string" ? call.call_id : typeof call.id === "string" ? call.id : undefined, call.name, call.arguments));
  }
  ctx.consume(key);
  return calls;
}

function readResponse(ctx: ParseContext, s: State): void {
  const textKey = firstKey(ctx, LK.responseText);
  const callsKey = firstKey(ctx, LK.responseFunctionCalls);
  if (textKey === undefined && callsKey === undefined) return;
  const text = textOf(ctx, textKey);
  const calls = functionCalls(ctx, callsKey);
  if (textKey !== undefined && text !== undefined) ctx.consume(textKey);
  if (s.chat || (calls !== undefined && calls.length > 0)) {
    // A model reply (llm_node): one choice with the text and the calls.
    const hasCalls = calls !== undefined && calls.length > 0;
    const msg: ChatMessage = message("assistant", text === undefined || text === "" ? null : text, hasCalls ? { tool_calls: calls } : undefined);
    ctx.offer("outputs", { choices: [choice(0, msg, hasCalls ? "tool_calls" : null)] }, RANK.structured, ID);
    ctx.offer("messageFormat", NORMALIZED_CHAT_FORMAT, RANK.structured, ID);
    return;
  }
  // An agent turn's spoken reply: the text, as MLflow stores it.
  if (text !== undefined && text !== "") ctx.offer("outputs", text, RANK.raw, ID);
}

function readTextInputs(ctx: ParseContext): void {
  for (const keys of [LK.userInput, LK.userTranscript, LK.inputText]) {
    const key = firstKey(ctx, keys);
    const text = textOf(ctx, key);
    if (key === undefined || text === undefined) continue;
    ctx.consume(key);
    if (text !== "") ctx.offer("inputs", text, RANK.raw, ID);
  }
}

function readFunctionTool(ctx: ParseContext): void {
  for (const [keys, field] of [[LK.toolArguments, "inputs"], [LK.toolOutput, "outputs"]] as const) {
    const key = firstKey(ctx, keys);
    if (key === undefined) continue;
    const parsed = readJsonValue(ctx, key);
    if (!parsed.ok) continue;
    ctx.offer(field, parsed.value, RANK.structured, ID);
    ctx.consume(key);
  }
}

function readSpanType(ctx: ParseContext): void {
  // What the lk.* keys say, below any GenAI operation on the span (MLflow's LiveKit rules).
  if (ctx.has(LK.retryCount)) ctx.offer("spanType", "LLM", RANK.inferred, ID);
  else if (ctx.keys.some((k) => LK.toolPrefixes.some((p) => k.startsWith(p)))) ctx.offer("spanType", "TOOL", RANK.inferred, ID);
  else if (LK.agentKeys.some((k) => ctx.has(k))) ctx.offer("spanType", "AGENT", RANK.inferred, ID);
}

/** Hosts of the providers LiveKit's plugins call -> GenAI provider names (the OpenAI plugin writes its base URL's host). */
export function providerOfHost(host: string): string | undefined {
  const h = host.toLowerCase().replace(/:\d+$/, "");
  if (h === "api.openai.com") return "openai";
  if (h.endsWith(".openai.azure.com")) return "azure.ai.openai";
  if (h === "api.anthropic.com") return "anthropic";
  if (h === "generativelanguage.googleapis.com") return "gcp.gemini";
  if (h.endsWith("aiplatform.googleapis.com")) return "gcp.vertex_ai";
  if (h === "api.groq.com") return "groq";
  if (h === "api.deepseek.com") return "deepseek";
  if (h === "api.mistral.ai") return "mistral_ai";
  if (h === "api.x.ai") return "x_ai";
  if (h === "api.perplexity.ai") return "perplexity";
  if (h.startsWith("bedrock-runtime.") && h.endsWith(".amazonaws.com")) return "aws.bedrock";
  return undefined;
}

function readProviderHost(ctx: ParseContext): void {
  const raw = ctx.get("gen_ai.provider.name");
  if (typeof raw !== "string") return;
  const provider = providerOfHost(raw);
  // Offered before the GenAI parser's raw value; an unknown host is left to it (kept as written).
  if (provider !== undefined) ctx.offer("provider", provider, RANK.structured, ID);
}

export const parseLivekit = parser<State>(
  () => ({ chat: false }),
  [
    { name: "chat context", run: readChatContext },
    { name: "reply", run: readResponse },
    { name: "user input and transcripts", run: (ctx) => readTextInputs(ctx) },
    { name: "function tool", run: (ctx) => readFunctionTool(ctx) },
    { name: "span type", run: (ctx) => readSpanType(ctx) },
    { name: "provider host", run: (ctx) => readProviderHost(ctx) },
  ],
);
