/**
 * The Google ADK parser: the Gemini request and reply that ADK copies into `gcp.vertex.agent.llm_request`
 * / `llm_response` on its `call_llm` spans, and the tool arguments and result of `execute_tool` spans.
 * Everything else ADK writes is GenAI (`gen_ai.operation.name`, `gen_ai.request.model`,
 * `gen_ai.usage.*`), read by the GenAI parser after this one (ADK is listed before GenAI).
 *
 * - Inputs: `contents` + `config.systemInstruction` as chat messages, `config` parameters beside them;
 *   tools from `config.tools`. Outputs: the reply's `content` as one choice.
 * - Usage: `usageMetadata` of the reply (readers/gemini.ts: promptTokenCount already includes the
 *   cached tokens; the cache and thinking counts exist only there, not as attributes).
 * - Provider: `gen_ai.system` says `gcp.vertex.agent` (the framework); the backend is read from the
 *   request's model: a Vertex resource name (`projects/…`) is `gcp.vertex_ai`, else `gcp.gemini`.
 * - Tool spans carry `"{}"` placeholders in `llm_request` / `llm_response`: ignored (consumed).
 * - A value that is not Gemini-shaped (hand-written spans, MLflow's tests) is the span's raw inputs or
 *   outputs, as MLflow stores it.
 * Session ids (`gen_ai.conversation.id`, `gcp.vertex.agent.session_id`) stay attributes.
 */
import { NORMALIZED_CHAT_FORMAT } from "../../canonical/span.js";
import { isPlainObject, type Obj } from "../../internal/records.js";
import { RANK, type ParseContext } from "../../readers/context.js";
import { geminiChoices, geminiMessages, geminiParams, geminiTools, geminiUsage } from "../../readers/gemini.js";
import { consumeUnlessLeftOut, readJsonValue } from "../../readers/values.js";
import { parser } from "../types.js";
import { ADK } from "./keys.js";

const ID = "google-adk";

interface State {
  model: string | undefined;
}

function isPlaceholder(value: unknown): boolean {
  return isPlainObject(value) && Object.keys(value).length === 0;
}

/** The backend of a model name: Vertex AI resource names start with `projects/`; plain names are the Gemini API's. */
export function providerOfModel(model: string): string {
  return model.startsWith("projects/") || model.includes("/locations/") ? "gcp.vertex_ai" : "gcp.gemini";
}

function readRequest(ctx: ParseContext, s: State): void {
  if (!ctx.has(ADK.llmRequest)) return;
  const parsed = readJsonValue(ctx, ADK.llmRequest);
  if (!parsed.ok) return;
  const request = parsed.value;
  if (isPlaceholder(request)) {
    ctx.consume(ADK.llmRequest);
    return;
  }
  if (isPlainObject(request) && Array.isArray(request.contents)) {
    const before = ctx.diagnostics.length;
    const config = isPlainObject(request.config) ? request.config : {};
    const messages = geminiMessages(request.contents, config.systemInstruction, ctx, ADK.llmRequest)!;
    const inputs: Obj = { messages, ...geminiParams(config) };
    ctx.offer("inputs", inputs, RANK.structured, ID);
    const tools = geminiTools(config.tools, ctx, ADK.llmRequest);
    if (tools && tools.length > 0) ctx.offer("tools", tools, RANK.structured, ID);
    ctx.offer("spanType", "CHAT_MODEL", RANK.operation, ID);
    ctx.offer("messageFormat", NORMALIZED_CHAT_FORMAT, RANK.structured, ID);
    if (typeof request.model === "string" && request.model !== "") s.model = request.model;
    consumeUnlessLeftOut(ctx, ADK.llmRequest, before);
    return;
  }
  // Not a Gemini request: the value itself, as MLflow stores it.
  ctx.offer("inputs", request, RANK.raw, ID);
  ctx.offer("spanType", "LLM", RANK.inferred, ID);
  ctx.consume(ADK.llmRequest);
}

function readResponse(ctx: ParseContext): void {
  if (!ctx.has(ADK.llmResponse)) return;
  const parsed = readJsonValue(ctx, ADK.llmResponse);
  if (!parsed.ok) return;
  const response = parsed.value;
  if (isPlaceholder(response)) {
    ctx.consume(ADK.llmResponse);
    return;
  }
  if (isPlainObject(response)) {
    const before = ctx.diagnostics.length;
    const choices = geminiChoices(response, ctx, ADK.llmResponse);
    const usage = geminiUsage(response.usageMetadata);
    if (usage) ctx.offer("tokenUsage", usage, RANK.structured, ID);
    if (choices) {
      ctx.offer("outputs", { choices }, RANK.structured, ID);
      ctx.offer("messageFormat", NORMALIZED_CHAT_FORMAT, RANK.structured, ID);
      consumeUnlessLeftOut(ctx, ADK.llmResponse, before);
      return;
    }
    if (usage) {
      // Usage without a reply (an error response): the JSON is still the record of the rest.
      ctx.offer("outputs", response, RANK.raw, ID);
      return;
    }
  }
  ctx.offer("outputs", response, RANK.raw, ID);
  ctx.offer("spanType", "LLM", RANK.inferred, ID);
  ctx.consume(ADK.llmResponse);
}

function readTool(ctx: ParseContext): void {
  let found = false;
  for (const [key, field] of [[ADK.toolCallArgs, "inputs"], [ADK.toolResponse, "outputs"]] as const) {
    if (!ctx.has(key)) continue;
    const parsed = readJsonValue(ctx, key);
    if (!parsed.ok) continue;
    ctx.offer(field, parsed.value, RANK.structured, ID);
    ctx.consume(key);
    found = true;
  }
  if (found) ctx.offer("spanType", "TOOL", RANK.inferred, ID);
}

export const parseGoogleAdk = parser<State>(
  () => ({ model: undefined }),
  [
    { name: "model request", run: readRequest },
    { name: "model reply and usage", run: (ctx) => readResponse(ctx) },
    { name: "tool call", run: (ctx) => readTool(ctx) },
    {
      name: "provider",
      run(ctx, s) {
        // The request's model, else the GenAI request model; gen_ai.system (`gcp.vertex.agent`) is kept as an attribute.
        let model = s.model;
        if (model === undefined) {
          const requestModel = ctx.get("gen_ai.request.model");
          if (typeof requestModel === "string" && requestModel !== "") model = requestModel;
        }
        if (model !== undefined) ctx.offer("provider", providerOfModel(model), RANK.structured, ID);
      },
    },
  ],
);
