/**
 * Extra Anthropic `POST /v1/messages` replies, checked by mock-provider.ts before its own rules:
 *
 *   - `output_config.format` is a `json_schema` (structured outputs, e.g. the AI SDK 7 `decide`)
 *       -> one text block holding JSON filled in from the schema (see `sample` in http.ts)
 *   - last user text is LARGE_UNCACHED_PROMPT
 *       -> a text answer whose usage has an uncached input count LARGER than the cache counts
 *          (5000 uncached, 2000 read, 500 written: 7500 input in all), the case where "add the
 *          cache only when it exceeds the input" undercounts
 */
import { asArray, isObject, type Json, type JsonObject, sample } from "./http.js";

export const LARGE_UNCACHED_PROMPT = "Summarise the attached handbook in one sentence.";

export interface AnthropicExtraAnswer {
  id: string;
  content: Array<{ type: "text"; text: string }>;
  stopReason: "end_turn";
  usage: { input_tokens: number; output_tokens: number; cache_creation_input_tokens: number; cache_read_input_tokens: number };
}

function lastUserText(body: JsonObject): string {
  const users = asArray(body["messages"]).filter(isObject).filter((m) => m["role"] === "user");
  const content: Json | undefined = users[users.length - 1]?.["content"];
  if (typeof content === "string") return content;
  return asArray(content)
    .map((b) => (isObject(b) && typeof b["text"] === "string" ? b["text"] : ""))
    .join("");
}

export function anthropicExtraAnswer(body: JsonObject): AnthropicExtraAnswer | undefined {
  const config = body["output_config"];
  const format = isObject(config) ? config["format"] : undefined;
  if (isObject(format) && format["type"] === "json_schema") {
    return {
      id: "msg_fixture_0005",
      content: [{ type: "text", text: JSON.stringify(sample(format["schema"])) }],
      stopReason: "end_turn",
      usage: { input_tokens: 240, output_tokens: 9, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
    };
  }
  if (lastUserText(body) === LARGE_UNCACHED_PROMPT) {
    return {
      id: "msg_fixture_0006",
      content: [{ type: "text", text: "The handbook explains how the team ships software safely." }],
      stopReason: "end_turn",
      usage: { input_tokens: 5000, output_tokens: 15, cache_creation_input_tokens: 500, cache_read_input_tokens: 2000 },
    };
  }
  return undefined;
}
