import type { ChatMessage } from "../../../canonical/span.js";
import { isPlainObject, setOwn, type Obj } from "../../../internal/records.js";
import { choice } from "../../../readers/chat.js";
import { RANK, type ParseContext } from "../../../readers/context.js";
import { looksLikeMessages, looksLikeReply, openAiMessage, openAiMessages, openAiTools } from "../../../readers/openai.js";
import { consumeUnlessLeftOut, readJsonValue } from "../../../readers/values.js";
import { LANGFUSE } from "../keys.js";

/**
 * The observation's input or output as the value it encodes: the SDK JSON-encodes everything but a
 * string, which it writes as is (a streamed reply is the bare text). A broken JSON object or array
 * (`invalid-json`) is offered as the raw text and the attribute stays.
 */
function readValue(ctx: ParseContext, key: string): { ok: true; value: unknown } | { ok: false } {
  if (!ctx.has(key)) return { ok: false };
  const parsed = readJsonValue(ctx, key);
  if (parsed.ok) return parsed;
  ctx.offer(key === LANGFUSE.input ? "inputs" : "outputs", ctx.get(key), RANK.raw, "langfuse");
  return { ok: false };
}

/**
 * Inputs. A generation's `{messages, tools?}` (observeOpenAI records the request body minus its
 * parameters) or a bare list of messages is chat: `{messages, ...model.parameters}`, with the tool
 * definitions as canonical tools. An embedding's input is `{input, ...parameters}` (OpenAI's shape).
 * Anything else is the value itself. Returns whether the inputs are chat, and whether the parameters
 * went into them.
 */
export function readInputs(ctx: ParseContext, model: boolean, embedding: boolean, params: Obj | undefined): { chat: boolean; paramsPlaced: boolean } {
  const parsed = readValue(ctx, LANGFUSE.input);
  if (!parsed.ok) return { chat: false, paramsPlaced: false };
  const value = parsed.value;
  const key = LANGFUSE.input;
  let list: unknown[] | undefined;
  let rest: Obj | undefined;
  if (looksLikeMessages(value)) list = value;
  else if (isPlainObject(value) && looksLikeMessages(value.messages)) {
    list = value.messages;
    rest = value;
  }
  if (list !== undefined && (model || rest !== undefined)) {
    const before = ctx.diagnostics.length;
    const inputs: Obj = { messages: openAiMessages(list, ctx, key) };
    if (params) for (const name of Object.keys(params)) setOwn(inputs, name, params[name]);
    if (rest) {
      for (const name of Object.keys(rest)) {
        if (name === "messages") continue;
        if (name === "tools") {
          const tools = openAiTools(rest.tools, ctx, key);
          if (tools && tools.length > 0) ctx.offer("tools", tools, RANK.structured, "langfuse");
          continue;
        }
        setOwn(inputs, name, rest[name]);
      }
    }
    consumeUnlessLeftOut(ctx, key, before);
    ctx.offer("inputs", inputs, RANK.structured, "langfuse");
    return { chat: true, paramsPlaced: params !== undefined };
  }
  ctx.consume(key);
  if (embedding && model) {
    const inputs: Obj = { input: value };
    if (params) for (const name of Object.keys(params)) setOwn(inputs, name, params[name]);
    ctx.offer("inputs", inputs, RANK.structured, "langfuse");
    return { chat: false, paramsPlaced: params !== undefined };
  }
  ctx.offer("inputs", value, RANK.structured, "langfuse");
  return { chat: false, paramsPlaced: false };
}

/**
 * Outputs. A generation's reply (observeOpenAI records the OpenAI assistant message, or for a stream
 * the joined text, or `{tool_calls}` without ids) becomes `{choices: [{index: 0, message}]}`; the
 * finish reason is not recorded (null). Anything else is the value itself.
 */
export function readOutputs(ctx: ParseContext, chat: boolean): boolean {
  const key = LANGFUSE.output;
  const parsed = readValue(ctx, key);
  if (!parsed.ok) return false;
  const value = parsed.value;
  if (chat) {
    let message: ChatMessage | undefined;
    const before = ctx.diagnostics.length;
    if (typeof value === "string") message = { role: "assistant", content: value === "" ? null : value };
    else if (looksLikeReply(value)) message = openAiMessage(value, ctx, key, "assistant");
    if (message !== undefined) {
      consumeUnlessLeftOut(ctx, key, before);
      ctx.offer("outputs", { choices: [choice(0, message, null)] }, RANK.structured, "langfuse");
      return true;
    }
  }
  ctx.consume(key);
  ctx.offer("outputs", value, RANK.structured, "langfuse");
  return false;
}
