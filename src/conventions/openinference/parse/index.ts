/**
 * The OpenInference parser: `openinference.span.kind`, flattened `llm.*` messages, token counts,
 * invocation parameters, tools, documents, embeddings and `input.value` / `output.value`.
 *
 * Precedence inside the convention (ranks from context.ts):
 * - span kind: `openinference.span.kind` at RANK.explicitKind; without it the type is inferred from
 *   what is present (messages -> LLM, embeddings -> EMBEDDING, documents -> RETRIEVER...) at RANK.inferred;
 * - chat content: flattened `llm.input_messages.N.*` / `llm.output_messages.N.*` at RANK.flattened,
 *   over the legacy `llm.prompts` / `llm.choices`, over `input.value` / `output.value` at RANK.raw;
 *   what the flattened input messages lack (a system prompt, a tool result, an image's data, LangChain
 *   tool calls and parts) is filled from the request in `input.value` (raw-request.ts), and cache counts
 *   the flattened counts lack from the response in `output.value` (raw-usage.ts); the flattened keys win;
 * - documents, embeddings and reranker lists at RANK.flattened, over `input.value` / `output.value`.
 *
 * Choices we made where the instrumentations and the spec leave room (docs/openinference.md has the table):
 * - a message with `message.tool_call_id` is a tool result: its role becomes `tool` (Anthropic's
 *   instrumentation records tool results as `user` turns);
 * - a tool call recorded both under `message.tool_calls` and as a `tool_use` content part is kept once
 *   (matched by id; the `tool_calls` entry wins);
 * - a system prompt missing from the messages but present in `llm.invocation_parameters.system`
 *   (Anthropic passes it apart from the messages) is put back as the first message, with an info diagnostic;
 * - token counts follow the spec: `llm.token_count.prompt` includes cached tokens, like our `input_tokens`.
 */
import { NORMALIZED_CHAT_FORMAT, type ChatChoice, type ChatMessage, type SpanType } from "../../../canonical/span.js";
import { OI } from "../keys.js";
import { setOwn } from "../../../internal/records.js";
import { langChainGenerations } from "../../../readers/langchain.js";
import { RANK, type ParseContext, type PartialUsage } from "../../../readers/context.js";
import { parser } from "../../types.js";
import type { IndexedFamily } from "../../../readers/indexed.js";
import type { ListName } from "./lists.js";
import type { ModelNames } from "./model.js";
import type { Obj } from "../../../internal/records.js";
import { listsOf } from "./lists.js";
import { inferSpanType, readKind } from "./span-type.js";
import { readModel, readProvider } from "./model.js";
import { offerUsage, readCost, readUsage } from "./usage.js";
import { fillCacheFromOutputValue } from "./raw-usage.js";
import { readParams } from "./params.js";
import { readTools } from "./tools.js";
import { readMessages, type ImageWithoutData } from "./messages.js";
import { fillFromRawRequest } from "./raw-request.js";
import { readFinishReason, readLegacyChoices, readPrompts, recoverSystemPrompt } from "./prompts.js";
import { fillFromLangChain, jsonValue, readValue, readableValue, responseMetadata } from "./values.js";
import { readDocuments, readEmbeddings, readReranker } from "./documents.js";
/** What the steps of one span share. */
interface State {
  lists: Map<ListName, IndexedFamily>;
  kind: SpanType | undefined;
  model: ModelNames;
  params: Obj;
  usage: PartialUsage | undefined;
  messages: ChatMessage[] | undefined;
  fromPrompts: boolean;
  choices: ChatChoice[] | undefined;
  /** The response id and model beside the choices. */
  meta: Obj | undefined;
  imagesWithoutData: ImageWithoutData[] | undefined;
  content: "chat" | "embedding" | "documents" | "rerank" | undefined;
}

