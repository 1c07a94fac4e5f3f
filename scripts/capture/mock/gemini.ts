/**
 * The Gemini API (Google AI `generativelanguage` shape) for the mock provider: just enough of
 * `models/<model>:generateContent`, `:streamGenerateContent` (SSE with `alt=sse`, else one JSON
 * array) and `:countTokens` for `@google/genai` and the agents built on it (Google ADK, Gemini
 * CLI). Vertex-style paths (`.../publishers/google/models/<model>:generateContent`) are served too.
 *
 * Replies are fixed and chosen by the request's content, never by call order:
 *
 *   - `generationConfig.temperature` above 2          -> HTTP 400, `INVALID_ARGUMENT` (like the real API)
 *   - `generationConfig.responseMimeType` JSON        -> a small JSON text (the side calls agents make
 *                                                        to classify a turn, e.g. "who speaks next")
 *   - the last turn carries a `functionResponse` part -> final text answer using the tool result
 *   - the model name contains `nonexistent`           -> HTTP 404, `NOT_FOUND` (like the real API)
 *   - the request declares a function we know how to
 *     call (see FUNCTION_CALLS)                       -> one `functionCall` part
 *   - otherwise                                       -> text answer chosen by the last user text
 *
 * Every reply has `usageMetadata`. Gemini counts cached tokens INSIDE `promptTokenCount`
 * (`cachedContentTokenCount` is a subset of it) and thinking tokens OUTSIDE `candidatesTokenCount`
 * (`totalTokenCount` = prompt + candidates + thoughts); the fixed counts below follow that, with
 * non-zero cache and thinking counts on the plain and the final answers so the semantics show.
 */
import type http from "node:http";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** Canned answers keyed by the exact text of the last user turn (same prompts as the other mocks). */
const CANNED: Readonly<Record<string, string>> = {
  "What is the capital of France?": "The capital of France is Paris.",
  "Count from 1 to 5.": "1, 2, 3, 4, 5.",
  "Name three primary colors.": "Red, yellow and blue.",
};
const DEFAULT_TEXT = "This is a fixed reply from the mock provider.";
const TOOL_RESULT_TEXT = "It is currently 18 °C and sunny in Paris.";

/**
 * Functions the mock calls when a request declares them, in order of preference, with the
 * arguments it sends. Anything not listed is never called (agents declare many tools).
 */
const FUNCTION_CALLS: ReadonlyArray<{ name: string; args: JsonObject | ((declaration: JsonObject) => JsonObject); when?: RegExp }> = [
  { name: "get_weather", args: { city: "Paris", unit: "celsius" } },
  // A Gemini CLI subagent must end its run with complete_task: every required string gets the answer.
  { name: "complete_task", args: (declaration) => requiredStrings(declaration, "1, 2, 3, 4, 5.") },
  // Gemini CLI's built-in tools, declared on every request: called only when the prompt asks.
  { name: "list_directory", args: { dir_path: "." }, when: /\b(files|directory|folder)\b/i },
  { name: "invoke_agent", args: { agent_name: "generalist", prompt: "Count from 1 to 5." }, when: /\bagent\b/i },
];

/** Arguments for a function declaration: every required property filled, strings with `text`. */
function requiredStrings(declaration: JsonObject, text: string): JsonObject {
  const schema = isObject(declaration["parametersJsonSchema"])
    ? declaration["parametersJsonSchema"]
    : isObject(declaration["parameters"])
      ? declaration["parameters"]
      : {};
  return fillRequired(schema, text);
}

function fillRequired(schema: JsonObject, text: string): JsonObject {
  const properties = isObject(schema["properties"]) ? schema["properties"] : {};
  const out: JsonObject = {};
  for (const name of asArray(schema["required"])) {
    if (typeof name !== "string") continue;
    const prop = isObject(properties[name]) ? properties[name] : {};
    const type = String(prop["type"] ?? "string").toLowerCase();
    out[name] = type === "object" ? fillRequired(prop, text) : type === "array" ? [text] : text;
  }
  return out;
}

