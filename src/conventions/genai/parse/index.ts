import type { ChatMessage } from "../../../canonical/span.js";
import { finishReason } from "../../../readers/finish.js";
/**
 * The OTel GenAI parser: every non-indexed `gen_ai.*` attribute and the GenAI content events, as named
 * steps (one file per canonical field group beside this one).
 *
 * Three generations of the convention are read, best first (precedence by rank, readers/context.ts):
 * 1. structured JSON messages (`gen_ai.input.messages`, `gen_ai.output.messages`,
 *    `gen_ai.system_instructions`, `gen_ai.tool.definitions`) — RANK.structured;
 * 2. content events (`gen_ai.{system,user,assistant,tool}.message`, `gen_ai.choice`, and the
 *    `gen_ai.client.inference.operation.details` event) — RANK.events;
 * 3. deprecated raw `gen_ai.prompt` / `gen_ai.completion` strings — RANK.raw.
 * Indexed `gen_ai.prompt.N.*` / `gen_ai.completion.N.*` keys belong to the OpenLLMetry parser and are
 * never read here.
 */
import { NORMALIZED_CHAT_FORMAT } from "../../../canonical/span.js";
import type { Obj } from "../../../internal/records.js";
import { RANK, type ParseContext } from "../../../readers/context.js";
import { consumeUnlessLeftOut, readString } from "../../../readers/values.js";
import { parser } from "../../types.js";
import { GENAI } from "../keys.js";
import { toolsFromGenAi } from "../messages-read.js";
import { readEvents } from "./events.js";
import { readFinishReasons, withFinishReasons } from "./finish.js";
import { readDeprecatedContent } from "./legacy.js";
import { readProvider } from "./model.js";
import { hasAnyKey, mergeParams, readGenAiParams } from "./params.js";
import { mergeResponse } from "./response.js";
import { readMemory, readRetrieval } from "./retrieval.js";
import { inferSpanType, spanTypeOfOperation } from "./span-type.js";
import { readStructured } from "./structured.js";
import { readToolExecution } from "./tool.js";
import { readUsage } from "./usage.js";

/** AI SDK 7 model calls whose inputs are an object other than messages (read by the Vercel AI parser). */
const OBJECT_INPUT_MODEL_CALLS: ReadonlySet<string> = new Set(["decide", "extract", "ai.generateSpeech", "ai.transcribe", "ai.streamTranscribe"]);

/** What the steps of one span share. */
interface State {
  operation: string | undefined;
  responseModel: string | undefined;
  params: Obj;
  finishReasons: string[] | undefined;
  hasChat: boolean;
  /** `gen_ai.system_instructions` of the span when the input messages are in log records. */
  spanSystem?: ChatMessage;
  isTool: boolean;
  isRetrieval: boolean;
}

