/**
 * The Gemini CLI captures (@google/gemini-cli 0.61.0 against the mock Gemini endpoint, telemetry traces
 * on, scope "gemini-cli"): detection by `gen_ai.agent.name = gemini-cli`, span types from the CLI's
 * operations, Gemini-shaped messages as chat messages, tools, usage. The goldens hold the whole translation.
 */
import { describe, expect, it } from "vitest";
import { detectConventions, toMlflowSpan, type MlflowSpan } from "../../../src/index.js";
import { loadFixture } from "../../helpers/fixtures.js";

const spans = (id: string): MlflowSpan[] => loadFixture(`gemini-cli/gemini-cli__${id}`).map((s) => toMlflowSpan(s));
const messages = (s: MlflowSpan) => (s.inputs as { messages: { role: string; content: unknown }[] }).messages;
const choices = (s: MlflowSpan) => (s.outputs as { choices: unknown[] }).choices;
const LISTING = "Directory listing for /work/project:\ndata.json (15 bytes)\nnotes.txt (21 bytes)\nREADME.md (18 bytes)";

describe("span types and detection", () => {
  it.each([
    ["prompt", [["llm_call", "CHAT_MODEL"]]],
    ["tool-call", [["llm_call", "CHAT_MODEL"], ["schedule_tool_calls", "CHAIN"], ["tool_call", "TOOL"], ["llm_call", "CHAT_MODEL"]]],
    [
      "subagent",
      [
        ["llm_call", "CHAT_MODEL"],
        ["schedule_tool_calls", "CHAIN"],
        ["tool_call", "TOOL"],
        ["agent_call", "AGENT"],
        ["llm_call", "CHAT_MODEL"],
        ["schedule_tool_calls", "CHAIN"],
        ["tool_call", "TOOL"],
        ["llm_call", "CHAT_MODEL"],
      ],
    ],
    ["model-error", [["llm_call", "CHAT_MODEL"]]],
  ])("%s", (id, expected) => {
    const parsed = spans(id);
    expect(parsed.map((s) => [s.name, s.spanType])).toEqual(expected);
    for (const s of parsed) {
      expect(s.conventions).toEqual(["gemini-cli", "genai"]);
      // The Gemini-shaped gen_ai.* values are read, not reported as malformed GenAI messages.
      expect(s.diagnostics).toEqual([]);
    }
  });

  it("detectConventions names gemini-cli from gen_ai.agent.name alone", () => {
    const [llm] = loadFixture("gemini-cli/gemini-cli__prompt");
    expect(detectConventions(llm!)).toEqual(["gemini-cli", "genai"]);
    expect(detectConventions({ attributes: { "gen_ai.agent.name": "other-agent" } })).toEqual(["genai"]);
  });
});

describe("model calls", () => {
  it("prompt: system instructions, the two user text parts, the streamed reply joined", () => {
    const [llm] = spans("prompt");
    const m = messages(llm!);
    expect(m.map((x) => x.role)).toEqual(["system", "user"]);
    expect((m[0]!.content as string).startsWith("You are a non-interactive CLI agent")).toBe(true);
    expect((m[1]!.content as { text: string }[])[1]).toEqual({ type: "text", text: "What is the capital of France?" });
    expect(choices(llm!)).toEqual([{ index: 0, message: { role: "assistant", content: "The capital of France is Paris." }, finish_reason: null }]);
    expect(llm!.tools).toHaveLength(16);
    expect(llm!.model).toBe("gemini-2.5-flash");
    expect(llm!.provider).toBe("gcp.gemini");
  });

  it("tool call round trip: functionCall as tool_calls, functionResponse {output} as the tool message's text", () => {
    const [first, , , second] = spans("tool-call");
    expect(choices(first!)).toEqual([
      {
        index: 0,
        message: { role: "assistant", content: null, tool_calls: [{ id: "list_directory__list_directory_1735689600048_0", type: "function", function: { name: "list_directory", arguments: '{"dir_path":"."}' } }] },
        finish_reason: "tool_calls",
      },
    ]);
    const m = messages(second!);
    expect(m.slice(2)).toEqual([
      { role: "assistant", content: null, tool_calls: [{ id: "list_directory_1735689600048_0", type: "function", function: { name: "list_directory", arguments: '{"dir_path":"."}' } }] },
      { role: "tool", content: LISTING, tool_call_id: "list_directory_1735689600048_0" },
    ]);
    // Nine stream chunks, one text.
    expect(choices(second!)).toEqual([{ index: 0, message: { role: "assistant", content: "It is currently 18 °C and sunny in Paris." }, finish_reason: null }]);
  });

  it("model error: status ERROR, no outputs, no usage", () => {
    const [llm] = spans("model-error");
    expect(llm!.status?.code).toBe("ERROR");
    expect(llm!.outputs).toBeUndefined();
    expect(llm!.tokenUsage).toBeUndefined();
  });
});

describe("tools and agents", () => {
  it("tool_call: the arguments and the function response, not the scheduler record", () => {
    const [, , tool] = spans("tool-call");
    expect(tool!.inputs).toEqual({ dir_path: "." });
    expect(tool!.outputs).toEqual({ output: LISTING });
    expect(tool!.attributes["gen_ai.tool.call_id"]).toBe("list_directory__list_directory_1735689600048_0");
  });

  it("agent_call: the subagent's name and prompt in, its result text out", () => {
    const agent = spans("subagent")[3]!;
    expect(agent.inputs).toEqual({ agent_name: "generalist", prompt: "Count from 1 to 5." });
    expect(agent.outputs).toBe("Subagent 'generalist' finished.\nTermination Reason: GOAL\nResult:\n{\n  \"response\": \"1, 2, 3, 4, 5.\"\n}");
  });
});

describe("token usage, exactly", () => {
  it.each([
    ["prompt", 0, { input_tokens: 30, output_tokens: 9, total_tokens: 39 }],
    ["tool-call", 0, { input_tokens: 64, output_tokens: 12, total_tokens: 76 }],
    // promptTokenCount 96 includes 64 cached tokens; the cache count is only in the CLI's log records.
    ["tool-call", 3, { input_tokens: 96, output_tokens: 14, total_tokens: 110 }],
  ])("%s span %i", (id, index, usage) => {
    expect(spans(id)[index]!.tokenUsage).toEqual(usage);
  });
});

describe("session", () => {
  it("gen_ai.conversation.id stays an attribute", () => {
    expect(spans("prompt")[0]!.attributes["gen_ai.conversation.id"]).toBe("session-fixture-1");
  });
});
