/**
 * Mastra, read before the GenAI parser (docs/mastra.md). The GenAI keys carry the model calls (model,
 * usage, output text) and tools; Mastra's own keys carry the span kind (`mastra.span.type`, which also
 * tells a run-level `chat` span, older exporters' `model_generation`, from a per-request one) and the
 * content of agent runs, generations and steps. The provider is the AI SDK's id (`openai.chat`).
 * Usage: as GenAI (Mastra's input count includes the cache); a run-level span's summed usage is kept as
 * its own and counted once by summarizeTrace (ancestor wins).
 */
import type { ChatMessage, SpanType } from "../../canonical/span.js";
import { isSpanType } from "../../canonical/span.js";
import { message } from "../../readers/chat.js";
import { providerOfAiSdkId } from "../../readers/ai-sdk-provider.js";
import { RANK, type ParseContext } from "../../readers/context.js";
import { consumeUnlessLeftOut, readJsonValue } from "../../readers/values.js";
import { parser } from "../types.js";
import { MASTRA, MASTRA_SPAN_TYPES } from "./keys.js";
import { mastraChoice, mastraMessages } from "./messages.js";

const ID = "mastra";

interface State {
  type: string | undefined;
}

function readSpanType(ctx: ParseContext, s: State): void {
  if (!ctx.has(MASTRA.spanType)) return;
  const raw = ctx.get(MASTRA.spanType);
  if (typeof raw !== "string") {
    ctx.diagnose("unknown-span-kind", "warning", `${MASTRA.spanType} should be a string, got ${JSON.stringify(raw)}; the type is inferred`, MASTRA.spanType);
    return;
  }
  s.type = raw;
  if (!Object.prototype.hasOwnProperty.call(MASTRA_SPAN_TYPES, raw)) {
    ctx.diagnose("unknown-span-kind", "warning", `${MASTRA.spanType} "${raw}" is not a Mastra span type; the raw value is kept and the type inferred`, MASTRA.spanType);
    return;
  }
  const type = MASTRA_SPAN_TYPES[raw];
  if (type && isSpanType(type)) {
    ctx.offer("spanType", type as SpanType, RANK.explicitKind, ID);
    ctx.consume(MASTRA.spanType);
  }
}

/** `gen_ai.system_instructions` as Mastra writes it: plain text (not GenAI's JSON part list). */
function instructions(ctx: ParseContext): ChatMessage | undefined {
  const raw = ctx.get(MASTRA.systemInstructions);
  if (typeof raw !== "string" || raw === "" || raw.trimStart().startsWith("[")) return undefined;
  return message("system", raw);
}

function readInputs(ctx: ParseContext, key: string, withSystem: boolean): void {
  if (!ctx.has(key)) return;
  const parsed = readJsonValue(ctx, key);
  if (!parsed.ok) return;
  const before = ctx.diagnostics.length;
  let messages = typeof parsed.value === "string" ? [message("user", parsed.value)] : mastraMessages(parsed.value, ctx, key);
  if (messages === undefined) {
    ctx.offer("inputs", parsed.value, RANK.structured, ID);
    ctx.consume(key);
    return;
  }
  const system = withSystem ? instructions(ctx) : undefined;
  if (system && messages[0]?.role !== "system") messages = [system, ...messages];
  ctx.offer("inputs", { messages }, RANK.structured, ID);
  ctx.offer("messageFormat", "openai", RANK.structured, ID);
  consumeUnlessLeftOut(ctx, key, before);
}

function readOutputs(ctx: ParseContext, key: string, finalOnly: boolean): void {
  if (!ctx.has(key)) return;
  const parsed = readJsonValue(ctx, key);
  if (!parsed.ok) return;
  const reply = mastraChoice(parsed.value, finalOnly);
  ctx.offer("outputs", reply ? { choices: [reply] } : parsed.value, RANK.structured, ID);
  // The whole value is kept when only its text and tool calls were taken (files, sources, warnings…).
  if (!reply) ctx.consume(key);
}

export const parseMastra = parser<State>(
  () => ({ type: undefined }),
  [
    { name: "span type", run: readSpanType },
    {
      name: "provider",
      run(ctx) {
        const raw = ctx.get(MASTRA.provider);
        // Only AI SDK ids (`<provider>.<api>`); a plain GenAI name is the GenAI parser's.
        if (typeof raw === "string" && raw.includes(".") && !raw.startsWith("gcp.") && !raw.startsWith("aws.") && !raw.startsWith("azure.ai.")) {
          ctx.offer("provider", providerOfAiSdkId(raw), RANK.structured, ID);
        }
      },
    },
    {
      name: "content",
      run(ctx) {
        readInputs(ctx, MASTRA.agentInput, true);
        readOutputs(ctx, MASTRA.agentOutput, true);
        readInputs(ctx, MASTRA.generationInput, false);
        readOutputs(ctx, MASTRA.generationOutput, true);
        readInputs(ctx, MASTRA.stepInput, false);
        readOutputs(ctx, MASTRA.stepOutput, false);
        if (ctx.has(MASTRA.chunkOutput)) {
          const parsed = readJsonValue(ctx, MASTRA.chunkOutput);
          if (parsed.ok) ctx.offer("outputs", parsed.value, RANK.structured, ID);
        }
      },
    },
  ],
);