export const parseGenAi = parser<State>(
  () => ({ operation: undefined, responseModel: undefined, params: {}, finishReasons: undefined, hasChat: false, isTool: false, isRetrieval: false }),
  [
    {
      name: "operation",
      run(ctx, s) {
        const operation = readString(ctx, GENAI.operation);
        if (operation === undefined) return;
        s.operation = operation;
        ctx.consume(GENAI.operation);
        const type = spanTypeOfOperation(operation);
        if (type) ctx.offer("spanType", type, RANK.operation, "genai");
        else {
          ctx.diagnose("unknown-operation", "info", `${GENAI.operation} "${operation}" is not a known GenAI operation; the span type is inferred from the other attributes`, GENAI.operation);
        }
      },
    },
    { name: "provider", run: (ctx) => readProvider(ctx) },
    {
      name: "model",
      run(ctx, s) {
        const requestModel = readString(ctx, GENAI.requestModel);
        const responseModel = readString(ctx, GENAI.responseModel);
        if (requestModel !== undefined) ctx.consume(GENAI.requestModel);
        if (responseModel !== undefined) ctx.consume(GENAI.responseModel);
        const model = responseModel ?? requestModel;
        if (model !== undefined) ctx.offer("model", model, RANK.structured, "genai");
        if (requestModel !== undefined) s.params.model = requestModel;
        s.responseModel = responseModel;
      },
    },
    { name: "request parameters", run: (ctx, s) => readGenAiParams(ctx, s.params) },
    { name: "usage", run: (ctx, s) => readUsage(ctx, s.operation === "embeddings") },
    {
      name: "tools",
      run(ctx) {
        if (!ctx.has(GENAI.toolDefinitions)) return;
        const parsed = ctx.json(GENAI.toolDefinitions);
        if (!parsed.ok) return;
        const before = ctx.diagnostics.length;
        const tools = toolsFromGenAi(parsed.value, ctx, GENAI.toolDefinitions);
        if (!tools) return;
        consumeUnlessLeftOut(ctx, GENAI.toolDefinitions, before);
        ctx.offer("tools", tools, RANK.structured, "genai");
      },
    },
    { name: "finish reasons", run: (ctx, s) => void (s.finishReasons = readFinishReasons(ctx)) },
    {
      name: "structured messages",
      run(ctx, s) {
        if (s.operation === "embeddings" && readEmbeddingInput(ctx, s.params)) return;
        const structured = readStructured(ctx, undefined);
        // The system instructions alone on the span, the conversation in log records (contrib OpenAI
        // 0.22): joined with the records' messages by the content-events step.
        if (structured.systemOnly && ctx.events.length > 0) s.spanSystem = structured.systemOnly;
        else if (structured.messages) {
          ctx.offer("inputs", { messages: structured.messages }, RANK.structured, "genai");
          s.hasChat = true;
        }
        if (structured.choices) {
          ctx.offer("outputs", { choices: withFinishReasons(structured.choices, s.finishReasons) }, RANK.structured, "genai");
          s.hasChat = true;
        }
      },
    },
    {
      name: "content events",
      run(ctx, s) {
        if (ctx.events.length > 0 && readEvents(ctx, s.finishReasons, s.spanSystem)) s.hasChat = true;
        else if (s.spanSystem) {
          ctx.offer("inputs", { messages: [s.spanSystem] }, RANK.structured, "genai");
          s.hasChat = true;
        }
      },
    },
    { name: "deprecated content", run: (ctx, s) => void (readDeprecatedContent(ctx, s.finishReasons) && (s.hasChat = true)) },
    { name: "tool execution", run: (ctx, s) => void (s.isTool = readToolExecution(ctx)) },
    { name: "retrieval", run: (ctx, s) => void (s.isRetrieval = readRetrieval(ctx)) },
    { name: "memory", run: (ctx, s) => readMemory(ctx, s.operation) },
    {
      name: "content not captured",
      run(ctx, s) {
        // No output content at all, but the span says how generation ended: record the choices' ends.
        const reasons = s.finishReasons;
        if (!ctx.current("outputs") && reasons && reasons.length > 0 && !s.isTool) {
          const choices = reasons.map((reason, index) => ({ index, message: { role: "assistant", content: null }, finish_reason: finishReason(reason) }));
          ctx.offer("outputs", { choices }, RANK.inferred, "genai");
        }
        if (!ctx.current("inputs") && hasAnyKey(s.params)) ctx.offer("inputs", {}, RANK.inferred, "genai");
      },
    },
    {
      name: "merge parameters and response",
      run(ctx, s) {
        if (hasAnyKey(s.params)) mergeParams(ctx, s.params, s.operation !== undefined && OBJECT_INPUT_MODEL_CALLS.has(s.operation));
        mergeResponse(ctx, s.responseModel);
        if (s.hasChat) ctx.offer("messageFormat", NORMALIZED_CHAT_FORMAT, RANK.structured, "genai");
      },
    },
    { name: "span type", run: (ctx, s) => inferSpanType(ctx, s.hasChat, s.isTool, s.isRetrieval) },
  ],
);

/**
 * An embeddings call's input in `gen_ai.input.messages` as plain text or a list of texts (OpenLIT
 * writes the request's `input` there, not chat messages): `inputs.input`, with the request
 * parameters. False when the key holds something else (chat-shaped messages are read as usual).
 */
function readEmbeddingInput(ctx: ParseContext, params: Record<string, unknown>): boolean {
  const key = GENAI.inputMessages;
  if (!ctx.has(key)) return false;
  const raw = ctx.get(key);
  if (typeof raw !== "string") return false;
  let input: string | string[] | undefined;
  const trimmed = raw.trimStart();
  if (!trimmed.startsWith("[") && !trimmed.startsWith("{")) input = raw;
  else {
    const parsed = ctx.json(key);
    if (parsed.ok && Array.isArray(parsed.value) && parsed.value.length > 0 && parsed.value.every((v: unknown) => typeof v === "string")) input = parsed.value as string[];
  }
  if (input === undefined) return false;
  ctx.consume(key);
  ctx.offer("inputs", { input, ...params }, RANK.structured, "genai");
  return true;
}
