/**
 * Strands Agents, read before the GenAI parser (docs/strands.md). What GenAI cannot read:
 * - legacy content events whose `content` / `message` are JSON lists of Strands content blocks (and a
 *   plain-text `gen_ai.choice` `message` on agent spans);
 * - latest-mode content split over several `gen_ai.client.inference.operation.details` events of one
 *   span (system instructions, input messages and output messages in separate events), merged here;
 * - the agent-loop cycle span (`agent_loop.cycle_id`, no operation): CHAIN;
 * - token counts whose cache meaning depends on the model provider (see `readUsage`);
 * - `strands-agents` in `gen_ai.provider.name` / `gen_ai.system`: the framework, not the provider, so
 *   no provider is recorded (the attribute stays).
 */
import type { Attributes, ChatChoice, ChatMessage, SpanEvent } from "../../canonical/span.js";
import { looksLikeJsonContainer, safeJsonParse } from "../../internal/json.js";
import { isPlainObject } from "../../internal/records.js";
import { choice, message } from "../../readers/chat.js";
import { RANK, type ParseContext, type PartialUsage } from "../../readers/context.js";
import { finishReason } from "../../readers/finish.js";
import { genAiMessages } from "../../readers/genai-parts.js";
import { toCount } from "../../readers/usage.js";
import { parser } from "../types.js";
import { messagesOfBlocks, resultValue } from "./blocks.js";
import { STRANDS, STRANDS_EVENTS, STRANDS_FINISH, STRANDS_SYSTEM, STRANDS_USAGE } from "./keys.js";

const ID = "strands";

interface State {
  operation: string | undefined;
}

const MESSAGE_ROLES: Readonly<Record<string, string>> = {
  [STRANDS_EVENTS.system]: "system",
  [STRANDS_EVENTS.user]: "user",
  [STRANDS_EVENTS.assistant]: "assistant",
  [STRANDS_EVENTS.tool]: "tool",
};

function strandsFinish(reason: unknown): string | null {
  if (typeof reason === "string" && Object.prototype.hasOwnProperty.call(STRANDS_FINISH, reason)) return STRANDS_FINISH[reason]!;
  return finishReason(reason);
}

/** An event attribute that holds JSON (or plain text): the parsed value, the text itself, or a diagnostic. */
function eventValue(ctx: ParseContext, event: SpanEvent, key: string): { ok: true; value: unknown } | { ok: false } {
  const attributes: Attributes = isPlainObject(event.attributes) ? (event.attributes as Attributes) : {};
  if (!Object.prototype.hasOwnProperty.call(attributes, key)) return { ok: false };
  const raw = attributes[key];
  if (typeof raw !== "string") return raw === undefined ? { ok: false } : { ok: true, value: raw };
  if (!looksLikeJsonContainer(raw)) return { ok: true, value: raw };
  const parsed = safeJsonParse(raw);
  if (parsed.ok) return parsed;
  ctx.diagnose("invalid-json", "warning", `${event.name} ${key} is not usable JSON (${parsed.message}); read as text`, event.name);
  return { ok: true, value: raw };
}

function blocksOrText(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [typeof value === "string" ? value : { type: "json", json: value }];
}

/** Legacy mode: one event per message and `gen_ai.choice`; on tool spans the arguments and the result. */
function readLegacyEvents(ctx: ParseContext, s: State): void {
  const messages: ChatMessage[] = [];
  const choices: ChatChoice[] = [];
  let toolArgs: { ok: true; value: unknown } | undefined;
  let toolResult: { ok: true; value: unknown } | undefined;
  const isTool = s.operation === "execute_tool";
  for (const event of ctx.events) {
    const role = MESSAGE_ROLES[event.name];
    if (role !== undefined) {
      const content = eventValue(ctx, event, "content");
      if (!content.ok) continue;
      if (isTool && role === "tool") {
        toolArgs = content;
        continue;
      }
      for (const m of messagesOfBlocks(role, blocksOrText(content.value))) messages.push(m);
    } else if (event.name === STRANDS_EVENTS.choice) {
      const body = eventValue(ctx, event, "message");
      if (!body.ok) continue;
      if (isTool) {
        toolResult = { ok: true, value: resultValue(body.value) };
        continue;
      }
      const reason = isPlainObject(event.attributes) ? (event.attributes as Attributes).finish_reason : undefined;
      const reply = messagesOfBlocks("assistant", blocksOrText(body.value));
      choices.push(choice(choices.length, reply[reply.length - 1]!, strandsFinish(reason)));
    }
  }
  if (toolArgs) ctx.offer("inputs", toolArgs.value, RANK.structured, ID);
  if (toolResult) ctx.offer("outputs", toolResult.value, RANK.structured, ID);
  if (messages.length > 0) offerMessages(ctx, s, messages);
  if (choices.length > 0) {
    ctx.offer("outputs", { choices }, RANK.structured, ID);
    ctx.offer("messageFormat", "openai", RANK.structured, ID);
  }
}

