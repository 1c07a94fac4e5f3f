/**
 * The Gemini CLI parser. Its spans carry GenAI keys with Gemini-shaped values, which this parser reads
 * (and `claim`s, so the GenAI parser after it does not report them as malformed GenAI messages):
 * - `llm_call`: `gen_ai.input.messages` (Gemini contents) + `gen_ai.system_instructions` (a JSON
 *   string or content) as chat messages; `gen_ai.output.messages` (one content per stream chunk, or
 *   one content) as one assistant choice, text chunks joined; `gen_ai.tool.definitions`
 *   (`functionDeclarations`) as tools; provider `gcp.gemini` (the CLI calls the Gemini API or Vertex
 *   AI, and says neither on the span; the model is a Gemini model).
 * - `tool_call`: the request's `args` as inputs, the function response(s) as outputs.
 * - `agent_call`: the subagent's `{agent_name, prompt}` as inputs, its result text as outputs.
 * - `schedule_tool_calls`, `user_prompt`, `system_prompt`: CHAIN, values as decoded.
 * Usage (`gen_ai.usage.*`: promptTokenCount, cache included; candidates) and the model are read by
 * the GenAI parser. Values the CLI cut at 10 000 characters are not JSON: `invalid-json`, kept raw.
 */
import type { SpanType } from "../../canonical/span.js";
import { NORMALIZED_CHAT_FORMAT } from "../../canonical/span.js";
import { isPlainObject, type Obj } from "../../internal/records.js";
import { choice } from "../../readers/chat.js";
import { RANK, type ParseContext } from "../../readers/context.js";
import { geminiMessages, geminiReplyMessage, geminiTools } from "../../readers/gemini.js";
import { readJsonValue } from "../../readers/values.js";
import { parser } from "../types.js";
import { GEMINI_CLI, GEMINI_CLI_OPERATIONS } from "./keys.js";

const ID = "gemini-cli";

interface State {
  operation: string | undefined;
}

function json(ctx: ParseContext, key: string): { ok: true; value: unknown } | { ok: false } {
  return ctx.has(key) ? readJsonValue(ctx, key) : { ok: false };
}

function readOperation(ctx: ParseContext, s: State): void {
  const op = ctx.get(GEMINI_CLI.operation);
  if (typeof op !== "string" || !Object.prototype.hasOwnProperty.call(GEMINI_CLI_OPERATIONS, op)) return;
  s.operation = op;
  ctx.offer("spanType", GEMINI_CLI_OPERATIONS[op as keyof typeof GEMINI_CLI_OPERATIONS] as SpanType, RANK.operation, ID);
  ctx.claim(GEMINI_CLI.operation);
}

function readModelCall(ctx: ParseContext): void {
  const input = json(ctx, GEMINI_CLI.inputMessages);
  const system = json(ctx, GEMINI_CLI.systemInstructions);
  const systemValue = system.ok ? system.value : undefined;
  if (input.ok && Array.isArray(input.value)) {
    const before = ctx.diagnostics.length;
    const messages = geminiMessages(input.value, systemValue, ctx, GEMINI_CLI.inputMessages)!;
    if (messages.length > 0) ctx.offer("inputs", { messages }, RANK.structured, ID);
    // Some message left out: the attribute stays, whatever a later parser makes of it.
    if (ctx.diagnostics.length === before) ctx.claim(GEMINI_CLI.inputMessages);
    else ctx.keep(GEMINI_CLI.inputMessages);
    if (system.ok) ctx.claim(GEMINI_CLI.systemInstructions);
  }
  const output = json(ctx, GEMINI_CLI.outputMessages);
  if (output.ok && (Array.isArray(output.value) || isPlainObject(output.value))) {
    const before = ctx.diagnostics.length;
    const contents = Array.isArray(output.value) ? output.value : [output.value];
    const msg = geminiReplyMessage(contents, ctx, GEMINI_CLI.outputMessages);
    if (msg) {
      // The span records no finish reason.
      ctx.offer("outputs", { choices: [choice(0, msg, msg.tool_calls ? "tool_calls" : null)] }, RANK.structured, ID);
    }
    if (ctx.diagnostics.length === before) ctx.claim(GEMINI_CLI.outputMessages);
    else ctx.keep(GEMINI_CLI.outputMessages);
  }
  const tools = json(ctx, GEMINI_CLI.toolDefinitions);
  if (tools.ok) {
    const before = ctx.diagnostics.length;
    const list = geminiTools(tools.value, ctx, GEMINI_CLI.toolDefinitions);
    if (list && list.length > 0) ctx.offer("tools", list, RANK.structured, ID);
    if (list !== undefined && ctx.diagnostics.length === before) ctx.claim(GEMINI_CLI.toolDefinitions);
    else if (list !== undefined) ctx.keep(GEMINI_CLI.toolDefinitions);
  }
  ctx.offer("messageFormat", NORMALIZED_CHAT_FORMAT, RANK.structured, ID);
  if (ctx.has(GEMINI_CLI.requestModel)) ctx.offer("provider", "gcp.gemini", RANK.structured, ID);
}