interface Usage {
  prompt: number;
  cached: number;
  candidates: number;
  thoughts: number;
}

interface Answer {
  responseId: string;
  parts: JsonObject[];
  finishReason: "STOP";
  usage: Usage;
}

const ROUTE = /^\/(?:v1|v1beta|v1alpha|v1beta1)\/(?:.+\/)?models\/([^/:]+):(generateContent|streamGenerateContent|countTokens)$/;

/**
 * Serves the request when it is a Gemini route and returns true; returns false (and writes
 * nothing) for any other route, so the caller can go on with its own routes.
 */
export function handleGemini(method: string, url: URL, body: JsonObject, res: http.ServerResponse): boolean {
  if (method !== "POST") return false;
  const match = ROUTE.exec(url.pathname);
  if (match === null) return false;
  const model = decodeURIComponent(match[1]!);
  const action = match[2]!;

  if (action === "countTokens") {
    const contents = asArray(body["contents"] ?? (isObject(body["generateContentRequest"]) ? body["generateContentRequest"]["contents"] : null));
    sendJson(res, 200, { totalTokens: 7 * Math.max(1, contents.length) });
    return true;
  }

  if (model.includes("nonexistent")) {
    sendJson(res, 404, {
      error: {
        code: 404,
        message: `models/${model} is not found for API version v1beta, or is not supported for generateContent.`,
        status: "NOT_FOUND",
      },
    });
    return true;
  }
  const config = isObject(body["generationConfig"]) ? body["generationConfig"] : {};
  const temperature = config["temperature"];
  if (typeof temperature === "number" && temperature > 2) {
    sendJson(res, 400, {
      error: {
        code: 400,
        message: `Unable to submit request because it has a temperature value of ${temperature} but the supported range is from 0 (inclusive) to 2.0001 (exclusive). Update the value and try again.`,
        status: "INVALID_ARGUMENT",
      },
    });
    return true;
  }

  const answer = chooseAnswer(body, config);
  if (action === "streamGenerateContent") {
    const chunks = streamChunks(answer, model);
    if (url.searchParams.get("alt") === "sse") {
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
      for (const chunk of chunks) res.write(`data: ${JSON.stringify(chunk)}\r\n\r\n`);
      res.end();
    } else {
      sendJson(res, 200, chunks);
    }
    return true;
  }
  sendJson(res, 200, response(answer, model, answer.parts, true));
  return true;
}

function chooseAnswer(body: JsonObject, config: JsonObject): Answer {
  const contents = asArray(body["contents"]).filter(isObject);
  const last = contents[contents.length - 1];
  const lastParts = asArray(last?.["parts"]).filter(isObject);
  // The last text part of the last user turn: agents put context parts before the prompt.
  const lastUserText =
    [...contents]
      .reverse()
      .filter((c) => c["role"] === "user" || c["role"] === undefined)
      .map((c) => lastText(c["parts"]))
      .find((t) => t.length > 0) ?? "";

  const mime = config["responseMimeType"];
  if (typeof mime === "string" && mime.includes("json")) {
    return {
      responseId: "gemini-fixture-json",
      parts: [{ text: jsonReply(config) }],
      finishReason: "STOP",
      usage: { prompt: 40, cached: 0, candidates: 10, thoughts: 0 },
    };
  }
  if (lastParts.some((p) => isObject(p["functionResponse"]))) {
    return {
      responseId: "gemini-fixture-0003",
      parts: [{ text: TOOL_RESULT_TEXT }],
      finishReason: "STOP",
      // Part of the prompt (the earlier turns) served from the context cache.
      usage: { prompt: 96, cached: 64, candidates: 14, thoughts: 0 },
    };
  }
  const declared = new Map(
    asArray(body["tools"])
      .filter(isObject)
      .flatMap((t) => asArray(t["functionDeclarations"]).filter(isObject))
      .map((f) => [String(f["name"]), f] as const),
  );
  const call = FUNCTION_CALLS.find((f) => declared.has(f.name) && (f.when === undefined || f.when.test(lastUserText)));
  if (call !== undefined) {
    const args = typeof call.args === "function" ? call.args(declared.get(call.name)!) : call.args;
    return {
      responseId: "gemini-fixture-0002",
      parts: [{ functionCall: { name: call.name, args } }],
      finishReason: "STOP",
      usage: { prompt: 64, cached: 0, candidates: 12, thoughts: 0 },
    };
  }
  return {
    responseId: "gemini-fixture-0001",
    parts: [{ text: CANNED[lastUserText] ?? DEFAULT_TEXT }],
    finishReason: "STOP",
    usage: { prompt: 30, cached: 16, candidates: 9, thoughts: 4 },
  };
}

