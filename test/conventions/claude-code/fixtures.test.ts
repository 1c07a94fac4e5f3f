/**
 * The Claude Code captures (`@anthropic-ai/claude-agent-sdk` 0.3.337 = Claude Code 2.1.337, detailed
 * beta tracing on, against the mock's Anthropic endpoint): span types, the prompt, the new context of
 * each model request, the reply, tool input and result, and token counts with the cache counted once.
 */
import { describe, expect, it } from "vitest";
import { detectConventions, summarizeTrace, toMlflowSpan, validateSpan, type MlflowSpan } from "../../../src/index.js";
import { loadFixture } from "../../helpers/fixtures.js";

const spans = (id: string): MlflowSpan[] => loadFixture(`claude-code/${id}`).map((s) => toMlflowSpan(s));
const choices = (s: MlflowSpan) => (s.outputs as { choices: { message: unknown; finish_reason: unknown }[] }).choices;

describe("span types and detection", () => {
  it("interaction, llm_request, tool and its children", () => {
    const parsed = spans("claude-code__tool-call");
    expect(parsed.map((s) => [s.name, s.spanType])).toEqual([
      ["claude_code.interaction", "AGENT"],
      ["claude_code.llm_request", "CHAT_MODEL"],
      ["claude_code.tool", "TOOL"],
      ["claude_code.tool.blocked_on_user", "TOOL"],
      ["claude_code.tool.execution", "TOOL"],
      ["claude_code.llm_request", "CHAT_MODEL"],
    ]);
    // span.type is also VoltAgent's key (VoltAgent owns it): detected, but VoltAgent says nothing.
    for (const s of parsed) {
      expect(s.conventions).toEqual(["claude-code", "voltagent", "genai"]);
      expect(s.diagnostics).toEqual([]);
    }
    expect(detectConventions(loadFixture("claude-code/claude-code__prompt")[0]!)).toEqual(["claude-code", "voltagent", "genai"]);
  });
});

describe("content", () => {
  it("the interaction's prompt; each request's new context and reply with the mapped stop reason", () => {
    const [interaction, first, tool, , , second] = spans("claude-code__tool-call");
    expect(interaction!.inputs).toEqual({ messages: [{ role: "user", content: "List the files in the current directory." }] });
    expect((first!.inputs as { messages: unknown }).messages).toEqual([{ role: "user", content: "List the files in the current directory." }]);
    expect(choices(first!)).toEqual([{ index: 0, message: { role: "assistant", content: "I'll list the files." }, finish_reason: "tool_calls" }]);
    expect(tool!.inputs).toEqual({ pattern: "*" });
    expect(tool!.outputs).toMatchObject({ filenames: ["data.json", "notes.txt", "README.md"], numFiles: 3 });
    const [result] = (second!.inputs as { messages: { role: string; tool_call_id?: string; content: string }[] }).messages;
    expect(result).toMatchObject({ role: "tool", tool_call_id: "toolu_fixture_0002" });
    expect(result!.content.startsWith("data.json\nnotes.txt\nREADME.md")).toBe(true);
    expect(choices(second!)[0]).toEqual({ index: 0, message: { role: "assistant", content: "It is currently 18 °C and sunny in Paris." }, finish_reason: "stop" });
  });
});

describe("token usage: the cache counted once", () => {
  it("gen_ai.usage.input_tokens (with cache) is used; the bare input_tokens (without) is not added", () => {
    const first = spans("claude-code__tool-call")[1]!;
    // 4498 = 402 bare + 4096 cache read; never 402 + 4498.
    expect(first.tokenUsage).toEqual({ input_tokens: 4498, output_tokens: 71, total_tokens: 4569, cache_read_input_tokens: 4096, cache_creation_input_tokens: 0 });
    expect(first.attributes["input_tokens"]).toBe(402);
  });

  it("bare counts alone (older versions): the cache is added, with usage-cache-added", () => {
    const s = toMlflowSpan({ name: "claude_code.llm_request", attributes: { "span.type": "llm_request", "anthropic.provider": "firstParty", input_tokens: 402, output_tokens: 71, cache_read_tokens: 4096, cache_creation_tokens: 10 } });
    expect(s.tokenUsage).toEqual({ input_tokens: 4508, output_tokens: 71, total_tokens: 4579, cache_read_input_tokens: 4096, cache_creation_input_tokens: 10 });
    expect(s.diagnostics.map((d) => d.code)).toEqual(["usage-cache-added"]);
  });

  it("the subagent's request is counted in the trace total once", () => {
    const parsed = spans("claude-code__subagent");
    const llm = parsed.filter((s) => s.spanType === "CHAT_MODEL");
    expect(llm.map((s) => s.tokenUsage?.input_tokens)).toEqual([4498, 19, llm[2]!.tokenUsage!.input_tokens]);
    expect(summarizeTrace(parsed).tokenUsage?.input_tokens).toBe(llm.reduce((n, s) => n + (s.tokenUsage?.input_tokens ?? 0), 0));
  });
});

describe("errors, session, validation, bad input", () => {
  it("a failed request: status ERROR, no reply, no usage; session and user stay", () => {
    const parsed = spans("claude-code__model-error");
    const llm = parsed[1]!;
    expect(llm.status).toEqual({ code: "ERROR", message: "model: claude-nonexistent-model" });
    expect(llm.outputs).toBeUndefined();
    expect(llm.tokenUsage).toBeUndefined();
    const summary = summarizeTrace(parsed);
    expect(typeof summary.session).toBe("string");
    expect(summary.user).toMatch(/^[0-9a-f]{64}$/);
  });

  it("validate --convention claude-code: no errors on the captures", () => {
    for (const s of loadFixture("claude-code/claude-code__tool-call")) {
      expect(validateSpan(s, { convention: "claude-code" }).filter((d) => d.severity === "error")).toEqual([]);
    }
  });

  it("an unknown span.type, a string count, redacted content: diagnostics, nothing thrown, keys kept", () => {
    const s = toMlflowSpan(
      { name: "x", attributes: { "span.type": "hook", "anthropic.provider": "firstParty", user_prompt: "<REDACTED>", input_tokens: "lots", output_tokens: 3 } },
      { keepSource: false },
    );
    expect(s.diagnostics.map((d) => d.code)).toEqual(["unknown-span-kind", "invalid-token-count", "unknown-span-kind"]);
    expect(s.inputs).toBeUndefined();
    expect(s.attributes).toMatchObject({ "span.type": "hook", user_prompt: "<REDACTED>", input_tokens: "lots" });
  });
});
