/**
 * Spring AI (Java only): the spans its Micrometer observations become through Micrometer Tracing's
 * OpenTelemetry bridge, rebuilt from its source code and replayed through the OTel JS SDK (see
 * spans.ts). Nothing of Spring AI runs here.
 *
 * Source: github.com/spring-projects/spring-ai at two commits.
 *   HEAD  fd3fd6ec700340b90c3d516be57c6e6c87dd7df1 (2026-08-21, v2.0.1 + 2, Spring Boot 4.1.1): scenarios
 *         chat, chat-tools, embedding, chat-error. Files ("model/" = spring-ai-model/src/main/java/org/springframework/ai/):
 *           model/chat/observation/DefaultChatModelObservationConvention.java
 *           model/embedding/observation/DefaultEmbeddingModelObservationConvention.java
 *           model/tool/observation/{DefaultToolCallingObservationConvention,ToolCallingObservationDocumentation,
 *             ToolCallingContentObservationFilter,ToolCallingObservationContext}.java
 *           model/model/tool/DefaultToolCallingManager.java
 *           spring-ai-commons/.../observation/conventions/{AiObservationAttributes,AiProvider,AiOperationType,SpringAiKind}.java
 *           spring-ai-client-chat/.../chat/client/observation/{DefaultChatClientObservationConvention,
 *             ChatClientObservationDocumentation,ChatClientObservationContext}.java
 *           models/spring-ai-openai/src/main/java/org/springframework/ai/openai/OpenAiChatModel.java
 *   v1.0.0-M8 79037c593f077a4f86adf1a42a961e65d377f5be (Spring Boot 3.4.4): scenario chat-content-events. Files:
 *           model/chat/observation/{ChatModelPromptContentObservationHandler,ChatModelCompletionObservationHandler,
 *             ChatModelObservationContentProcessor,DefaultChatModelObservationConvention}.java
 *           spring-ai-commons/.../observation/conventions/{AiObservationEventNames,AiObservationAttributes}.java
 *           auto-configurations/models/chat/observation/.../ChatObservationAutoConfiguration.java
 * The `gen_ai.content.prompt` / `gen_ai.content.completion` span events MLflow reads exist only up to
 * 1.0.0-M8: commit ca843e8588 ("refactor content observation to use logging instead of tracing",
 * 2025-05-05, first released in 1.0.0-RC1) replaced them with log lines; 1.0 GA and 2.x put no prompt
 * or completion on spans at all.
 *
 * How Micrometer observations become spans (micrometer-tracing, not in the Spring AI repository;
 * stated from its documented behaviour, not from a fetched source): the span is named by the
 * convention's contextual name; every key value, low and high cardinality, is set as a STRING
 * attribute when the observation stops, in key order (Micrometer's KeyValues are sorted by key); the
 * span kind is INTERNAL; an observation error becomes `recordException` (Java SDK: exception.type /
 * message / stacktrace) plus status ERROR with the exception message. The tracer is Spring Boot's
 * (`org.springframework.boot`, the Boot version). Left out: the advisor spans (`spring.ai.kind =
 * advisor`) that ChatClient puts between its own span and the model calls, whose names are derived
 * from the advisor names by Spring Data's camel-case splitter.
 *
 * The OpenAI replies are this project's mock provider's (ids, texts, token counts); the error
 * message follows the openai-java SDK's "<status>: <body>" form (not checked against its source).
 */
import { type Attributes, SpanStatusCode } from "@opentelemetry/api";

import { runCapture, setupTelemetry, type Scenario } from "../harness.js";
import { type SpanSpec, emitTree } from "./spans.js";

const REPO = "spring-projects/spring-ai";
const HEAD = "fd3fd6ec700340b90c3d516be57c6e6c87dd7df1";
const M8 = "79037c593f077a4f86adf1a42a961e65d377f5be";

// A Spring Boot service on the OTel Java SDK.
const telemetry = setupTelemetry("weather-service", {
  resource: {
    "telemetry.sdk.language": "java",
    "telemetry.sdk.name": "opentelemetry",
    "telemetry.sdk.version": "1.49.0",
  },
});
const tracerV2 = telemetry.tracerProvider.getTracer("org.springframework.boot", "4.1.1");
const tracerM8 = telemetry.tracerProvider.getTracer("org.springframework.boot", "3.4.4");

const SYSTEM_PROMPT = "You are a concise assistant. Answer in one sentence.";

/** Micrometer's KeyValues are sorted by key; the bridge sets them in that order. */
function sorted(attributes: Record<string, string>): Attributes {
  const out: Attributes = {};
  for (const key of Object.keys(attributes).sort()) out[key] = attributes[key];
  return out;
}

