/**
 * AI SDK 7 operations without a chat shape: decide and extract (captured: genai/ai-sdk-otel__decide,
 * __extract with @ai-sdk/otel's OpenTelemetry integration, vercel-ai/vercel-ai-v7-legacy__decide with
 * its LegacyOpenTelemetry one), speech and transcription (no capture: the mock provider has no audio
 * endpoint, so one row per rule with the keys the installed @ai-sdk/otel 1.0.185 dist writes in
 * onAudioOperationStart / onAudioOperationEnd of each integration).
 */
import { describe, expect, it } from "vitest";
import { toMlflowSpan, type Attributes, type MlflowSpan } from "../../../src/index.js";
import { loadFixture } from "../../helpers/fixtures.js";

const spans = (id: string): MlflowSpan[] => loadFixture(id).map((s) => toMlflowSpan(s));
const span = (name: string, attributes: Attributes): MlflowSpan => toMlflowSpan({ name, attributes });

const STATE = "The customer wrote: the parcel arrived broken and I want my money back.";
const QUESTIONS = {
  intent: { type: "choice", instructions: "What does the customer want?", criteria: { refund: "a refund", replacement: "a new item" } },
  urgent: { type: "boolean", instructions: "Is the request urgent?" },
};
const ANSWERS = { intent: { type: "choice", choice: "refund" }, urgent: { type: "boolean", probability: 0.5 } };
const STATE_PARTS = [{ type: "text", text: STATE }];

describe("decide", () => {
  it("GenAI integration: both spans LLM, inputs state + questions (+ the model), outputs the answers, no diagnostic", () => {
    const [outer, inner] = spans("genai/ai-sdk-otel__decide");
    expect(outer!.spanType).toBe("LLM");
    expect(outer!.inputs).toEqual({ state: STATE, questions: QUESTIONS, model: "claude-haiku-4-5" });
    expect(outer!.outputs).toEqual({ answers: ANSWERS });
    expect(inner!.spanType).toBe("LLM");
    expect(inner!.inputs).toEqual({ state: STATE_PARTS, questions: QUESTIONS, model: "claude-haiku-4-5" });
    expect(inner!.outputs).toEqual({ answers: ANSWERS });
    expect(inner!.tokenUsage).toEqual({ input_tokens: 240, output_tokens: 9, total_tokens: 249 });
    for (const s of [outer!, inner!]) {
      expect(s.diagnostics).toEqual([]);
      for (const key of ["ai.decision.state", "ai.decision.questions", "ai.decision.answers"]) expect(s.attributes).toHaveProperty([key]);
    }
  });

  it("legacy integration: ai.decide and ai.decide.doDecide are LLM with the same inputs and outputs", () => {
    const [outer, inner] = spans("vercel-ai/vercel-ai-v7-legacy__decide");
    expect([outer!.name, outer!.spanType, inner!.name, inner!.spanType]).toEqual(["ai.decide", "LLM", "ai.decide.doDecide", "LLM"]);
    expect(outer!.inputs).toEqual({ state: STATE, questions: QUESTIONS, model: "claude-haiku-4-5" });
    expect(inner!.inputs).toEqual({ state: STATE_PARTS, questions: QUESTIONS, model: "claude-haiku-4-5" });
    expect(outer!.outputs).toEqual({ answers: ANSWERS });
    expect(inner!.outputs).toEqual({ answers: ANSWERS });
    expect(outer!.diagnostics.map((d) => d.code)).toEqual([]);
    expect(inner!.diagnostics.map((d) => d.code)).toEqual([]);
  });
});

describe("extract", () => {
  it("GenAI integration: LLM, inputs state + fields, outputs the answers", () => {
    const [outer, inner] = spans("genai/ai-sdk-otel__extract");
    const fields = { city: { type: "text", instructions: "The city of the meeting" } };
    const answers = { answers: { city: { type: "text", value: "Paris" } } };
    expect(outer!.spanType).toBe("LLM");
    expect(outer!.inputs).toEqual({ state: "Meet Anna in Paris on 2025-01-01.", fields, model: "gpt-4o-mini" });
    expect(outer!.outputs).toEqual(answers);
    expect(inner!.spanType).toBe("LLM");
    expect(inner!.inputs).toEqual({ state: [{ type: "text", text: "Meet Anna in Paris on 2025-01-01." }], fields, model: "gpt-4o-mini" });
    expect(inner!.outputs).toEqual(answers);
    expect(outer!.diagnostics).toEqual([]);
  });

  it("ai.extraction.referenceDate joins the inputs as reference_date", () => {
    const s = span("extract", {
      "gen_ai.operation.name": "extract",
      "ai.extraction.state": JSON.stringify("Meet Anna tomorrow."),
      "ai.extraction.fields": JSON.stringify({ date: { type: "date" } }),
      "ai.extraction.referenceDate": "2025-01-01T00:00:00.000Z",
    });
    expect(s.inputs).toEqual({ state: "Meet Anna tomorrow.", fields: { date: { type: "date" } }, reference_date: "2025-01-01T00:00:00.000Z" });
  });
});

