/**
 * Our OpenLLMetry key constants against Traceloop's own package (`@traceloop/ai-semantic-conventions`,
 * the version the captured 0.27 instrumentations depend on). Keys that only the Python package
 * (`opentelemetry-semconv-ai`) has are listed apart, so a rename in the JS package shows up here.
 */
import { EventAttributes, Events, LLMRequestTypeValues, SpanAttributes, TraceloopSpanKindValues } from "@traceloop/ai-semantic-conventions";
import { ATTR_GEN_AI_COMPLETION, ATTR_GEN_AI_PROMPT } from "@opentelemetry/semantic-conventions/incubating";
import { describe, expect, it } from "vitest";
import { OPENLLMETRY, OPENLLMETRY_EVENT_ATTRIBUTES, OPENLLMETRY_EVENTS, OPENLLMETRY_REQUEST_TYPE_VALUES, OPENLLMETRY_SPAN_KIND_VALUES } from "../../../src/conventions/openllmetry/keys.js";

/** Our name -> the JS package's SpanAttributes name. */
const JS_NAMES: Partial<Record<keyof typeof OPENLLMETRY, keyof typeof SpanAttributes>> = {
  spanKind: "TRACELOOP_SPAN_KIND",
  workflowName: "TRACELOOP_WORKFLOW_NAME",
  entityName: "TRACELOOP_ENTITY_NAME",
  entityPath: "TRACELOOP_ENTITY_PATH",
  entityVersion: "TRACELOOP_ENTITY_VERSION",
  entityInput: "TRACELOOP_ENTITY_INPUT",
  entityOutput: "TRACELOOP_ENTITY_OUTPUT",
  associationProperties: "TRACELOOP_ASSOCIATION_PROPERTIES",
  requestType: "LLM_REQUEST_TYPE",
  totalTokens: "LLM_USAGE_TOTAL_TOKENS",
  genAiTotalTokens: "GEN_AI_USAGE_TOTAL_TOKENS",
  requestFunctions: "LLM_REQUEST_FUNCTIONS",
  topK: "LLM_TOP_K",
  frequencyPenalty: "LLM_FREQUENCY_PENALTY",
  presencePenalty: "LLM_PRESENCE_PENALTY",
  stopSequences: "LLM_CHAT_STOP_SEQUENCES",
  vectorDbVendor: "VECTOR_DB_VENDOR",
  vectorDbQueryTopK: "VECTOR_DB_QUERY_TOP_K",
  guardrailInput: "GEN_AI_GUARDRAIL_INPUT",
  guardrailOutput: "GEN_AI_GUARDRAIL_OUTPUT",
  guardrailStatus: "GEN_AI_GUARDRAIL_STATUS",
  guardrailGuardCount: "GEN_AI_GUARDRAIL_GUARD_COUNT",
  guardrailFailedGuardCount: "GEN_AI_GUARDRAIL_FAILED_GUARD_COUNT",
  guardrailErrorType: "GEN_AI_GUARDRAIL_ERROR_TYPE",
  guardrailErrorMessage: "GEN_AI_GUARDRAIL_ERROR_MESSAGE",
};

/** Keys only the Python package defines (opentelemetry/semconv_ai/__init__.py), spelled out. */
const PYTHON_ONLY: Partial<Record<keyof typeof OPENLLMETRY, string>> = {
  isStreaming: "llm.is_streaming",
  user: "llm.user",
  headers: "llm.headers",
  repetitionPenalty: "llm.request.repetition_penalty",
  responseFinishReason: "llm.response.finish_reason",
  responseStopReason: "llm.response.stop_reason",
  vectorDbOperation: "db.operation",
  reasoningEffort: "llm.request.reasoning_effort",
  reasoningTokens: "llm.usage.reasoning_tokens",
  // semconv_ai 0.5.2 SpanAttributes.GEN_AI_* (renamed from LLM_*) and the task keys.
  genAiIsStreaming: "gen_ai.is_streaming",
  genAiUser: "gen_ai.user",
  genAiRepetitionPenalty: "gen_ai.request.repetition_penalty",
  genAiResponseFinishReason: "gen_ai.response.finish_reason",
  genAiResponseStopReason: "gen_ai.response.stop_reason",
  genAiReasoningEffort: "gen_ai.request.reasoning_effort",
  genAiReasoningSummary: "gen_ai.request.reasoning_summary",
  genAiRequestN: "gen_ai.request.n",
  genAiMaxCompletionTokens: "gen_ai.request.max_completion_tokens",
  taskInput: "gen_ai.task.input",
  taskOutput: "gen_ai.task.output",
};