/** The agent's `system_prompt` (a JSON-quoted string) before the agent span's messages. */
function offerMessages(ctx: ParseContext, s: State, messages: ChatMessage[]): void {
  if (s.operation === "invoke_agent" && messages[0]?.role !== "system" && ctx.has(STRANDS.systemPrompt)) {
    const raw = ctx.get(STRANDS.systemPrompt);
    let text: unknown = raw;
    if (typeof raw === "string" && raw.startsWith('"')) {
      const parsed = safeJsonParse(raw);
      if (parsed.ok) text = parsed.value;
    }
    if (typeof text === "string" && text !== "") messages = [message("system", text), ...messages];
  }
  ctx.offer("inputs", { messages }, RANK.structured, ID);
  ctx.offer("messageFormat", "openai", RANK.structured, ID);
}

/** Strands' tool results inside GenAI parts are content blocks: their value instead. */
function unwrapResults(value: unknown, found?: (response: unknown) => void): unknown {
  if (!Array.isArray(value)) return value;
  for (const msg of value) {
    if (!isPlainObject(msg) || !Array.isArray(msg.parts)) continue;
    for (const part of msg.parts) {
      if (isPlainObject(part) && part.type === "tool_call_response" && part.response !== undefined) {
        part.response = resultValue(part.response);
        found?.(part.response);
      }
    }
  }
  return value;
}

/** Latest mode: the details events of the span, merged. */
function readDetailsEvents(ctx: ParseContext, s: State): void {
  let system: ChatMessage | undefined;
  let input: ChatMessage[] | undefined;
  let output: ChatChoice[] | undefined;
  let toolResponse: unknown;
  for (const event of ctx.events) {
    if (event.name !== STRANDS_EVENTS.details) continue;
    const instructions = eventValue(ctx, event, "gen_ai.system_instructions");
    if (instructions.ok) {
      const parts = Array.isArray(instructions.value) ? instructions.value : [instructions.value];
      const texts = parts.map((p) => (isPlainObject(p) && typeof p.content === "string" ? p.content : typeof p === "string" ? p : undefined));
      if (texts.every((t) => t !== undefined) && texts.length > 0) system = message("system", texts.join("\n\n"));
    }
    const inputs = eventValue(ctx, event, "gen_ai.input.messages");
    if (inputs.ok) {
      const read = genAiMessages(unwrapResults(inputs.value), ctx, `${STRANDS_EVENTS.details} gen_ai.input.messages`);
      if (read) input = [...(input ?? []), ...read.messages];
    }
    const outputs = eventValue(ctx, event, "gen_ai.output.messages");
    if (outputs.ok) {
      const read = genAiMessages(unwrapResults(outputs.value, (r) => (toolResponse ??= r)), ctx, `${STRANDS_EVENTS.details} gen_ai.output.messages`);
      if (read) {
        output ??= [];
        for (let i = 0; i < read.messages.length; i++) output.push(choice(output.length, read.messages[i]!, strandsFinish(read.finishReasons[i])));
      }
    }
  }
  if (s.operation === "execute_tool") {
    // Arguments and result are attributes too (the GenAI parser, readToolResult); a failed tool has its
    // error text only in the output event.
    const result = output?.[0]?.message;
    if (result && result.role === "tool") ctx.offer("outputs", toolResponse ?? result.content, RANK.events, ID);
    return;
  }
  if (input !== undefined || system !== undefined) offerMessages(ctx, s, system ? [system, ...(input ?? [])] : input!);
  if (output !== undefined) {
    ctx.offer("outputs", { choices: output }, RANK.structured, ID);
    ctx.offer("messageFormat", "openai", RANK.structured, ID);
  }
}

/** Latest-mode tool spans: the result attribute holds content blocks. */
function readToolResult(ctx: ParseContext, s: State): void {
  if (s.operation !== "execute_tool" || !ctx.has(STRANDS.toolResult)) return;
  const raw = ctx.get(STRANDS.toolResult);
  if (typeof raw !== "string" || !looksLikeJsonContainer(raw)) return;
  const parsed = safeJsonParse(raw);
  if (!parsed.ok || !Array.isArray(parsed.value)) return; // the GenAI parser reads (and diagnoses) it
  ctx.offer("outputs", resultValue(parsed.value), RANK.structured, ID);
}

function firstCount(ctx: ParseContext, keys: readonly string[]): number | undefined {
  for (const key of keys) {
    if (!ctx.has(key)) continue;
    const n = toCount(ctx.get(key), ctx, key);
    if (n !== undefined) return n;
  }
  return undefined;
}

