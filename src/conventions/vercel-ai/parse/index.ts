/**
 * The Vercel AI SDK parser: the `ai.*` keys the SDK writes on its own spans.
 *
 * One call makes an outer span (`ai.generateText`, `ai.streamText`, `ai.generateObject`, `ai.embed`,
 * ...), one inner span per provider request (`….doGenerate`, `….doStream`, `….doEmbed`) and one
 * `ai.toolCall` span per tool it runs. Content and usage are in `ai.*`; the provider-request spans
 * also carry a few `gen_ai.*` keys (request parameters, response id/model, input/output counts), which
 * the GenAI parser reads after this one and merges into what is found here (registry order).
 *
 * Span types: the outer text and object calls are LLM (as MLflow's own Vercel translator types them;
 * one such call may run several model requests and tools), each provider request is CHAT_MODEL (a
 * chat call with messages, as the other conventions' chat calls are), tool calls TOOL, embeddings
 * EMBEDDING, reranking RERANKER.
 */
import { VERCEL } from "../keys.js";
import { NORMALIZED_CHAT_FORMAT } from "../../mlflow/keys.js";
import { RANK, type ParseContext } from "../../../readers/context.js";
import { readString } from "../../../readers/values.js";
import type { Obj } from "../../../internal/records.js";
import { OPERATIONS, SPAN_TYPES } from "../tables.js";
import { readProvider } from "./model.js";
import { readSettings } from "./params.js";
import { readUsage } from "./usage.js";
import { readChatInputs, readChatOutputs } from "./chat.js";
import { readValue } from "./values.js";
import { readEmbeddings, readRerank } from "./embeddings.js";
import { inferSpanType } from "./span-type.js";
export function parseVercelAi(ctx: ParseContext): void {
  const operation = readString(ctx, VERCEL.operationId);
  const kind = operation === undefined ? undefined : OPERATIONS.get(operation);
  if (kind !== undefined) {
    ctx.consume(VERCEL.operationId);
    ctx.offer("spanType", SPAN_TYPES[kind], RANK.operation, "vercel-ai");
  } else if (operation !== undefined) {
    ctx.diagnose("unknown-operation", "info", `${VERCEL.operationId} "${operation}" is not an AI SDK operation this version knows; the span type is inferred from the other attributes`, VERCEL.operationId);
  }

  const requestModel = readString(ctx, VERCEL.modelId);
  const responseModel = readString(ctx, VERCEL.responseModel);
  if (requestModel !== undefined) ctx.consume(VERCEL.modelId);
  if (responseModel !== undefined) ctx.consume(VERCEL.responseModel);
  const model = responseModel ?? requestModel;
  if (model !== undefined) ctx.offer("model", model, RANK.structured, "vercel-ai");
  readProvider(ctx);

  const params: Obj = {};
  if (requestModel !== undefined) params.model = requestModel;
  const settings = readSettings(ctx, params);
  readUsage(ctx, kind === "embeddings");

  const chatInputs = readChatInputs(ctx, params);
  let hasChat = chatInputs;
  if (readChatOutputs(ctx, responseModel)) hasChat = true;
  let paramsPlaced = chatInputs;
  if (!hasChat) {
    readValue(ctx, ctx.has(VERCEL.toolCallArgs) ? VERCEL.toolCallArgs : VERCEL.toolCallInput, "inputs");
    readValue(ctx, ctx.has(VERCEL.toolCallResult) ? VERCEL.toolCallResult : VERCEL.toolCallOutput, "outputs");
    paramsPlaced = readEmbeddings(ctx, params);
    readRerank(ctx);
  }
  if (settings !== undefined) {
    if (paramsPlaced) for (const key of settings) ctx.consume(key);
    // Content not recorded (telemetry recordInputs: false): the request parameters are the inputs.
    else if (!ctx.current("inputs")) ctx.offer("inputs", { ...params }, RANK.inferred, "vercel-ai");
  }
  if (hasChat) ctx.offer("messageFormat", NORMALIZED_CHAT_FORMAT, RANK.structured, "vercel-ai");
  if (kind === undefined) inferSpanType(ctx, hasChat);
}
