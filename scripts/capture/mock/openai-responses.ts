/**
 * OpenAI Responses API for the mock provider: `POST /v1/responses`.
 *
 *   - `temperature` above 2                      -> HTTP 400, OpenAI error body
 *   - last input item is a `function_call_output` -> final text answer using the tool result
 *   - request offers `tools`                      -> one `function_call` output item (get_weather)
 *   - `text.format` is a `json_schema`            -> JSON text filled in from the schema (first enum
 *                                                    value, "Paris" for strings, 0.5, true, ...)
 *   - otherwise                                   -> text answer chosen by the last user input
 *   `stream: true` sends the same response as the named `response.*` SSE events; a request with a
 *   `conversation` gets `conversation: {id}` back.
 *
 * Replies are fixed: ids `resp_fixture_000N`, `created_at` 2025-01-01, fixed token counts (with
 * cached and reasoning details on the plain answer).
 */
import type http from "node:http";

import { asArray, isObject, type Json, type JsonObject, type RouteHandler, sample, sendJson, sendSse } from "./http.js";

const CREATED = 1_735_689_600;
const MODEL = "gpt-4o-mini-2024-07-18";
const HEADERS = { "x-request-id": "req_fixture_openai_responses" };
const REPLIES: Readonly<Record<string, string>> = {
  "What is the capital of France?": "The capital of France is Paris.",
  "Count from 1 to 5.": "1, 2, 3, 4, 5.",
};
const DEFAULT_REPLY = "This is a fixed reply from the mock provider.";
const TOOL_RESULT_REPLY = "It is currently 18 °C and sunny in Paris.";

function textOf(content: Json | undefined): string {
  if (typeof content === "string") return content;
  return asArray(content)
    .map((p) => (isObject(p) && typeof p["text"] === "string" ? p["text"] : ""))
    .join("");
}

function usage(input: number, output: number, cached: number, reasoning: number): JsonObject {
  return {
    input_tokens: input,
    input_tokens_details: { cached_tokens: cached },
    output_tokens: output,
    output_tokens_details: { reasoning_tokens: reasoning },
    total_tokens: input + output,
  };
}

function respond(body: JsonObject, res: http.ServerResponse): void {
  const temperature = body["temperature"];
  if (typeof temperature === "number" && temperature > 2) {
    sendJson(
      res,
      400,
      {
        error: {
          message: `Invalid 'temperature': decimal above maximum value. Expected a value <= 2, but got ${temperature} instead.`,
          type: "invalid_request_error",
          param: "temperature",
          code: "decimal_above_max_value",
        },
      },
      HEADERS,
    );
    return;
  }
  const input = body["input"];
  const items = typeof input === "string" ? [{ role: "user", content: input } as JsonObject] : asArray(input).filter(isObject);
  const last = items[items.length - 1];
  const lastUser = [...items].reverse().find((i) => i["role"] === "user");
  const stream = body["stream"] === true;

  let id: string;
  let output: JsonObject[];
  let use: JsonObject;
  if (last?.["type"] === "function_call_output") {
    id = "resp_fixture_0003";
    output = [message("msg_fixture_0003", TOOL_RESULT_REPLY)];
    use = usage(118, 14, 0, 0);
  } else if (asArray(body["tools"]).length > 0) {
    id = "resp_fixture_0002";
    output = [
      {
        type: "function_call",
        id: "fc_fixture_0001",
        call_id: "call_fixture_0001",
        name: "get_weather",
        arguments: '{"city":"Paris","unit":"celsius"}',
        status: "completed",
      },
    ];
    use = usage(82, 19, 0, 0);
  } else if (schemaOf(body) !== undefined) {
    id = "resp_fixture_0005";
    output = [message("msg_fixture_0005", JSON.stringify(sample(schemaOf(body))))];
    use = usage(240, 9, 0, 0);
  } else {
    id = stream ? "resp_fixture_0004" : "resp_fixture_0001";
    const text = REPLIES[textOf(lastUser?.["content"])] ?? DEFAULT_REPLY;
    output = [message(stream ? "msg_fixture_0004" : "msg_fixture_0001", text)];
    use = stream ? usage(22, 13, 0, 0) : usage(26, 12, 16, 4);
  }

  const response: JsonObject = {
    id,
    object: "response",
    created_at: CREATED,
    status: "completed",
    error: null,
    incomplete_details: null,
    instructions: typeof body["instructions"] === "string" ? body["instructions"] : null,
    max_output_tokens: typeof body["max_output_tokens"] === "number" ? body["max_output_tokens"] : null,
    model: MODEL,
    output,
    parallel_tool_calls: true,
    previous_response_id: typeof body["previous_response_id"] === "string" ? body["previous_response_id"] : null,
    reasoning: { effort: null, summary: null },
    store: true,
    temperature: typeof temperature === "number" ? temperature : 1,
    text: { format: { type: "text" } },
    tool_choice: "auto",
    tools: asArray(body["tools"]),
    top_p: typeof body["top_p"] === "number" ? body["top_p"] : 1,
    truncation: "disabled",
    usage: use,
    user: null,
    metadata: {},
  };
  // A request in a conversation (`conversation: "conv_…"` or `{id}`) gets it back, as the API does.
  const conversation = body["conversation"];
  const conversationId = typeof conversation === "string" ? conversation : isObject(conversation) ? conversation["id"] : undefined;
  if (typeof conversationId === "string") response["conversation"] = { id: conversationId };
  if (!stream) {
    sendJson(res, 200, response, HEADERS);
    return;
  }
  sendSse(res, events(response, output), HEADERS);
}