/** The function responses of a completed tool call: one response object, or the list of several. */
function toolResult(value: unknown): unknown {
  const response = isPlainObject(value) && isPlainObject(value.response) ? (value.response as Obj) : undefined;
  const parts = response && Array.isArray(response.responseParts) ? response.responseParts : undefined;
  if (!parts) return value;
  const results = parts.flatMap((p: unknown) => (isPlainObject(p) && isPlainObject(p.functionResponse) ? [(p.functionResponse as Obj).response] : []));
  if (results.length === 0) return value;
  return results.length === 1 ? results[0] : results;
}

function readToolCall(ctx: ParseContext): void {
  const input = json(ctx, GEMINI_CLI.inputMessages);
  if (input.ok) {
    ctx.offer("inputs", isPlainObject(input.value) && "args" in input.value ? input.value.args : input.value, RANK.structured, ID);
    ctx.claim(GEMINI_CLI.inputMessages);
  }
  const output = json(ctx, GEMINI_CLI.outputMessages);
  if (output.ok) {
    ctx.offer("outputs", toolResult(output.value), RANK.structured, ID);
    ctx.claim(GEMINI_CLI.outputMessages);
  }
}

function readAgentCall(ctx: ParseContext): void {
  const input = json(ctx, GEMINI_CLI.inputMessages);
  if (input.ok) {
    ctx.offer("inputs", input.value, RANK.structured, ID);
    ctx.claim(GEMINI_CLI.inputMessages);
  }
  const output = json(ctx, GEMINI_CLI.outputMessages);
  if (output.ok) {
    const content = isPlainObject(output.value) && Array.isArray(output.value.llmContent) ? output.value.llmContent : undefined;
    const texts = content?.flatMap((p: unknown) => (isPlainObject(p) && typeof p.text === "string" ? [p.text] : [])) ?? [];
    ctx.offer("outputs", texts.length > 0 ? texts.join("\n") : output.value, RANK.structured, ID);
    ctx.claim(GEMINI_CLI.outputMessages);
  }
}

function readOther(ctx: ParseContext): void {
  for (const [key, field] of [[GEMINI_CLI.inputMessages, "inputs"], [GEMINI_CLI.outputMessages, "outputs"]] as const) {
    const value = json(ctx, key);
    if (!value.ok) continue;
    ctx.offer(field, value.value, RANK.structured, ID);
    ctx.claim(key);
  }
}

export const parseGeminiCli = parser<State>(
  () => ({ operation: undefined }),
  [
    { name: "operation", run: readOperation },
    {
      name: "content",
      run(ctx, s) {
        // Only spans the CLI marks: detection may come from gen_ai.agent.name alone.
        if (ctx.get(GEMINI_CLI.agentName) !== GEMINI_CLI.agentValue) return;
        switch (s.operation) {
          case "llm_call": return readModelCall(ctx);
          case "tool_call": return readToolCall(ctx);
          case "agent_call": return readAgentCall(ctx);
          case undefined: return;
          default: return readOther(ctx);
        }
      },
    },
  ],
);
