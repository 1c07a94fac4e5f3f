/**
 * Pydantic AI's own keys, read before the GenAI parser (which fills what is left: model, provider,
 * tools, the model spans' messages and counts). Three span kinds (docs/pydantic-ai.md):
 * - agent runs (`invoke_agent <agent>`, v2 `agent run`): the conversation from
 *   `pydantic_ai.all_messages` (the instructions first), the reply from its last assistant message or
 *   `final_result`, and the run's own usage from `gen_ai.aggregated_usage.*`. That usage repeats the
 *   model spans' counts; it is kept as the span's own numbers, and trace summaries count it once
 *   because they add a span's usage only when no ancestor had some (pipeline/summarize.ts);
 * - model requests (`chat <model>`): `gen_ai.usage.details.*` counts with a canonical field and
 *   `operation.cost`; input counts already include cached tokens for every provider (pydantic-ai
 *   `usage.py`), so nothing is added;
 * - tools: the v2 names `tool_arguments` / `tool_response` of `gen_ai.tool.call.arguments` / `.result`.
 * The bare keys (`final_result`, `tool_arguments`, `tool_response`, `operation.cost`) are generic names
 * no detection rule claims, so they are never consumed: they stay even with `keepSource: false`.
 */
import type { ChatMessage } from "../../canonical/span.js";
import { isPlainObject } from "../../internal/records.js";
import { choice, message } from "../../readers/chat.js";
import { RANK, type ParseContext, type PartialUsage } from "../../readers/context.js";
import { finishReason } from "../../readers/finish.js";
import { genAiMessages } from "../../readers/genai-parts.js";
import { toCount } from "../../readers/usage.js";
import { consumeUnlessLeftOut, readJsonValue } from "../../readers/values.js";
import { parser } from "../types.js";
import { AGGREGATED_USAGE, PYDANTIC, USAGE_DETAILS } from "./keys.js";

const ID = "pydantic-ai";

interface State {
  isAgent: boolean;
}

/** The counts of a key table found on the span (invalid ones diagnosed by toCount and left raw). */
function counts(ctx: ParseContext, table: Readonly<Record<string, string>>): PartialUsage | undefined {
  let usage: PartialUsage | undefined;
  for (const field in table) {
    const key = table[field]!;
    if (!ctx.has(key)) continue;
    const n = toCount(ctx.get(key), ctx, key);
    if (n === undefined) continue;
    (usage ??= {})[field as keyof PartialUsage] = n;
    ctx.consume(key);
  }
  return usage;
}

/** `gen_ai.system_instructions` (a list of text parts, or a plain string) as one system message. */
function systemMessage(ctx: ParseContext): ChatMessage | undefined {
  if (!ctx.has(PYDANTIC.systemInstructions)) return undefined;
  const parsed = ctx.jsonOrString(PYDANTIC.systemInstructions);
  if (!parsed.ok) return undefined;
  if (typeof parsed.value === "string") return message("system", parsed.value);
  if (!Array.isArray(parsed.value)) return undefined;
  const texts: string[] = [];
  for (const part of parsed.value) {
    if (isPlainObject(part) && typeof part.content === "string") texts.push(part.content);
    else if (typeof part === "string") texts.push(part);
    else return undefined;
  }
  return texts.length > 0 ? message("system", texts.join("\n\n")) : undefined;
}