function schemaOf(body: JsonObject): Json | undefined {
  const text = body["text"];
  const format = isObject(text) ? text["format"] : undefined;
  return isObject(format) && format["type"] === "json_schema" ? (format["schema"] ?? {}) : undefined;
}

function message(id: string, text: string): JsonObject {
  return {
    type: "message",
    id,
    status: "completed",
    role: "assistant",
    content: [{ type: "output_text", text, annotations: [] }],
  };
}

function events(response: JsonObject, output: JsonObject[]): Array<{ event: string; data: string }> {
  let seq = 0;
  const frames: Array<{ event: string; data: string }> = [];
  const emit = (type: string, payload: JsonObject): void => {
    frames.push({ event: type, data: JSON.stringify({ type, sequence_number: seq++, ...payload }) });
  };
  const pending: JsonObject = { ...response, status: "in_progress", output: [], usage: null };
  emit("response.created", { response: pending });
  emit("response.in_progress", { response: pending });
  output.forEach((item, outputIndex) => {
    if (item["type"] === "message") {
      const text = textOf(item["content"]);
      const itemId = item["id"] as string;
      emit("response.output_item.added", {
        output_index: outputIndex,
        item: { ...item, status: "in_progress", content: [] },
      });
      emit("response.content_part.added", {
        item_id: itemId,
        output_index: outputIndex,
        content_index: 0,
        part: { type: "output_text", text: "", annotations: [] },
      });
      for (const piece of text.match(/\S+\s*/g) ?? [text]) {
        emit("response.output_text.delta", { item_id: itemId, output_index: outputIndex, content_index: 0, delta: piece });
      }
      emit("response.output_text.done", { item_id: itemId, output_index: outputIndex, content_index: 0, text });
      emit("response.content_part.done", {
        item_id: itemId,
        output_index: outputIndex,
        content_index: 0,
        part: { type: "output_text", text, annotations: [] },
      });
    } else {
      emit("response.output_item.added", { output_index: outputIndex, item: { ...item, arguments: "", status: "in_progress" } });
      emit("response.function_call_arguments.delta", {
        item_id: item["id"] as string,
        output_index: outputIndex,
        delta: item["arguments"] as string,
      });
      emit("response.function_call_arguments.done", {
        item_id: item["id"] as string,
        output_index: outputIndex,
        arguments: item["arguments"] as string,
      });
    }
    emit("response.output_item.done", { output_index: outputIndex, item });
  });
  emit("response.completed", { response });
  return frames;
}

export const openaiResponsesRoute: RouteHandler = (route, body, res) => {
  if (route !== "POST /v1/responses") return false;
  respond(body, res);
  return true;
};