/** Anthropic's API counts input without the cache; Bedrock ids (`us.anthropic.claude…`) do not start with `claude`. */
const ANTHROPIC_API_MODEL = /^(anthropic\/)?claude/i;

/**
 * Strands' TypeScript SDK writes the model's input count when `input + output == total`, else input
 * plus the cache counts. OpenAI's (and Bedrock's, after that sum) input includes the cache; Anthropic's
 * API excludes it, with `total == input + output`. The Python SDK writes the model's input with a total
 * that includes the cache. So: total above input + output -> the cache is added; total equal and an
 * Anthropic API model id (`claude…`) -> the cache is added; otherwise the input includes it already.
 * The model-id rule needs Strands' own marks on the span (the duplicate `prompt_tokens`, `gen_ai.event.start_time`), so a span re-emitted
 * as GenAI from a translation (input already with the cache) is not counted twice.
 * The GenAI parser then fills nothing (every count is set here) and only adds its own diagnostic when
 * the cache alone exceeds the input (its rule), so this one says why only in the other cases.
 */
function readUsage(ctx: ParseContext): void {
  const input = firstCount(ctx, STRANDS_USAGE.input);
  const output = firstCount(ctx, STRANDS_USAGE.output);
  if (input === undefined && output === undefined) return;
  const total = firstCount(ctx, STRANDS_USAGE.total);
  const cacheRead = firstCount(ctx, STRANDS_USAGE.cacheRead);
  const cacheWrite = firstCount(ctx, STRANDS_USAGE.cacheWrite);
  const usage: PartialUsage = {};
  if (input !== undefined) usage.input_tokens = input;
  if (output !== undefined) usage.output_tokens = output;
  if (total !== undefined) usage.total_tokens = total;
  if (cacheRead !== undefined) usage.cache_read_input_tokens = cacheRead;
  if (cacheWrite !== undefined) usage.cache_creation_input_tokens = cacheWrite;
  const cached = (cacheRead ?? 0) + (cacheWrite ?? 0);
  if (input !== undefined && output !== undefined && cached > 0) {
    const model = ctx.get(STRANDS.model);
    // Strands writes every count twice (`prompt_tokens` beside `input_tokens`) and `gen_ai.event.start_time`
    // on every span; a span without both was written by someone else (a translated span re-emitted as
    // GenAI or OpenLLMetry, which keeps the scope): its counts have the spec meaning.
    const strandsCounts = ctx.get(STRANDS_USAGE.input[1]) === ctx.get(STRANDS_USAGE.input[0]) && ctx.has(STRANDS.eventStart);
    const excludes =
      (total !== undefined && total > input + output) ||
      (strandsCounts && (total === undefined || total === input + output) && typeof model === "string" && ANTHROPIC_API_MODEL.test(model));
    if (excludes) {
      usage.input_tokens = input + cached;
      usage.total_tokens = input + cached + output;
      ctx.diagnose(
        "usage-cache-added",
        "info",
        `Strands wrote ${STRANDS_USAGE.input[0]} (${input}) without the cache counts (${cached}) for ${total !== undefined && total > input + output ? "a total above input + output" : `the Anthropic model ${String(model)}`}; input_tokens is recorded as ${input + cached} to include them`,
        STRANDS_USAGE.input[0],
      );
      // The count is settled here: the GenAI parser's generic cache rule would report it a second time.
      ctx.claim(STRANDS_USAGE.input[0]);
    }
  }
  ctx.offer("tokenUsage", usage, RANK.structured, ID);
}

export const parseStrands = parser<State>(
  () => ({ operation: undefined }),
  [
    {
      name: "operation",
      run(ctx, s) {
        const op = ctx.get(STRANDS.operation);
        s.operation = typeof op === "string" ? op : undefined;
        if (s.operation === undefined && ctx.has(STRANDS.cycleId)) ctx.offer("spanType", "CHAIN", RANK.operation, ID);
      },
    },
    {
      name: "provider",
      run(ctx) {
        let framework = false;
        for (const key of [STRANDS.provider, STRANDS.system]) {
          if (ctx.get(key) === STRANDS_SYSTEM) {
            framework = true;
            ctx.keep(key);
          }
        }
        if (framework) ctx.withhold("provider", RANK.explicitKind, ID);
      },
    },
    { name: "usage", run: (ctx) => readUsage(ctx) },
    { name: "legacy events", run: (ctx, s) => ctx.events.length > 0 && readLegacyEvents(ctx, s) },
    { name: "details events", run: (ctx, s) => ctx.events.length > 0 && readDetailsEvents(ctx, s) },
    { name: "tool result", run: readToolResult },
  ],
);