describe("speech and transcription (rows from the @ai-sdk/otel 1.0.185 source)", () => {
  it("GenAI integration, generateSpeech: LLM, inputs {input: text}, outputs the audio's media type, size and format", () => {
    const s = span("ai.generateSpeech tts-1", {
      "gen_ai.operation.name": "ai.generateSpeech",
      "gen_ai.provider.name": "openai",
      "gen_ai.request.model": "tts-1",
      "gen_ai.output.type": "speech",
      "gen_ai.request.stream": false,
      "gen_ai.input.messages": JSON.stringify([{ role: "user", parts: [{ type: "text", content: "Hello there" }] }]),
      "ai.request.text": "Hello there",
      "ai.response.audio.size": 4096,
      "ai.response.audio.media_type": "audio/mpeg",
      "ai.response.audio.format": "mp3",
    });
    expect(s.spanType).toBe("LLM");
    expect(s.inputs).toEqual({ input: "Hello there", model: "tts-1", output_type: "speech", stream: false });
    expect(s.outputs).toEqual({ audio: { media_type: "audio/mpeg", size: 4096, format: "mp3" } });
    expect(s.diagnostics.filter((d) => d.code === "unknown-operation")).toEqual([]);
  });

  it("GenAI integration, transcribe: LLM, inputs the audio sent, outputs the transcript as the reply", () => {
    const s = span("ai.transcribe whisper-1", {
      "gen_ai.operation.name": "ai.transcribe",
      "gen_ai.provider.name": "openai",
      "gen_ai.request.model": "whisper-1",
      "gen_ai.output.type": "text",
      "ai.request.audio.size": 2048,
      "ai.request.audio.media_type": "audio/wav",
      "ai.response.text": "Hello there",
      "gen_ai.output.messages": JSON.stringify([{ role: "assistant", parts: [{ type: "text", content: "Hello there" }] }]),
    });
    expect(s.spanType).toBe("LLM");
    expect(s.inputs).toEqual({ audio: { media_type: "audio/wav", size: 2048 }, model: "whisper-1", output_type: "text" });
    expect(s.outputs).toMatchObject({ choices: [{ index: 0, message: { role: "assistant", content: "Hello there" } }] });
  });

  it("legacy integration: ai.generateSpeech / ai.transcribe ids are LLM, media type spelled mediaType", () => {
    const speech = span("ai.generateSpeech", {
      "ai.operationId": "ai.generateSpeech",
      "ai.model.provider": "openai.speech",
      "ai.model.id": "tts-1",
      "ai.request.text": "Hello there",
      "ai.response.audio.size": 4096,
      "ai.response.audio.mediaType": "audio/mpeg",
    });
    expect(speech.spanType).toBe("LLM");
    expect(speech.inputs).toEqual({ input: "Hello there", model: "tts-1" });
    expect(speech.outputs).toEqual({ audio: { media_type: "audio/mpeg", size: 4096 } });
    const transcribe = span("ai.transcribe", {
      "ai.operationId": "ai.transcribe",
      "ai.model.provider": "openai.transcription",
      "ai.model.id": "whisper-1",
      "ai.request.audio.size": 2048,
      "ai.request.audio.mediaType": "audio/wav",
      "ai.response.text": "Hello there",
    });
    expect(transcribe.spanType).toBe("LLM");
    expect(transcribe.inputs).toEqual({ audio: { media_type: "audio/wav", size: 2048 }, model: "whisper-1" });
    expect(transcribe.outputs).toMatchObject({ choices: [{ message: { role: "assistant", content: "Hello there" } }] });
    expect(span("x", { "ai.operationId": "ai.streamTranscribe" }).spanType).toBe("LLM");
  });
});

describe("agent_step", () => {
  it("the 'step N' spans of ai-sdk-otel are CHAIN without an unknown-operation diagnostic", () => {
    for (const id of ["genai/ai-sdk-otel__anthropic-tools", "genai/ai-sdk-otel__anthropic-generate-text", "genai/ai-sdk-otel__openai-stream"]) {
      const steps = spans(id).filter((s) => /^step \d+$/.test(s.name));
      expect(steps.length).toBeGreaterThan(0);
      for (const s of steps) {
        expect(s.spanType).toBe("CHAIN");
        expect(s.diagnostics.map((d) => d.code)).not.toContain("unknown-operation");
      }
    }
  });
});