export const parseOpenInference = parser<State>(
  () => ({ lists: new Map(), kind: undefined, model: { any: false } as ModelNames, params: {}, usage: undefined, messages: undefined, fromPrompts: false, choices: undefined, meta: undefined, imagesWithoutData: undefined, content: undefined }),
  [
    {
      name: "span kind",
      run(ctx, s) {
        s.lists = listsOf(ctx);
        s.kind = readKind(ctx);
      },
    },
    { name: "provider", run: (ctx) => readProvider(ctx) },
    { name: "model", run: (ctx, s) => void (s.model = readModel(ctx, s.kind)) },
    {
      name: "usage and cost",
      run(ctx, s) {
        s.usage = readUsage(ctx);
        readCost(ctx);
      },
    },
    // Before the counts are settled: a cache split the flattened counts lack, from output.value.
    { name: "cache counts from output.value", run: (ctx, s) => fillCacheFromOutputValue(ctx, s.usage) },
    { name: "usage cache semantics", run: (ctx, s) => offerUsage(ctx, s.usage) },
    {
      name: "parameters and tools",
      run(ctx, s) {
        const params = (s.params = readParams(ctx, OI.invocationParameters) ?? {});
        if (s.model.request !== undefined && !("model" in params)) params.model = s.model.request;
        // The advertised tools live in the canonical `tools` field (MLflow's mlflow.chat.tools), normalised to
        // the OpenAI shape; the provider-shaped copy in the parameters would only repeat them.
        if (s.lists.has("tools") && readTools(ctx)) delete params.tools;
      },
    },
    { name: "chat messages", run: readChat },
    {
      name: "chat gaps from input.value",
      run(ctx, s) {
        if (s.fromPrompts) return;
        s.messages = fillFromRawRequest(ctx, s.messages, s);
      },
    },
    { name: "chat inputs and outputs", run: offerChat },
    {
      name: "embeddings, documents, reranking",
      run(ctx, s) {
        const lists = s.lists;
        if (lists.has("embeddings") && readEmbeddings(ctx)) s.content ??= "embedding";
        if (lists.has("documents")) {
          const docs = readDocuments(ctx, OI.retrievalDocuments);
          if (docs) {
            ctx.offer("outputs", docs, RANK.flattened, "openinference");
            s.content ??= "documents";
          }
        }
        if ((lists.has("rerankIn") || lists.has("rerankOut") || ctx.has(OI.rerankerQuery)) && readReranker(ctx)) s.content ??= "rerank";
      },
    },
    {
      name: "input and output values",
      run(ctx, s) {
        // `input.value` / `output.value`: the whole value of non-LLM spans, the fallback of LLM spans.
        const inputs = ctx.current("inputs");
        if (!inputs || inputs.rank < RANK.raw) {
          const input = readValue(ctx, OI.inputValue, OI.inputMimeType);
          if (input.ok) ctx.offer("inputs", readableValue(input.value, "inputs"), RANK.raw, "openinference");
        }
        const outputs = ctx.current("outputs");
        if (!outputs || outputs.rank < RANK.raw) {
          const output = readValue(ctx, OI.outputValue, OI.outputMimeType);
          if (output.ok) ctx.offer("outputs", readableValue(output.value, "outputs"), RANK.raw, "openinference");
        }
        // An LLM call with parameters but no content (content capture off): the parameters are the inputs.
        if (!ctx.current("inputs") && Object.keys(s.params).length > 0 && (s.kind === "LLM" || s.kind === undefined)) {
          ctx.offer("inputs", s.params, RANK.inferred, "openinference");
        }
      },
    },
    {
      name: "span type",
      run(ctx, s) {
        // OpenInference has one LLM kind for chat and completion calls. A call recorded as chat messages is
        // a CHAT_MODEL span, as GenAI `chat` and OpenLLMetry `chat` spans are, so one call reads the same
        // whichever convention recorded it; prompts-only calls stay LLM.
        const llmType: SpanType = s.content === "chat" && !s.fromPrompts ? "CHAT_MODEL" : "LLM";
        if (s.kind === undefined) inferSpanType(ctx, s.content, s.model.any, llmType);
        else ctx.offer("spanType", s.kind === "LLM" ? llmType : s.kind, RANK.explicitKind, "openinference");
      },
    },
  ],
);

/** Flattened chat messages (or the legacy prompts / choices), completed from LangChain's output envelopes. */
function readChat(ctx: ParseContext, s: State): void {
  const { lists, params, model } = s;

  // Chat messages.
  let messages = lists.has("inputMessages") ? readMessages(ctx, OI.inputMessages, s) : undefined;
  const outputMessages = lists.has("outputMessages") ? readMessages(ctx, OI.outputMessages, s) : undefined;
  let fromPrompts = false;
  if (!messages && (lists.has("prompts") || ctx.has(OI.prompts))) {
    messages = readPrompts(ctx);
    fromPrompts = messages !== undefined;
  }
  let choices: ChatChoice[] | undefined;
  if (outputMessages) {
    const finish = readFinishReason(ctx);
    choices = outputMessages.map((message, index) => ({ index, message, finish_reason: finish }));
  } else if (lists.has("choices")) {
    choices = readLegacyChoices(ctx);
  }
  // LangChain's instrumentation drops tool-call ids from the flattened messages; its output.value
  // envelope still has them. output.value is parsed anyway for the response id and model
  // (responseMetadata), and cached. (The input side: raw-request.ts.)
  const generations = choices ? langChainGenerations(jsonValue(ctx, OI.outputValue, OI.outputMimeType)) : undefined;
  if (choices && generations) fillFromLangChain(choices.map((c) => c.message), generations.messages);
  let meta: Obj | undefined;
  if (choices) {
    meta = responseMetadata(ctx);
    if (generations?.id !== undefined) meta.id ??= generations.id;
    if (generations?.model !== undefined) meta.model ??= generations.model;
  }
  // The spec has llm.model_name be the response model when known, but LangChain's instrumentation
  // writes the requested one there; its generation in output.value says which model answered. The
  // requested name then stays in the parameters, as with llm.request.model_name.
  let chosenModel = model.model;
  const answered = generations?.model;
  if (model.response === undefined && answered !== undefined && answered !== chosenModel) {
    if (model.name !== undefined && !("model" in params)) params.model = model.name;
    chosenModel = answered;
  }
  if (chosenModel !== undefined) ctx.offer("model", chosenModel, RANK.flattened, "openinference");
  if (messages) messages = recoverSystemPrompt(ctx, messages, params);
  s.messages = messages;
  s.fromPrompts = fromPrompts;
  s.choices = choices;
  s.meta = meta;
}

/** The chat messages and choices as the span's inputs and outputs. */
function offerChat(ctx: ParseContext, s: State): void {
  const { messages, choices, meta, params } = s;
  let hasChat = false;
  if (messages) {
    const inputs: Obj = { messages };
    // Object.keys, not Object.entries: no [key, value] pair per parameter.
    for (const k of Object.keys(params)) if (!(k in inputs)) setOwn(inputs, k, params[k]);
    ctx.offer("inputs", inputs, RANK.flattened, "openinference");
    hasChat = true;
  }
  if (choices) {
    // meta holds id and model at most, in the order they were found; copied by hand since a spread
    // of an object of varying shape takes V8's slow path.
    const outputs: Obj = {};
    for (const k in meta) outputs[k] = meta[k];
    outputs.choices = choices;
    ctx.offer("outputs", outputs, RANK.flattened, "openinference");
    hasChat = true;
  }
  if (hasChat) {
    ctx.offer("messageFormat", NORMALIZED_CHAT_FORMAT, RANK.flattened, "openinference");
    s.content = "chat";
  }
}