function readAgentRun(ctx: ParseContext, s: State): void {
  const operation = ctx.get(PYDANTIC.operation);
  s.isAgent = operation === "invoke_agent" || ctx.has(PYDANTIC.allMessages) || ctx.has(AGGREGATED_USAGE.input_tokens);
  if (!s.isAgent) return;
  ctx.offer("spanType", "AGENT", RANK.operation, ID);

  let history: ChatMessage[] | undefined;
  let reasons: (string | undefined)[] = [];
  if (ctx.has(PYDANTIC.allMessages)) {
    const parsed = ctx.json(PYDANTIC.allMessages);
    if (parsed.ok) {
      const before = ctx.diagnostics.length;
      const read = genAiMessages(parsed.value, ctx, PYDANTIC.allMessages);
      if (read) {
        history = read.messages;
        reasons = read.finishReasons;
        consumeUnlessLeftOut(ctx, PYDANTIC.allMessages, before);
      }
    }
  }
  // The reply is the trailing assistant message; everything before it is the run's input.
  let reply: ChatMessage | undefined;
  let reason: string | undefined;
  if (history && history.length > 0 && history[history.length - 1]!.role === "assistant") {
    reply = history[history.length - 1]!;
    reason = reasons[reasons.length - 1];
    history = history.slice(0, -1);
  }
  const system = systemMessage(ctx);
  if (history || system) {
    ctx.offer("inputs", { messages: system ? [system, ...(history ?? [])] : history! }, RANK.structured, ID);
    ctx.offer("messageFormat", "openai", RANK.structured, ID);
  }

  // `final_result`: a string output as is, anything else the JSON of the output object.
  let final: unknown;
  let hasFinal = false;
  if (ctx.has(PYDANTIC.finalResult)) {
    const parsed = readJsonValue(ctx, PYDANTIC.finalResult);
    if (parsed.ok) {
      final = parsed.value;
      hasFinal = true;
    }
  }
  if (reply) {
    ctx.offer("outputs", { choices: [choice(0, reply, finishReason(reason) ?? "stop")] }, RANK.structured, ID);
  } else if (hasFinal) {
    const text = typeof final === "string" ? final : JSON.stringify(final);
    ctx.offer("outputs", { choices: [choice(0, message("assistant", text), "stop")] }, RANK.structured, ID);
  }

  const usage = counts(ctx, AGGREGATED_USAGE);
  if (usage) ctx.offer("tokenUsage", usage, RANK.structured, ID);
}

function readModelExtras(ctx: ParseContext, s: State): void {
  if (s.isAgent) return;
  // Only beside the GenAI counts, which the GenAI parser then adds to this candidate.
  if (ctx.has("gen_ai.usage.input_tokens") || ctx.has("gen_ai.usage.output_tokens")) {
    const extras = counts(ctx, USAGE_DETAILS);
    if (extras) ctx.offer("tokenUsage", extras, RANK.structured, ID);
  }
}

function readCost(ctx: ParseContext): void {
  if (!ctx.has(PYDANTIC.cost)) return;
  const value = ctx.get(PYDANTIC.cost);
  if (typeof value === "number" && Number.isFinite(value) && value >= 0) {
    ctx.offer("cost", { total_cost: value }, RANK.structured, ID);
  } else ctx.diagnose("invalid-value", "warning", `${PYDANTIC.cost} should be a non-negative number of USD, got ${JSON.stringify(value)}`, PYDANTIC.cost);
}

/** Version 2 tool spans: `tool_arguments` / `tool_response` (v3+ write the GenAI keys, read by the GenAI parser). */
function readToolV2(ctx: ParseContext): void {
  const hasArgs = ctx.has(PYDANTIC.toolArguments);
  const hasResponse = ctx.has(PYDANTIC.toolResponse);
  if (!hasArgs && !hasResponse) return;
  ctx.offer("spanType", "TOOL", RANK.operation, ID);
  for (const [key, field] of [[PYDANTIC.toolArguments, "inputs"], [PYDANTIC.toolResponse, "outputs"]] as const) {
    if (!ctx.has(key)) continue;
    const parsed = readJsonValue(ctx, key);
    if (!parsed.ok) continue;
    ctx.offer(field, parsed.value, RANK.structured, ID);
  }
}

export const parsePydanticAi = parser<State>(
  () => ({ isAgent: false }),
  [
    { name: "agent run", run: readAgentRun },
    { name: "usage details", run: readModelExtras },
    { name: "cost", run: (ctx) => readCost(ctx) },
    { name: "tool (version 2)", run: (ctx) => readToolV2(ctx) },
  ],
);