/** Keys of the first releases that no current package defines, spelled out. */
const LEGACY: Partial<Record<keyof typeof OPENLLMETRY, string>> = {
  legacyPromptTokens: "llm.usage.prompt_tokens",
  legacyCompletionTokens: "llm.usage.completion_tokens",
};

describe("OpenLLMetry key constants", () => {
  it("match @traceloop/ai-semantic-conventions SpanAttributes", () => {
    for (const [ours, theirs] of Object.entries(JS_NAMES)) {
      expect(OPENLLMETRY[ours as keyof typeof OPENLLMETRY], ours).toBe(SpanAttributes[theirs!]);
    }
  });

  it("Python-only keys are the ones the JS package lacks", () => {
    const jsValues = new Set<string>(Object.values(SpanAttributes));
    for (const [ours, key] of Object.entries(PYTHON_ONLY)) {
      expect(OPENLLMETRY[ours as keyof typeof OPENLLMETRY]).toBe(key);
      expect(jsValues.has(key), key).toBe(false);
    }
  });

  it("legacy keys are gone from the JS package", () => {
    const jsValues = new Set<string>(Object.values(SpanAttributes));
    for (const [ours, key] of Object.entries(LEGACY)) {
      expect(OPENLLMETRY[ours as keyof typeof OPENLLMETRY]).toBe(key);
      expect(jsValues.has(key), key).toBe(false);
    }
  });

  it("every constant is checked by one of the tables, or is an indexed prefix", () => {
    const checked = new Set([...Object.keys(JS_NAMES), ...Object.keys(PYTHON_ONLY), ...Object.keys(LEGACY), "prompt", "completion", "vectorDbQueryResult"]);
    expect(Object.keys(OPENLLMETRY).filter((k) => !checked.has(k))).toEqual([]);
  });

  it("indexed prompt/completion prefixes are the deprecated OTel gen_ai.prompt / gen_ai.completion keys", () => {
    expect(OPENLLMETRY.prompt).toBe(ATTR_GEN_AI_PROMPT);
    expect(OPENLLMETRY.completion).toBe(ATTR_GEN_AI_COMPLETION);
    // The deprecated per-result keys are documented as templates with `{i}`.
    expect(EventAttributes.VECTOR_DB_QUERY_RESULT_ID).toBe(`${OPENLLMETRY.vectorDbQueryResult}.{i}.id`);
  });

  it("events and event attributes", () => {
    expect(OPENLLMETRY_EVENTS.queryResult).toBe(Events.DB_QUERY_RESULT);
    expect(OPENLLMETRY_EVENTS.queryEmbeddings).toBe(Events.DB_QUERY_EMBEDDINGS);
    expect(OPENLLMETRY_EVENT_ATTRIBUTES.queryResultId).toBe(EventAttributes.DB_QUERY_RESULT_ID);
    expect(OPENLLMETRY_EVENT_ATTRIBUTES.queryResultScore).toBe(EventAttributes.DB_QUERY_RESULT_SCORE);
    expect(OPENLLMETRY_EVENT_ATTRIBUTES.queryResultDistance).toBe(EventAttributes.DB_QUERY_RESULT_DISTANCE);
    expect(OPENLLMETRY_EVENT_ATTRIBUTES.queryResultMetadata).toBe(EventAttributes.DB_QUERY_RESULT_METADATA);
    expect(OPENLLMETRY_EVENT_ATTRIBUTES.queryResultVector).toBe(EventAttributes.DB_QUERY_RESULT_VECTOR);
    expect(OPENLLMETRY_EVENT_ATTRIBUTES.queryResultDocument).toBe(EventAttributes.DB_QUERY_RESULT_DOCUMENT);
  });

  it("enumerated values: the JS package's plus the Python-only ones", () => {
    expect([...OPENLLMETRY_REQUEST_TYPE_VALUES].sort()).toEqual([...Object.values(LLMRequestTypeValues), "embedding"].sort());
    expect([...OPENLLMETRY_SPAN_KIND_VALUES].sort()).toEqual([...Object.values(TraceloopSpanKindValues)].sort());
  });
});
