/**
 * The OTel GenAI parser: every non-indexed `gen_ai.*` attribute and the GenAI content events.
 *
 * Three generations of the convention are read, best first (precedence by rank, see context.ts):
 * 1. structured JSON messages (`gen_ai.input.messages`, `gen_ai.output.messages`,
 *    `gen_ai.system_instructions`, `gen_ai.tool.definitions`) — RANK.structured;
 * 2. content events (`gen_ai.{system,user,assistant,tool}.message`, `gen_ai.choice`, and the
 *    `gen_ai.client.inference.operation.details` event) — RANK.events;
 * 3. deprecated raw `gen_ai.prompt` / `gen_ai.completion` strings — RANK.raw.
 * Indexed `gen_ai.prompt.N.*` / `gen_ai.completion.N.*` keys belong to the OpenLLMetry parser and are
 * never read here.
 */
import { consumeUnlessLeftOut, readString } from "../../../readers/values.js";
import { GENAI } from "../keys.js";
import { NORMALIZED_CHAT_FORMAT } from "../../mlflow/keys.js";
import { RANK, type ParseContext } from "../../../readers/context.js";
import { finishReasonToCanonical, toolsFromGenAi } from "../messages-read.js";
import type { Obj } from "../../../internal/records.js";
import { inferSpanType, spanTypeOfOperation } from "./span-type.js";
import { readProvider } from "./model.js";
import { hasAnyKey, mergeParams, readParams } from "./params.js";
import { readUsage } from "./usage.js";
import { readFinishReasons, withFinishReasons } from "./finish.js";
import { readStructured } from "./structured.js";
import { readEvents } from "./events.js";
import { readDeprecatedContent } from "./legacy.js";
import { readToolExecution } from "./tool.js";
import { readRetrieval } from "./retrieval.js";
import { mergeResponse } from "./response.js";
export function parseGenAi(ctx: ParseContext): void {
  const operation = readString(ctx, GENAI.operation);
  if (operation !== undefined) {
    ctx.consume(GENAI.operation);
    const type = spanTypeOfOperation(operation);
    if (type) ctx.offer("spanType", type, RANK.operation, "genai");
    else {
      ctx.diagnose("unknown-operation", "info", `${GENAI.operation} "${operation}" is not a known GenAI operation; the span type is inferred from the other attributes`, GENAI.operation);
    }
  }

  readProvider(ctx);
  const requestModel = readString(ctx, GENAI.requestModel);
  const responseModel = readString(ctx, GENAI.responseModel);
  if (requestModel !== undefined) ctx.consume(GENAI.requestModel);
  if (responseModel !== undefined) ctx.consume(GENAI.responseModel);
  const model = responseModel ?? requestModel;
  if (model !== undefined) ctx.offer("model", model, RANK.structured, "genai");

  const params: Obj = {};
  if (requestModel !== undefined) params.model = requestModel;
  readParams(ctx, params);

  readUsage(ctx, operation === "embeddings");

  if (ctx.has(GENAI.toolDefinitions)) {
    const parsed = ctx.json(GENAI.toolDefinitions);
    if (parsed.ok) {
      const before = ctx.diagnostics.length;
      const tools = toolsFromGenAi(parsed.value, ctx, GENAI.toolDefinitions);
      if (tools) {
        consumeUnlessLeftOut(ctx, GENAI.toolDefinitions, before);
        ctx.offer("tools", tools, RANK.structured, "genai");
      }
    }
  }

  const finishReasons = readFinishReasons(ctx);
  let hasChat = false;

  // 1. Structured messages on the span.
  const structured = readStructured(ctx, undefined);
  if (structured.messages) {
    ctx.offer("inputs", { messages: structured.messages }, RANK.structured, "genai");
    hasChat = true;
  }
  if (structured.choices) {
    ctx.offer("outputs", { choices: withFinishReasons(structured.choices, finishReasons) }, RANK.structured, "genai");
    hasChat = true;
  }

  // 2. Content events.
  if (ctx.events.length > 0 && readEvents(ctx, finishReasons)) hasChat = true;

  // 3. Deprecated raw strings.
  if (readDeprecatedContent(ctx, finishReasons)) hasChat = true;

  // Tool execution and retrieval spans.
  const isTool = readToolExecution(ctx);
  const isRetrieval = readRetrieval(ctx);

  // No output content at all, but the span says how generation ended: record the choices' ends.
  if (!ctx.current("outputs") && finishReasons && finishReasons.length > 0 && !isTool) {
    const choices = finishReasons.map((reason, index) => ({ index, message: { role: "assistant", content: null }, finish_reason: finishReasonToCanonical(reason) }));
    ctx.offer("outputs", { choices }, RANK.inferred, "genai");
  }
  const anyParams = hasAnyKey(params);
  if (!ctx.current("inputs") && anyParams) ctx.offer("inputs", {}, RANK.inferred, "genai");

  if (anyParams) mergeParams(ctx, params);
  mergeResponse(ctx, responseModel);
  if (hasChat) ctx.offer("messageFormat", NORMALIZED_CHAT_FORMAT, RANK.structured, "genai");
  inferSpanType(ctx, hasChat, isTool, isRetrieval);
}
