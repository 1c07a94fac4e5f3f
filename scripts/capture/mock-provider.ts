/**
 * A deterministic stand-in for the OpenAI and Anthropic HTTP APIs, listening on 127.0.0.1 only.
 *
 * It implements just enough of each API for the official SDKs (and the instrumentations wrapped
 * around them) to run their normal code paths: JSON replies, SSE streams, and error bodies. Every
 * reply is fixed: ids, `created` timestamps, texts and token counts never change, so captured
 * traces differ between runs only in timing.
 *
 * Which reply a request gets depends on its content, never on call order:
 *
 * OpenAI `POST /v1/chat/completions`
 *   - `temperature` above 2                  -> HTTP 400, OpenAI error body (what the real API does)
 *   - last message has role `tool`           -> final text answer using the tool result
 *   - request offers `tools`                 -> assistant `tool_calls` (get_weather)
 *   - otherwise                              -> text answer chosen by the last user message
 *   `stream: true` turns any of these into `chat.completion.chunk` SSE events, with a trailing
 *   usage chunk when `stream_options.include_usage` is set. A `prompt_cache_key` in the request
 *   makes 16 prompt tokens (64 from 64 up) cached in any of these replies.
 * OpenAI `POST /v1/embeddings`                -> small deterministic vectors (float or base64)
 * OpenAI `POST /v1/completions`               -> legacy text completion
 * OpenAI `GET /v1/models`                     -> a short model list
 * Anthropic `POST /v1/messages`
 *   - `temperature` above 1                  -> HTTP 400, Anthropic error body
 *   - a model name with `nonexistent`        -> HTTP 404 `not_found_error`
 *   - last user turn carries a `tool_result` -> final text answer
 *   - request offers `tools`                 -> `tool_use` content block (coding agents' own tool
 *                                               sets: see mock/anthropic-agent.ts)
 *   - otherwise                              -> text answer chosen by the last user message
 *   `stream: true` turns these into Anthropic's named SSE events. A `cache_control` anywhere in
 *   the request makes any of these replies read 2048 and write 1024 cached prompt tokens.
 * Gemini `models/<model>:generateContent` / `:streamGenerateContent` / `:countTokens` -> mock/gemini.ts
 * Anything else                               -> HTTP 404 with an OpenAI-style error body.
 *
 * Run it on its own with `tsx scripts/capture/mock-provider.ts` to poke at it with curl.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";

import { anthropicExtraAnswer } from "./mock/anthropic-extra.js";
import { EXTRA_ROUTES } from "./mock/routes.js";
import { agentToolChoice, lastTextBlock, unknownModelError } from "./mock/anthropic-agent.js";
import { handleGemini } from "./mock/gemini.js";

/** Unix seconds of 2025-01-01T00:00:00Z; used as every `created` value. */
export const FIXED_CREATED = 1_735_689_600;

export const OPENAI_CHAT_MODEL = "gpt-4o-mini-2024-07-18";
export const OPENAI_EMBEDDING_MODEL = "text-embedding-3-small";
export const ANTHROPIC_MODEL = "claude-haiku-4-5-20251001";

/** Canned answers, keyed by the exact text of the last user message. */
export const CANNED_REPLIES: Readonly<Record<string, string>> = {
  "What is the capital of France?": "The capital of France is Paris.",
  "Count from 1 to 5.": "1, 2, 3, 4, 5.",
  "Name three primary colors.": "Red, yellow and blue.",
};
export const DEFAULT_REPLY = "This is a fixed reply from the mock provider.";
export const TOOL_RESULT_REPLY = "It is currently 18 °C and sunny in Paris.";

export interface MockProvider {
  /** e.g. `http://127.0.0.1:41234` (no trailing slash, no `/v1`). */
  readonly origin: string;
  readonly port: number;
  close(): Promise<void>;
}