/** ObservabilityHelper.concatenateStrings (spring-ai-commons, HEAD L39-43): `["a", "b"]`. */
const bracketList = (values: readonly string[]): string => `[${values.map((v) => `"${v}"`).join(", ")}]`;

interface ChatCall {
  readonly requestModel?: string;
  readonly temperature?: string;
  readonly maxTokens?: string;
  readonly tools?: readonly string[];
  /** Absent when the call failed. */
  readonly response?: {
    readonly id: string;
    readonly model: string;
    readonly finish: string;
    readonly input: number;
    readonly output: number;
    readonly cacheRead?: number;
  };
}

/**
 * A chat model observation (HEAD DefaultChatModelObservationConvention). Low cardinality (L62-93):
 * operation (AiOperationType.CHAT "chat"), provider as `gen_ai.system` (AiObservationAttributes L41;
 * OpenAiChatModel L213-216: AiProvider.OPENAI "openai"), request and response model ("none" when
 * unknown, L42-46). High cardinality (L95-117), each String.valueOf'd: request parameters, tool names
 * as `spring.ai.model.request.tool.names` (L181-199), finish reasons as ONE string `["STOP"]`
 * (L221-239; OpenAiChatModel L393-396: the openai-java enum name, upper case), response id, cache
 * counts (L249-267; OpenAiChatModel L493-496: cache read = prompt_tokens_details.cached_tokens, no
 * cache write for OpenAI) and input / output / total tokens (L269-297; input = prompt_tokens, which
 * includes the cached tokens).
 */
function chatAttributes(call: ChatCall): Attributes {
  const kv: Record<string, string> = {
    "gen_ai.operation.name": "chat",
    "gen_ai.system": "openai",
    "gen_ai.request.model": call.requestModel ?? "none",
    "gen_ai.response.model": call.response?.model ?? "none",
  };
  if (call.maxTokens !== undefined) kv["gen_ai.request.max_tokens"] = call.maxTokens;
  if (call.temperature !== undefined) kv["gen_ai.request.temperature"] = call.temperature;
  if (call.tools !== undefined) kv["spring.ai.model.request.tool.names"] = bracketList(call.tools);
  const r = call.response;
  if (r !== undefined) {
    kv["gen_ai.response.finish_reasons"] = bracketList([r.finish]);
    kv["gen_ai.response.id"] = r.id;
    if (r.cacheRead !== undefined) kv["gen_ai.usage.cache_read.input_tokens"] = String(r.cacheRead);
    kv["gen_ai.usage.input_tokens"] = String(r.input);
    kv["gen_ai.usage.output_tokens"] = String(r.output);
    kv["gen_ai.usage.total_tokens"] = String(r.input + r.output);
  }
  return sorted(kv);
}

/** Span name: "<operation> <request model>" (DefaultChatModelObservationConvention L53-60). */
function chatSpan(call: ChatCall, start: number, end: number, extra: Partial<SpanSpec> = {}): SpanSpec {
  return {
    name: `chat ${call.requestModel ?? ""}`.trim(),
    start,
    end,
    // All key values are set when the observation stops, i.e. just before the span ends.
    endAttributes: [chatAttributes(call)],
    ...extra,
  };
}

// ---------------------------------------------------------------------------------------------
// Scenarios at HEAD (2.x)

function chat(): SpanSpec {
  return chatSpan(
    {
      requestModel: "gpt-4o-mini",
      temperature: "0.2",
      maxTokens: "64",
      response: { id: "chatcmpl-fixture-0001", model: "gpt-4o-mini-2024-07-18", finish: "STOP", input: 26, output: 12, cacheRead: 16 },
    },
    0,
    690,
  );
}

/** A @Tool method `getWeather(String city, Unit unit)`; the input schema as Spring AI generates it (approximate). */
const WEATHER_SCHEMA =
  '{"$schema":"https://json-schema.org/draft/2020-12/schema","additionalProperties":false,"type":"object",' +
  '"properties":{"city":{"type":"string","description":"City name, e.g. Paris"},"unit":{"type":"string","enum":["celsius","fahrenheit"]}},' +
  '"required":["city","unit"]}';

/**
 * chatClient.prompt().user(...).tools(weatherTools).call(): the ChatClient span (HEAD
 * DefaultChatClientObservationConvention L59-140: name "<provider> chat_client", operation
 * "framework" and provider "spring_ai" from ChatClientObservationContext L48-49) around the two model
 * calls and the tool call. The ToolCallingAdvisor executes the tool between them
 * (DefaultToolCallingManager L310-335), so the three spans are siblings.
 */
