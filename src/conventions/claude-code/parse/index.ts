/**
 * The Claude Code parser: span type from the bare `span.type`; the interaction's `user_prompt`; an
 * llm_request's new context (labelled text) as messages and `response.model_output` + `stop_reason`
 * as the reply; a tool's labelled input and result; usage from the bare Anthropic counts only when the
 * GenAI counts are absent. Listed before `voltagent` (which owns the `span.type` key) and `genai`
 * (which reads the `gen_ai.*` keys Claude Code writes: models, provider, usage incl. cache).
 */
import { NORMALIZED_CHAT_FORMAT, type ChatMessage } from "../../../canonical/span.js";
import { RANK, type ParseContext, type PartialUsage } from "../../../readers/context.js";
import { choice } from "../../../readers/chat.js";
import { finishReason } from "../../../readers/finish.js";
import { toCount } from "../../../readers/usage.js";
import { describeValue } from "../../../readers/values.js";
import { parser } from "../../types.js";
import { CLAUDE_CODE, REDACTED } from "../keys.js";
import { SPAN_TYPES, STOP_REASONS } from "../tables.js";
import { contextMessages, labelledValue } from "./content.js";

interface State {
  type: string | undefined;
}

/** A content attribute as text, or undefined when absent, redacted or not a string (diagnosed). */
function text(ctx: ParseContext, key: string): string | undefined {
  if (!ctx.has(key)) return undefined;
  const v = ctx.get(key);
  if (typeof v !== "string") {
    ctx.diagnose("invalid-value", "warning", `${key} should be text, got ${describeValue(v)}; kept raw`, key);
    return undefined;
  }
  return v === "" || v === REDACTED ? undefined : v;
}

function readUsage(ctx: ParseContext): void {
  // Never add both spellings: gen_ai.usage.input_tokens already includes the cache (the GenAI parser reads it).
  if (ctx.has(CLAUDE_CODE.genaiInputTokens) || !ctx.has(CLAUDE_CODE.inputTokens)) return;
  const count = (key: string) => (ctx.has(key) ? toCount(ctx.get(key), ctx, key) : undefined);
  const input = count(CLAUDE_CODE.inputTokens);
  const output = count(CLAUDE_CODE.outputTokens);
  const read = count(CLAUDE_CODE.cacheReadTokens);
  const creation = count(CLAUDE_CODE.cacheCreationTokens);
  if (input === undefined && output === undefined) return;
  const usage: PartialUsage = {};
  // Anthropic's input count excludes the cache: added so input_tokens includes it.
  if (input !== undefined) usage.input_tokens = input + (read ?? 0) + (creation ?? 0);
  if (output !== undefined) usage.output_tokens = output;
  if (read !== undefined) usage.cache_read_input_tokens = read;
  if (creation !== undefined) usage.cache_creation_input_tokens = creation;
  if ((read ?? 0) + (creation ?? 0) > 0) {
    ctx.diagnose("usage-cache-added", "info", `${CLAUDE_CODE.inputTokens} excludes cached tokens (Anthropic's meaning); the cache read and creation counts were added`, CLAUDE_CODE.inputTokens);
  }
  // The cache keys are Claude Code's by detection; the bare input/output counts are not, and stay.
  if (read !== undefined) ctx.consume(CLAUDE_CODE.cacheReadTokens);
  if (creation !== undefined) ctx.consume(CLAUDE_CODE.cacheCreationTokens);
  ctx.offer("tokenUsage", usage, RANK.structured, "claude-code");
}

export const parseClaudeCode = parser<State>(
  () => ({ type: undefined }),
  [
    {
      name: "span type",
      run(ctx, s) {
        const raw = ctx.get(CLAUDE_CODE.spanType);
        if (typeof raw !== "string") return;
        const type = raw.startsWith("claude_code.") ? raw.slice("claude_code.".length) : raw;
        const mapped = Object.prototype.hasOwnProperty.call(SPAN_TYPES, type) ? SPAN_TYPES[type] : undefined;
        if (mapped === undefined) {
          ctx.diagnose("unknown-span-kind", "warning", `${CLAUDE_CODE.spanType} "${raw}" is not a Claude Code span type this version knows; kept raw, the type is inferred`, CLAUDE_CODE.spanType);
          return;
        }
        s.type = type;
        ctx.consume(CLAUDE_CODE.spanType);
        ctx.offer("spanType", mapped, RANK.explicitKind, "claude-code");
      },
    },
    {
      name: "model",
      run(ctx) {
        const model = ctx.get(CLAUDE_CODE.model);
        // The requested model; the GenAI parser's response model (RANK.structured) wins when present.
        if (typeof model === "string" && model !== "") ctx.offer("model", model, RANK.raw, "claude-code");
      },
    },
    {
      name: "content",
      run(ctx, s) {
        if (s.type === "interaction") {
          const prompt = text(ctx, CLAUDE_CODE.userPrompt);
          if (prompt !== undefined) {
            ctx.consume(CLAUDE_CODE.userPrompt);
            ctx.offer("inputs", { messages: [{ role: "user", content: prompt }] }, RANK.structured, "claude-code");
            ctx.offer("messageFormat", NORMALIZED_CHAT_FORMAT, RANK.structured, "claude-code");
          }
        } else if (s.type === "llm_request") {
          const context = text(ctx, CLAUDE_CODE.newContext);
          // Only what is new since the previous request: the whole conversation is on no span.
          if (context !== undefined) {
            ctx.consume(CLAUDE_CODE.newContext);
            ctx.offer("inputs", { messages: contextMessages(context) }, RANK.structured, "claude-code");
          }
          const reply = text(ctx, CLAUDE_CODE.modelOutput);
          const stop = ctx.get(CLAUDE_CODE.stopReason);
          if (reply !== undefined || typeof stop === "string") {
            const reason = typeof stop === "string" && stop !== "" ? (STOP_REASONS[stop] ?? finishReason(stop)) : null;
            const message: ChatMessage = { role: "assistant", content: reply ?? null };
            if (reply !== undefined) ctx.consume(CLAUDE_CODE.modelOutput);
            if (reply !== undefined) ctx.offer("outputs", { choices: [choice(0, message, reason)] }, RANK.structured, "claude-code");
          }
          if (context !== undefined || reply !== undefined) ctx.offer("messageFormat", NORMALIZED_CHAT_FORMAT, RANK.structured, "claude-code");
        } else if (s.type === "tool") {
          const input = text(ctx, CLAUDE_CODE.toolInput);
          if (input !== undefined) {
            ctx.consume(CLAUDE_CODE.toolInput);
            ctx.offer("inputs", labelledValue(input), RANK.structured, "claude-code");
          }
          const result = text(ctx, CLAUDE_CODE.newContext);
          if (result !== undefined) {
            ctx.consume(CLAUDE_CODE.newContext);
            ctx.offer("outputs", labelledValue(result), RANK.structured, "claude-code");
          }
        }
      },
    },
    { name: "usage", run: (ctx) => readUsage(ctx) },
  ],
);