export async function startMockProvider(port = 0): Promise<MockProvider> {
  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      if (!res.headersSent) {
        sendJson(res, 500, { error: { message, type: "server_error", param: null, code: null } });
      } else {
        res.end();
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const { port: actualPort } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${actualPort}`,
    port: actualPort,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

// ---------------------------------------------------------------------------------------------
// Request plumbing

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  const route = `${req.method ?? "GET"} ${url.pathname}`;
  const body = req.method === "POST" ? await readJson(req) : {};
  if (handleGemini(req.method ?? "GET", url, body, res)) return;

  switch (route) {
    case "POST /v1/chat/completions":
      return openaiChat(body, res);
    case "POST /v1/completions":
      return openaiCompletion(body, res);
    case "POST /v1/embeddings":
      return openaiEmbeddings(body, res);
    case "GET /v1/models":
      return sendJson(res, 200, {
        object: "list",
        data: [OPENAI_CHAT_MODEL, OPENAI_EMBEDDING_MODEL].map((id) => ({
          id,
          object: "model",
          created: FIXED_CREATED,
          owned_by: "system",
        })),
      });
    case "POST /v1/messages":
      return anthropicMessages(body, res);
    default:
      // Endpoints kept in their own files under mock/ (see mock/routes.ts).
      if (EXTRA_ROUTES.some((handler) => handler(route, body, res))) return;
      return sendJson(res, 404, {
        error: {
          message: `Unknown request URL: ${route}.`,
          type: "invalid_request_error",
          param: null,
          code: "unknown_url",
        },
      });
  }
}

async function readJson(req: http.IncomingMessage): Promise<JsonObject> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.length === 0) return {};
  const parsed = JSON.parse(text) as Json;
  return isObject(parsed) ? parsed : {};
}

function sendJson(
  res: http.ServerResponse,
  status: number,
  payload: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(payload);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** Writes SSE frames; `event` is set only when given (Anthropic names its events, OpenAI doesn't). */
function sendSse(
  res: http.ServerResponse,
  frames: ReadonlyArray<{ event?: string; data: string }>,
  headers: Record<string, string> = {},
): void {
  res.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache",
    ...headers,
  });
  for (const frame of frames) {
    const eventLine = frame.event !== undefined ? `event: ${frame.event}\n` : "";
    res.write(`${eventLine}data: ${frame.data}\n\n`);
  }
  res.end();
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function asArray(value: Json | undefined): Json[] {
  return Array.isArray(value) ? value : [];
}

/** Text of a message `content` that is either a string or a list of typed parts/blocks. */
function contentText(content: Json | undefined): string {
  if (typeof content === "string") return content;
  return asArray(content)
    .map((part) => (isObject(part) && typeof part["text"] === "string" ? part["text"] : ""))
    .join("");
}

function replyFor(lastUserText: string): string {
  return CANNED_REPLIES[lastUserText] ?? DEFAULT_REPLY;
}

/** Splits a text into a few chunks for streaming, keeping whitespace attached. */
function chunkText(text: string): string[] {
  return text.match(/\S+\s*/g) ?? [text];
}

// ---------------------------------------------------------------------------------------------
// OpenAI

const OPENAI_HEADERS = { "x-request-id": "req_fixture_openai", "openai-processing-ms": "42" };

interface OpenAIUsage {
  prompt_tokens: number;
  completion_tokens: number;
  cached_tokens: number;
  reasoning_tokens: number;
}

function openaiUsage(u: OpenAIUsage): JsonObject {
  return {
    prompt_tokens: u.prompt_tokens,
    completion_tokens: u.completion_tokens,
    total_tokens: u.prompt_tokens + u.completion_tokens,
    prompt_tokens_details: { cached_tokens: u.cached_tokens, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: u.reasoning_tokens,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  };
}

function openaiError(res: http.ServerResponse, status: number, param: string, code: string, message: string): void {
  sendJson(res, status, { error: { message, type: "invalid_request_error", param, code } }, OPENAI_HEADERS);
}

interface OpenAIToolCall {
  id: string;
  name: string;
  arguments: string;
}

interface OpenAIAnswer {
  id: string;
  content: string | null;
  toolCalls: OpenAIToolCall[];
  finishReason: "stop" | "tool_calls";
  usage: OpenAIUsage;
}

function openaiChat(body: JsonObject, res: http.ServerResponse): void {
  const temperature = body["temperature"];
  if (typeof temperature === "number" && temperature > 2) {
    return openaiError(
      res,
      400,
      "temperature",
      "decimal_above_max_value",
      `Invalid 'temperature': decimal above maximum value. Expected a value <= 2, but got ${temperature} instead.`,
    );
  }
  const messages = asArray(body["messages"]).filter(isObject);
  const last = messages[messages.length - 1];
  const lastUser = [...messages].reverse().find((m) => m["role"] === "user");
  const tools = asArray(body["tools"]);

  let answer: OpenAIAnswer;
  if (last?.["role"] === "tool") {
    answer = {
      id: "chatcmpl-fixture-0003",
      content: TOOL_RESULT_REPLY,
      toolCalls: [],
      finishReason: "stop",
      usage: { prompt_tokens: 118, completion_tokens: 14, cached_tokens: 0, reasoning_tokens: 0 },
    };
  } else if (tools.length > 0) {
    answer = {
      id: "chatcmpl-fixture-0002",
      content: null,
      toolCalls: [
        { id: "call_fixture_0001", name: "get_weather", arguments: '{"city":"Paris","unit":"celsius"}' },
      ],
      finishReason: "tool_calls",
      usage: { prompt_tokens: 82, completion_tokens: 19, cached_tokens: 0, reasoning_tokens: 0 },
    };
  } else if (body["stream"] === true) {
    answer = {
      id: "chatcmpl-fixture-0004",
      content: replyFor(contentText(lastUser?.["content"])),
      toolCalls: [],
      finishReason: "stop",
      usage: { prompt_tokens: 22, completion_tokens: 13, cached_tokens: 0, reasoning_tokens: 0 },
    };
  } else {
    answer = {
      id: "chatcmpl-fixture-0001",
      content: replyFor(contentText(lastUser?.["content"])),
      toolCalls: [],
      finishReason: "stop",
      // Non-zero cache and reasoning details, so the usage-detail attributes show up somewhere.
      usage: { prompt_tokens: 26, completion_tokens: 12, cached_tokens: 16, reasoning_tokens: 4 },
    };
  }

  // A request naming a prompt cache (OpenAI's `prompt_cache_key`) finds part of its prompt cached,
  // so that cache counts also show in streamed and tool-calling replies.
  if (typeof body["prompt_cache_key"] === "string") {
    answer.usage = { ...answer.usage, cached_tokens: answer.usage.prompt_tokens >= 64 ? 64 : 16 };
  }

  if (body["stream"] === true) {
    const streamOptions = body["stream_options"];
    const includeUsage = isObject(streamOptions) && streamOptions["include_usage"] === true;
    return sendSse(res, openaiChunks(answer, includeUsage), OPENAI_HEADERS);
  }

  const message: JsonObject = {
    role: "assistant",
    content: answer.content,
    refusal: null,
    annotations: [],
  };
  if (answer.toolCalls.length > 0) {
    message["tool_calls"] = answer.toolCalls.map((call) => ({
      id: call.id,
      type: "function",
      function: { name: call.name, arguments: call.arguments },
    }));
  }
  sendJson(
    res,
    200,
    {
      id: answer.id,
      object: "chat.completion",
      created: FIXED_CREATED,
      model: OPENAI_CHAT_MODEL,
      choices: [{ index: 0, message, logprobs: null, finish_reason: answer.finishReason }],
      usage: openaiUsage(answer.usage),
      service_tier: "default",
      system_fingerprint: "fp_fixture",
    },
    OPENAI_HEADERS,
  );
}

/** The SSE frames a streamed chat completion arrives as, ending with `[DONE]`. */
function openaiChunks(answer: OpenAIAnswer, includeUsage: boolean): Array<{ data: string }> {
  const chunk = (choices: Json[], usage?: JsonObject): { data: string } => {
    const payload: JsonObject = {
      id: answer.id,
      object: "chat.completion.chunk",
      created: FIXED_CREATED,
      model: OPENAI_CHAT_MODEL,
      service_tier: "default",
      system_fingerprint: "fp_fixture",
      choices,
    };
    // With include_usage every chunk carries `usage: null` except the extra final one.
    if (includeUsage) payload["usage"] = usage ?? null;
    return { data: JSON.stringify(payload) };
  };
  const delta = (d: JsonObject, finishReason: string | null = null): Json => ({
    index: 0,
    delta: d,
    logprobs: null,
    finish_reason: finishReason,
  });

  const frames = [chunk([delta({ role: "assistant", content: answer.content === null ? null : "", refusal: null })])];
  if (answer.content !== null) {
    for (const piece of chunkText(answer.content)) frames.push(chunk([delta({ content: piece })]));
  }
  answer.toolCalls.forEach((call, index) => {
    frames.push(
      chunk([
        delta({
          tool_calls: [{ index, id: call.id, type: "function", function: { name: call.name, arguments: "" } }],
        }),
      ]),
    );
    for (const piece of call.arguments.match(/.{1,12}/g) ?? []) {
      frames.push(chunk([delta({ tool_calls: [{ index, function: { arguments: piece } }] })]));
    }
  });
  frames.push(chunk([delta({}, answer.finishReason)]));
  if (includeUsage) frames.push(chunk([], openaiUsage(answer.usage)));
  frames.push({ data: "[DONE]" });
  return frames;
}

function openaiCompletion(body: JsonObject, res: http.ServerResponse): void {
  const prompt = body["prompt"];
  const text = replyFor(typeof prompt === "string" ? prompt : "");
  sendJson(
    res,
    200,
    {
      id: "cmpl-fixture-0001",
      object: "text_completion",
      created: FIXED_CREATED,
      model: "gpt-3.5-turbo-instruct",
      choices: [{ text, index: 0, logprobs: null, finish_reason: "stop" }],
      usage: { prompt_tokens: 8, completion_tokens: 9, total_tokens: 17 },
    },
    OPENAI_HEADERS,
  );
}

/** A small, stable vector derived from the text (not meaningful, just repeatable). */
function fakeEmbedding(text: string, dimensions: number): number[] {
  let state = 2166136261;
  for (const ch of text) state = Math.imul(state ^ ch.codePointAt(0)!, 16777619) >>> 0;
  const vector: number[] = [];
  for (let i = 0; i < dimensions; i++) {
    state = Math.imul(state ^ (state >>> 13), 1274126177) >>> 0;
    // Four decimals keep the float32 round trip of the base64 encoding readable.
    vector.push(Math.round(((state / 0xffffffff) * 2 - 1) * 10_000) / 10_000);
  }
  return vector;
}

function openaiEmbeddings(body: JsonObject, res: http.ServerResponse): void {
  const input = body["input"];
  const texts = typeof input === "string" ? [input] : asArray(input).map((t) => (typeof t === "string" ? t : ""));
  const dims = typeof body["dimensions"] === "number" ? body["dimensions"] : 8;
  const base64 = body["encoding_format"] === "base64";
  const promptTokens = texts.reduce((sum, t) => sum + chunkText(t).length, 0);
  sendJson(
    res,
    200,
    {
      object: "list",
      data: texts.map((text, index) => {
        const vector = fakeEmbedding(text, dims);
        return {
          object: "embedding",
          index,
          embedding: base64 ? Buffer.from(new Float32Array(vector).buffer).toString("base64") : vector,
        };
      }),
      model: OPENAI_EMBEDDING_MODEL,
      usage: { prompt_tokens: promptTokens, total_tokens: promptTokens },
    },
    OPENAI_HEADERS,
  );
}

// ---------------------------------------------------------------------------------------------
// Anthropic

const ANTHROPIC_HEADERS = { "request-id": "req_fixture_anthropic" };

interface AnthropicUsage {
  input_tokens: number;
  output_tokens: number;
  cache_creation_input_tokens: number;
  cache_read_input_tokens: number;
}

type AnthropicBlock =
  | { type: "text"; text: string }
  | { type: "tool_use"; id: string; name: string; input: JsonObject };

interface AnthropicAnswer {
  id: string;
  content: AnthropicBlock[];
  stopReason: "end_turn" | "tool_use";
  usage: AnthropicUsage;
}

function anthropicUsage(u: AnthropicUsage): JsonObject {
  return {
    input_tokens: u.input_tokens,
    cache_creation_input_tokens: u.cache_creation_input_tokens,
    cache_read_input_tokens: u.cache_read_input_tokens,
    output_tokens: u.output_tokens,
    service_tier: "standard",
  };
}

function anthropicMessages(body: JsonObject, res: http.ServerResponse): void {
  const notFound = unknownModelError(body["model"]);
  if (notFound !== undefined) return sendJson(res, 404, notFound, ANTHROPIC_HEADERS);
  const temperature = body["temperature"];
  if (typeof temperature === "number" && temperature > 1) {
    return sendJson(
      res,
      400,
      {
        type: "error",
        error: { type: "invalid_request_error", message: "temperature: range: 0..1" },
        request_id: ANTHROPIC_HEADERS["request-id"],
      },
      ANTHROPIC_HEADERS,
    );
  }
  const messages = asArray(body["messages"]).filter(isObject);
  const userTurns = messages.filter((m) => m["role"] === "user");
  const lastUser = userTurns[userTurns.length - 1];
  const lastUserBlocks = asArray(lastUser?.["content"]).filter(isObject);
  const hasToolResult = lastUserBlocks.some((b) => b["type"] === "tool_result");
  const tools = asArray(body["tools"]);
  // Coding agents offer their own tools on every request (mock/anthropic-agent.ts).
  const agent = agentToolChoice(tools, lastTextBlock(lastUser?.["content"]));

  let answer: AnthropicAnswer;
  const extra = anthropicExtraAnswer(body); // mock/anthropic-extra.ts
  if (extra !== undefined) {
    answer = extra;
  } else if (hasToolResult) {
    answer = {
      id: "msg_fixture_0003",
      content: [{ type: "text", text: TOOL_RESULT_REPLY }],
      stopReason: "end_turn",
      usage: { input_tokens: 512, output_tokens: 16, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
    };
  } else if (agent !== undefined && agent !== "text") {
    answer = {
      id: "msg_fixture_0005",
      content: [
        { type: "text", text: agent.text },
        { type: "tool_use", id: "toolu_fixture_0002", name: agent.name, input: agent.input },
      ],
      stopReason: "tool_use",
      usage: { input_tokens: 402, output_tokens: 71, cache_creation_input_tokens: 0, cache_read_input_tokens: 4096 },
    };
  } else if (tools.length > 0 && agent === undefined) {
    answer = {
      id: "msg_fixture_0002",
      content: [
        { type: "text", text: "I'll look up the current weather in Paris." },
        { type: "tool_use", id: "toolu_fixture_0001", name: "get_weather", input: { city: "Paris", unit: "celsius" } },
      ],
      stopReason: "tool_use",
      usage: { input_tokens: 402, output_tokens: 71, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
    };
  } else if (body["stream"] === true) {
    answer = {
      id: "msg_fixture_0004",
      content: [{ type: "text", text: replyFor(agent === "text" ? lastTextBlock(lastUser?.["content"]) : contentText(lastUser?.["content"])) }],
      stopReason: "end_turn",
      usage: { input_tokens: 19, output_tokens: 14, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
    };
  } else {
    answer = {
      id: "msg_fixture_0001",
      content: [{ type: "text", text: replyFor(agent === "text" ? lastTextBlock(lastUser?.["content"]) : contentText(lastUser?.["content"])) }],
      stopReason: "end_turn",
      // Prompt caching in action: part of the prompt read from cache, part written to it.
      usage: { input_tokens: 21, output_tokens: 11, cache_creation_input_tokens: 1024, cache_read_input_tokens: 2048 },
    };
  }

  // A request with a cache point (`cache_control` on any block or tool) reads and writes the
  // prompt cache, so that cache counts also show in streamed and tool-calling replies.
  if (JSON.stringify(body).includes('"cache_control"')) {
    answer.usage = { ...answer.usage, cache_creation_input_tokens: 1024, cache_read_input_tokens: 2048 };
  }

  if (body["stream"] === true) {
    return sendSse(res, anthropicEvents(answer), ANTHROPIC_HEADERS);
  }
  sendJson(
    res,
    200,
    {
      id: answer.id,
      type: "message",
      role: "assistant",
      model: ANTHROPIC_MODEL,
      content: answer.content,
      stop_reason: answer.stopReason,
      stop_sequence: null,
      usage: anthropicUsage(answer.usage),
    },
    ANTHROPIC_HEADERS,
  );
}

function anthropicEvents(answer: AnthropicAnswer): Array<{ event: string; data: string }> {
  const frame = (event: string, payload: JsonObject): { event: string; data: string } => ({
    event,
    data: JSON.stringify({ type: event, ...payload }),
  });
  const frames = [
    frame("message_start", {
      message: {
        id: answer.id,
        type: "message",
        role: "assistant",
        model: ANTHROPIC_MODEL,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        // Anthropic reports input usage up front and the output count at the end.
        usage: anthropicUsage({ ...answer.usage, output_tokens: 1 }),
      },
    }),
  ];
  answer.content.forEach((block, index) => {
    if (block.type === "text") {
      frames.push(frame("content_block_start", { index, content_block: { type: "text", text: "" } }));
      if (index === 0) frames.push(frame("ping", {}));
      for (const piece of chunkText(block.text)) {
        frames.push(frame("content_block_delta", { index, delta: { type: "text_delta", text: piece } }));
      }
    } else {
      frames.push(
        frame("content_block_start", {
          index,
          content_block: { type: "tool_use", id: block.id, name: block.name, input: {} },
        }),
      );
      const json = JSON.stringify(block.input);
      for (const piece of json.match(/.{1,12}/g) ?? []) {
        frames.push(frame("content_block_delta", { index, delta: { type: "input_json_delta", partial_json: piece } }));
      }
    }
    frames.push(frame("content_block_stop", { index }));
  });
  frames.push(
    frame("message_delta", {
      delta: { stop_reason: answer.stopReason, stop_sequence: null },
      usage: { output_tokens: answer.usage.output_tokens },
    }),
  );
  frames.push(frame("message_stop", {}));
  return frames;
}

// ---------------------------------------------------------------------------------------------

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const mock = await startMockProvider(Number(process.env["PORT"] ?? 0));
  console.log(`mock provider listening on ${mock.origin} (Ctrl-C to stop)`);
}
