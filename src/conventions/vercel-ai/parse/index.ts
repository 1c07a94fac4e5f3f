/**
 * The Vercel AI SDK parser: the `ai.*` keys the SDK writes on its own spans.
 *
 * One call makes an outer span (`ai.generateText`, `ai.streamText`, `ai.generateObject`, `ai.embed`,
 * ...), one inner span per provider request (`….doGenerate`, `….doStream`, `….doEmbed`) and one
 * `ai.toolCall` span per tool it runs. Content and usage are in `ai.*`; the provider-request spans
 * also carry a few `gen_ai.*` keys (request parameters, response id/model, input/output counts), which
 * the GenAI parser reads after this one and merges into what is found here (the order of CONVENTIONS).
 *
 * Span types: the outer text and object calls are LLM (as MLflow's own Vercel translator types them;
 * one such call may run several model requests and tools), each provider request is CHAT_MODEL (a
 * chat call with messages, as the other conventions' chat calls are), tool calls TOOL, embeddings
 * EMBEDDING, reranking RERANKER. AI SDK 7's decide / extract (outer span and provider request) and
 * speech / transcription calls are LLM: model calls without a chat shape (parse/ai7.ts).
 */
import { VERCEL } from "../keys.js";
import { NORMALIZED_CHAT_FORMAT } from "../../../canonical/span.js";
import { parser } from "../../types.js";
import { RANK } from "../../../readers/context.js";
import { readString } from "../../../readers/values.js";
import type { Obj } from "../../../internal/records.js";
import { OPERATIONS, SPAN_TYPES, type OperationKind } from "../tables.js";
import { readProvider } from "./model.js";
import { readSettings } from "./params.js";
import { readUsage } from "./usage.js";
import { readChatInputs, readChatOutputs } from "./chat.js";
import { readValue } from "./values.js";
import { readEmbeddings, readRerank } from "./embeddings.js";
import { inferSpanType } from "./span-type.js";
import { hasAi7Keys, readAudio, readDecision } from "./ai7.js";
/** What the steps of one span share. */
interface State {
  kind: OperationKind | undefined;
  responseModel: string | undefined;
  params: Obj;
  settings: string[] | undefined;
  hasChat: boolean;
  paramsPlaced: boolean;
}

export const parseVercelAi = parser<State>(
  () => ({ kind: undefined, responseModel: undefined, params: {}, settings: undefined, hasChat: false, paramsPlaced: false }),
  [
    {
      name: "operation",
      run(ctx, s) {
        const operation = readString(ctx, VERCEL.operationId);
        const kind = (s.kind = operation === undefined ? undefined : OPERATIONS.get(operation));
        if (kind !== undefined) {
          ctx.consume(VERCEL.operationId);
          ctx.offer("spanType", SPAN_TYPES[kind], RANK.operation, "vercel-ai");
        } else if (operation !== undefined) {
          ctx.diagnose("unknown-operation", "info", `${VERCEL.operationId} "${operation}" is not an AI SDK operation this version knows; the span type is inferred from the other attributes`, VERCEL.operationId);
        }
      },
    },
    {
      name: "model and provider",
      run(ctx, s) {
        const requestModel = readString(ctx, VERCEL.modelId);
        const responseModel = (s.responseModel = readString(ctx, VERCEL.responseModel));
        if (requestModel !== undefined) ctx.consume(VERCEL.modelId);
        if (responseModel !== undefined) ctx.consume(VERCEL.responseModel);
        const model = responseModel ?? requestModel;
        if (model !== undefined) ctx.offer("model", model, RANK.structured, "vercel-ai");
        readProvider(ctx);
        if (requestModel !== undefined) s.params.model = requestModel;
      },
    },
    { name: "settings", run: (ctx, s) => void (s.settings = readSettings(ctx, s.params)) },
    { name: "usage", run: (ctx, s) => readUsage(ctx, s.kind === "embeddings") },
    {
      name: "chat",
      run(ctx, s) {
        s.paramsPlaced = s.hasChat = readChatInputs(ctx, s.params);
        if (readChatOutputs(ctx, s.responseModel)) s.hasChat = true;
      },
    },
    {
      name: "decide, extract, speech, transcription",
      run(ctx, s) {
        if (!hasAi7Keys(ctx)) return;
        if (readDecision(ctx, s.params)) s.paramsPlaced = true;
        if (readAudio(ctx, s.params)) s.paramsPlaced = true;
      },
    },
    {
      name: "tool calls, embeddings, reranking",
      run(ctx, s) {
        if (s.hasChat) return;
        readValue(ctx, ctx.has(VERCEL.toolCallArgs) ? VERCEL.toolCallArgs : VERCEL.toolCallInput, "inputs");
        readValue(ctx, ctx.has(VERCEL.toolCallResult) ? VERCEL.toolCallResult : VERCEL.toolCallOutput, "outputs");
        s.paramsPlaced = readEmbeddings(ctx, s.params) || s.paramsPlaced;
        readRerank(ctx);
      },
    },
    {
      name: "parameters without content",
      run(ctx, s) {
        if (s.settings !== undefined) {
          if (s.paramsPlaced) for (const key of s.settings) ctx.consume(key);
          // Content not recorded (telemetry recordInputs: false): the request parameters are the inputs.
          else if (!ctx.current("inputs")) ctx.offer("inputs", { ...s.params }, RANK.inferred, "vercel-ai");
        }
        if (s.hasChat) ctx.offer("messageFormat", NORMALIZED_CHAT_FORMAT, RANK.structured, "vercel-ai");
      },
    },
    { name: "span type", run: (ctx, s) => void (s.kind === undefined && inferSpanType(ctx, s.hasChat)) },
  ],
);