function chatTools(): SpanSpec {
  const first = chatSpan(
    {
      requestModel: "gpt-4o-mini",
      tools: ["get_weather"],
      response: { id: "chatcmpl-fixture-0002", model: "gpt-4o-mini-2024-07-18", finish: "TOOL_CALLS", input: 82, output: 19, cacheRead: 0 },
    },
    20,
    610,
  );
  // DefaultToolCallingObservationConvention: name "execute_tool <tool>" (L52-56); low cardinality
  // (L59-62): operation "execute_tool" and provider "spring_ai" (ToolCallingObservationContext L38-39),
  // spring.ai.kind "tool_call", spring.ai.tool.type ("function" by default, L61), definition name;
  // high cardinality (L89-115): description, input schema, call id. Arguments and result only with
  // spring.ai.tools.observations.include-content=true (ToolCallingContentObservationFilter L31-50),
  // assumed on here. The result is the JSON the default result converter makes of the return value.
  const tool: SpanSpec = {
    name: "execute_tool get_weather",
    start: 620,
    end: 626,
    endAttributes: [
      sorted({
        "gen_ai.operation.name": "execute_tool",
        "gen_ai.system": "spring_ai",
        "spring.ai.kind": "tool_call",
        "spring.ai.tool.type": "function",
        "spring.ai.tool.definition.name": "get_weather",
        "spring.ai.tool.definition.description": "Get the current weather for a city.",
        "spring.ai.tool.definition.schema": WEATHER_SCHEMA,
        "spring.ai.tool.call.id": "call_fixture_0001",
        "spring.ai.tool.call.arguments": '{"city":"Paris","unit":"celsius"}',
        "spring.ai.tool.call.result": '{"city":"Paris","temperature":18,"unit":"celsius","conditions":"sunny"}',
      }),
    ],
  };
  const second = chatSpan(
    {
      requestModel: "gpt-4o-mini",
      tools: ["get_weather"],
      response: { id: "chatcmpl-fixture-0003", model: "gpt-4o-mini-2024-07-18", finish: "STOP", input: 118, output: 14, cacheRead: 0 },
    },
    630,
    1380,
  );
  return {
    name: "spring_ai chat_client",
    start: 0,
    end: 1400,
    children: [first, tool, second],
    endAttributes: [
      sorted({
        "gen_ai.operation.name": "framework",
        "gen_ai.system": "spring_ai",
        "spring.ai.kind": "chat_client",
        "spring.ai.chat.client.stream": "false",
        // The advisor chain of a ChatClient with tools: the auto-registered ToolCallingAdvisor
        // ("Tool Calling Advisor") and the terminal ChatModelCallAdvisor ("call").
        "spring.ai.chat.client.advisors": bracketList(["Tool Calling Advisor", "call"]),
        // With a chat-memory advisor's ChatMemory.CONVERSATION_ID in the advisor context (L105-119).
        "spring.ai.chat.client.conversation.id": "conversation-42",
        "spring.ai.chat.client.tool.names": bracketList(["get_weather"]),
      }),
    ],
  };
}

/**
 * embeddingModel.embedForResponse(List.of("Paris is the capital of France.")): HEAD
 * DefaultEmbeddingModelObservationConvention: name "<operation> <model>" (L53-60) with operation
 * AiOperationType.EMBEDDING = "embedding" (not "embeddings"); keys L62-141.
 */
function embedding(): SpanSpec {
  return {
    name: "embedding text-embedding-3-small",
    start: 0,
    end: 240,
    endAttributes: [
      sorted({
        "gen_ai.operation.name": "embedding",
        "gen_ai.system": "openai",
        "gen_ai.request.model": "text-embedding-3-small",
        "gen_ai.response.model": "text-embedding-3-small",
        "gen_ai.usage.input_tokens": "8",
        "gen_ai.usage.total_tokens": "8",
      }),
    ],
  };
}

/** temperature 2.5: OpenAI answers 400 and the observation stops with the error. */
function chatError(): SpanSpec {
  const body =
    "{\"message\":\"Invalid 'temperature': decimal above maximum value. Expected a value <= 2, but got 2.5 instead.\"," +
    '"type":"invalid_request_error","param":"temperature","code":"decimal_above_max_value"}';
  const message = `400: ${body}`;
  return chatSpan({ requestModel: "gpt-4o-mini", temperature: "2.5" }, 0, 210, {
    events: [
      {
        name: "exception",
        at: 210,
        attributes: {
          "exception.type": "com.openai.errors.BadRequestException",
          "exception.message": message,
          "exception.stacktrace":
            `com.openai.errors.BadRequestException: ${message}\n` +
            "\tat com.openai.errors.BadRequestException$Builder.build(BadRequestException.kt:88)\n" +
            "\tat org.springframework.ai.openai.OpenAiChatModel.lambda$internalCall$1(OpenAiChatModel.java:223)\n",
        },
      },
    ],
    status: { code: SpanStatusCode.ERROR, message },
  });
}