/** A JSON text that satisfies the usual side-call schemas (next speaker, loop check, ...). */
function jsonReply(config: JsonObject): string {
  const schema = isObject(config["responseJsonSchema"])
    ? config["responseJsonSchema"]
    : isObject(config["responseSchema"])
      ? config["responseSchema"]
      : {};
  const props = isObject(schema["properties"]) ? Object.keys(schema["properties"]) : [];
  if (props.includes("next_speaker")) return JSON.stringify({ reasoning: "The model answered; the user speaks next.", next_speaker: "user" });
  const out: JsonObject = {};
  for (const key of props) out[key] = key.includes("confidence") ? 0 : "";
  return JSON.stringify(out);
}

function usageMetadata(u: Usage): JsonObject {
  const meta: JsonObject = {
    promptTokenCount: u.prompt,
    candidatesTokenCount: u.candidates,
    totalTokenCount: u.prompt + u.candidates + u.thoughts,
    promptTokensDetails: [{ modality: "TEXT", tokenCount: u.prompt }],
  };
  if (u.cached > 0) {
    meta["cachedContentTokenCount"] = u.cached;
    meta["cacheTokensDetails"] = [{ modality: "TEXT", tokenCount: u.cached }];
  }
  if (u.thoughts > 0) meta["thoughtsTokenCount"] = u.thoughts;
  return meta;
}

function response(answer: Answer, model: string, parts: JsonObject[], final: boolean, usage?: Usage): JsonObject {
  const candidate: JsonObject = { content: { role: "model", parts }, index: 0 };
  if (final) candidate["finishReason"] = answer.finishReason;
  return {
    candidates: [candidate],
    usageMetadata: usageMetadata(usage ?? answer.usage),
    modelVersion: model,
    responseId: answer.responseId,
  };
}

/** Text answers arrive word by word; a function call arrives whole in one chunk. */
function streamChunks(answer: Answer, model: string): JsonObject[] {
  const text = answer.parts.length === 1 && typeof answer.parts[0]!["text"] === "string" ? answer.parts[0]!["text"] : null;
  if (text === null) return [response(answer, model, answer.parts, true)];
  const pieces = text.match(/\S+\s*/g) ?? [text];
  // Like the real API: interim chunks carry the prompt count only, the last one the full usage.
  const interim: Usage = { prompt: answer.usage.prompt, cached: answer.usage.cached, candidates: 0, thoughts: 0 };
  return pieces.map((piece, i) =>
    i === pieces.length - 1
      ? response(answer, model, [{ text: piece }], true)
      : response(answer, model, [{ text: piece }], false, interim),
  );
}

function lastText(parts: Json | undefined): string {
  const texts = asArray(parts).flatMap((p) => (isObject(p) && typeof p["text"] === "string" ? [p["text"].trim()] : []));
  return texts[texts.length - 1] ?? "";
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function asArray(value: Json | undefined): Json[] {
  return Array.isArray(value) ? value : [];
}

function sendJson(res: http.ServerResponse, status: number, payload: unknown): void {
  const text = JSON.stringify(payload);
  res.writeHead(status, { "content-type": "application/json; charset=UTF-8", "content-length": Buffer.byteLength(text) });
  res.end(text);
}
