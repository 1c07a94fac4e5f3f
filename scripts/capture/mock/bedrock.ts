/**
 * Amazon Bedrock runtime for the mock provider (`@aws-sdk/client-bedrock-runtime` pointed here
 * through its `endpoint` option, with dummy credentials; the SigV4 signature is not checked).
 *
 * `POST /model/{modelId}/invoke` (InvokeModel): the body format follows the model family
 *   - `anthropic.*`    Anthropic Messages body -> Anthropic message (with cache counts)
 *   - `amazon.nova-*`  Nova body ({system, messages, inferenceConfig}) -> Nova `output.message`
 *   - `meta.llama*`    Llama body ({prompt, max_gen_len}) -> {generation, token counts}
 * `POST /model/{modelId}/converse` (Converse):
 *   - last user turn holds a `toolResult`  -> final text answer
 *   - `toolConfig.tools` offered           -> `toolUse` block (get_weather)
 *   - otherwise                            -> text answer, usage with cache read / write counts
 * `temperature` above 1 anywhere           -> HTTP 400 ValidationException.
 */
import type http from "node:http";

import { asArray, isObject, type Json, type JsonObject, type RouteHandler, sendJson } from "./http.js";

const REQUEST_ID = "req-fixture-bedrock-0001";
const CLAUDE_REPLY = "The capital of France is Paris.";
const TOOL_RESULT_REPLY = "It is currently 18 °C and sunny in Paris.";

function headers(input: number, output: number): Record<string, string> {
  return {
    "x-amzn-requestid": REQUEST_ID,
    "x-amzn-bedrock-invocation-latency": "321",
    "x-amzn-bedrock-input-token-count": String(input),
    "x-amzn-bedrock-output-token-count": String(output),
  };
}

function validationError(res: http.ServerResponse, message: string): void {
  sendJson(res, 400, { message }, { "x-amzn-requestid": REQUEST_ID, "x-amzn-errortype": "ValidationException:http://internal.amazon.com/coral/com.amazon.bedrock/" });
}

function temperatureOf(body: JsonObject): number | undefined {
  const config = body["inferenceConfig"];
  const t = body["temperature"] ?? (isObject(config) ? config["temperature"] : undefined);
  return typeof t === "number" ? t : undefined;
}

function invoke(modelId: string, body: JsonObject, res: http.ServerResponse): void {
  const t = temperatureOf(body);
  if (t !== undefined && t > 1) return validationError(res, "Malformed input request: #/temperature: 5 is not less or equal to 1, please reformat your input and try again.");
  if (modelId.startsWith("anthropic.") || modelId.includes(".anthropic.")) {
    const usage = { input_tokens: 21, cache_creation_input_tokens: 0, cache_read_input_tokens: 1024, output_tokens: 11 };
    return sendJson(
      res,
      200,
      {
        id: "msg_bdrk_fixture_0001",
        type: "message",
        role: "assistant",
        model: "claude-3-5-haiku-20241022",
        content: [{ type: "text", text: CLAUDE_REPLY }],
        stop_reason: "end_turn",
        stop_sequence: null,
        usage,
      },
      headers(21, 11),
    );
  }
  if (modelId.includes("amazon.nova")) {
    return sendJson(
      res,
      200,
      {
        output: { message: { role: "assistant", content: [{ text: CLAUDE_REPLY }] } },
        stopReason: "end_turn",
        usage: { inputTokens: 24, outputTokens: 9, totalTokens: 33, cacheReadInputTokenCount: 0, cacheWriteInputTokenCount: 0 },
      },
      headers(24, 9),
    );
  }
  if (modelId.includes("meta.llama")) {
    return sendJson(
      res,
      200,
      { generation: ` ${CLAUDE_REPLY}`, prompt_token_count: 38, generation_token_count: 9, stop_reason: "stop" },
      headers(38, 9),
    );
  }
  return validationError(res, `The provided model identifier is invalid: ${modelId}`);
}

function converse(body: JsonObject, res: http.ServerResponse): void {
  const t = temperatureOf(body);
  if (t !== undefined && t > 1) return validationError(res, "The value at inferenceConfig.temperature must be less than or equal to 1.");
  const messages = asArray(body["messages"]).filter(isObject);
  const lastUser = [...messages].reverse().find((m) => m["role"] === "user");
  const hasToolResult = asArray(lastUser?.["content"]).some((b) => isObject(b) && isObject(b["toolResult"]));
  const toolConfig = body["toolConfig"];
  const tools = isObject(toolConfig) ? asArray(toolConfig["tools"]) : [];

  let content: Json[];
  let stopReason: string;
  let usage: JsonObject;
  if (hasToolResult) {
    content = [{ text: TOOL_RESULT_REPLY }];
    stopReason = "end_turn";
    usage = { inputTokens: 512, outputTokens: 16, totalTokens: 528 };
  } else if (tools.length > 0) {
    content = [
      { text: "I'll look up the current weather in Paris." },
      { toolUse: { toolUseId: "tooluse_fixture_0001", name: "get_weather", input: { city: "Paris", unit: "celsius" } } },
    ];
    stopReason = "tool_use";
    usage = { inputTokens: 402, outputTokens: 71, totalTokens: 473 };
  } else {
    content = [{ text: CLAUDE_REPLY }];
    stopReason = "end_turn";
    // Converse reports inputTokens WITHOUT the cache; totalTokens includes it.
    usage = { inputTokens: 21, outputTokens: 11, totalTokens: 21 + 11 + 2048 + 512, cacheReadInputTokens: 2048, cacheWriteInputTokens: 512 };
  }
  sendJson(
    res,
    200,
    { output: { message: { role: "assistant", content } }, stopReason, usage, metrics: { latencyMs: 321 } },
    headers(Number(usage["inputTokens"]), Number(usage["outputTokens"])),
  );
}

export const bedrockRoute: RouteHandler = (route, body, res) => {
  const match = /^POST \/model\/([^/]+)\/(invoke|converse)$/.exec(route);
  if (match === null) return false;
  const modelId = decodeURIComponent(match[1]!);
  if (match[2] === "invoke") invoke(modelId, body, res);
  else converse(body, res);
  return true;
};