// ---------------------------------------------------------------------------------------------
// 1.0.0-M8: content as span events

/**
 * spring.ai.chat.observations.include-prompt / include-completion = true with the OTel bridge on
 * the class path (ChatObservationAutoConfiguration L88-111 at M8): on stop, the handlers add the event
 * `gen_ai.content.prompt` with a STRING ARRAY attribute `gen_ai.prompt` = the text of every prompt
 * message, system included, without roles (ChatModelPromptContentObservationHandler L39-50,
 * ChatModelObservationContentProcessor L35-41), and `gen_ai.content.completion` with `gen_ai.completion`
 * = the text of every generation (ChatModelCompletionObservationHandler L39-49, processor L43-60).
 * Event names: AiObservationEventNames L36-41; attribute names AiObservationAttributes L132-136.
 * M8's convention has no cache, stream or tool-name keys (DefaultChatModelObservationConvention L95-112).
 */
function chatContentEvents(): SpanSpec {
  return {
    name: "chat gpt-4o-mini",
    start: 0,
    end: 700,
    endAttributes: [
      sorted({
        "gen_ai.operation.name": "chat",
        "gen_ai.system": "openai",
        "gen_ai.request.model": "gpt-4o-mini",
        "gen_ai.request.max_tokens": "64",
        "gen_ai.request.temperature": "0.2",
        "gen_ai.response.model": "gpt-4o-mini-2024-07-18",
        "gen_ai.response.finish_reasons": bracketList(["STOP"]),
        "gen_ai.response.id": "chatcmpl-fixture-0001",
        "gen_ai.usage.input_tokens": "26",
        "gen_ai.usage.output_tokens": "12",
        "gen_ai.usage.total_tokens": "38",
      }),
    ],
    events: [
      { name: "gen_ai.content.prompt", at: 699, attributes: { "gen_ai.prompt": [SYSTEM_PROMPT, "What is the capital of France?"] } },
      { name: "gen_ai.content.completion", at: 699, attributes: { "gen_ai.completion": ["The capital of France is Paris."] } },
    ],
  };
}

const scenario = (name: string, tracer: typeof tracerV2, spec: SpanSpec, notes: readonly string[]): Scenario => ({
  name,
  run: async () => {
    emitTree(tracer, spec);
  },
  notes,
});

await runCapture({
  telemetry,
  convention: "spring-ai",
  instrumentation: "spring-ai",
  instrumentationPackages: [
    `spring-ai@2.0.1+ (from source: ${REPO}@${HEAD.slice(0, 12)})`,
    `spring-ai@1.0.0-M8 (from source: ${REPO}@${M8.slice(0, 12)}; chat-content-events only)`,
  ],
  sdkPackage: "OpenAiChatModel / OpenAiEmbeddingModel (Java; replies of the mock provider)",
  scenarios: [
    scenario("chat", tracerV2, chat(), ["every value a string, usage included (\"26\"); 16 cached tokens in gen_ai.usage.cache_read.input_tokens, included in input; no prompt or completion anywhere"]),
    scenario("chat-tools", tracerV2, chatTools(), [
      "ChatClient span 'spring_ai chat_client' (framework / spring_ai) with chat, execute_tool, chat children; tool arguments and result in spring.ai.tool.call.*; finish reasons upper case: [\"TOOL_CALLS\"]",
    ]),
    scenario("embedding", tracerV2, embedding(), ["operation name 'embedding' (singular); input and total tokens only"]),
    scenario("chat-error", tracerV2, chatError(), ["response model 'none'; no usage; exception event and status ERROR from the bridge"]),
    scenario("chat-content-events", tracerM8, chatContentEvents(), [
      "1.0.0-M8: events gen_ai.content.prompt (gen_ai.prompt: string array of message texts, no roles) and gen_ai.content.completion (gen_ai.completion: string array)",
    ]),
  ],
  notes: [
    `built from source, not captured: ${REPO} at ${HEAD} (2.x) and ${M8} (1.0.0-M8); files and line numbers cited in scripts/capture/from-source/spring-ai.ts`,
    "Micrometer observations through the OTel bridge: INTERNAL spans, scope org.springframework.boot, every key value a string attribute (numbers and lists too), set in key order when the observation stops",
    "provider in gen_ai.system only (openai, spring_ai for framework spans); no content on spans after 1.0.0-M8 (logged instead); advisor spans left out",
  ],
});
