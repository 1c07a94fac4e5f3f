import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeOtlpJson, summarizeTrace, toMlflowSpan, type MlflowSpan } from "../../src/index.js";
import { FIXTURES, ROOT, loadFixture } from "../helpers/fixtures.js";

const TRACE = "0123456789abcdef0123456789abcdef";

/** A canonical span for one rule's test. */
function span(fields: Partial<MlflowSpan> & { spanId: string }): MlflowSpan {
  return { name: fields.spanId, spanType: "UNKNOWN", attributes: {}, conventions: [], diagnostics: [], traceId: TRACE, ...fields };
}
const usage = (input: number, output: number, extra: Record<string, number> = {}) => ({ input_tokens: input, output_tokens: output, total_tokens: input + output, ...extra });

describe("summarizeTrace: state from the root status", () => {
  it.each([
    ["ERROR", "ERROR"],
    ["OK", "OK"],
    ["UNSET", "OK"],
    [undefined, "OK"],
  ] as const)("root status %s -> %s", (code, state) => {
    expect(summarizeTrace([span({ spanId: "r", status: code ? { code } : undefined }), span({ spanId: "c", parentSpanId: "r", status: { code: "ERROR" } })]).state).toBe(state);
  });

  it("no root yet: IN_PROGRESS, no previews, no root id", () => {
    const summary = summarizeTrace([span({ spanId: "c", parentSpanId: "missing", inputs: "x" })]);
    expect(summary).toMatchObject({ state: "IN_PROGRESS", requestPreview: "", responsePreview: "", spanCount: 1 });
    expect(summary.rootSpanId).toBeUndefined();
  });

  it("several roots: previews and root id from the first, state from the last (MLflow's loop)", () => {
    const summary = summarizeTrace([span({ spanId: "a", inputs: "first", status: { code: "ERROR" } }), span({ spanId: "b", inputs: "second", status: { code: "OK" } })]);
    expect(summary).toMatchObject({ rootSpanId: "a", requestPreview: '"first"', state: "OK" });
  });
});

describe("summarizeTrace: previews", () => {
  const preview = (inputs: unknown, outputs?: unknown) => {
    const s = summarizeTrace([span({ spanId: "r", inputs, outputs })]);
    return [s.requestPreview, s.responsePreview];
  };

  it("a plain string input is its JSON text (MLflow's test: '\"Hello, world!\"')", () => {
    expect(preview("Hello, world!")[0]).toBe('"Hello, world!"');
  });

  it("chat messages: the last user message (request) and the assistant reply (response)", () => {
    const inputs = { messages: [{ role: "system", content: "be brief" }, { role: "user", content: "first" }, { role: "assistant", content: "a" }, { role: "user", content: "second" }], temperature: 0 };
    const outputs = { choices: [{ index: 0, message: { role: "assistant", content: "reply" }, finish_reason: "stop" }] };
    expect(preview(inputs, outputs)).toEqual(["second", "reply"]);
  });

  it("no message of the role: the last message", () => {
    expect(preview({ messages: [{ role: "system", content: "s" }, { role: "tool", content: "t" }] })[0]).toBe("t");
  });

  it("content parts: the first string or text part; GenAI parts: the first text part", () => {
    expect(preview({ messages: [{ role: "user", content: [{ type: "image_url", image_url: { url: "u" } }, { type: "text", text: "hi" }] }] })[0]).toBe("hi");
    expect(preview([{ role: "user", parts: [{ type: "text", content: "semconv" }] }])[0]).toBe("semconv");
    expect(preview({ input: [{ role: "user", content: [{ type: "input_text", text: "x" }, "str part"] }] })[0]).toBe("str part");
    expect(preview({ request: { input: [{ role: "user", content: "nested" }] } })[0]).toBe("nested");
  });

  it("no text in the message: the whole JSON text", () => {
    const inputs = { messages: [{ role: "user", content: [{ type: "image_url", image_url: { url: "u" } }] }] };
    expect(preview(inputs)[0]).toBe(JSON.stringify(inputs));
    expect(preview({ messages: [] })[0]).toBe('{"messages":[]}');
  });

  it("JSON inside a JSON string is read through", () => {
    expect(preview(JSON.stringify({ messages: [{ role: "user", content: "inner" }] }))[0]).toBe("inner");
  });

  it("truncates at 1000 code points: 997 kept and '...'", () => {
    expect(preview("a".repeat(998))[0]).toBe(`"${"a".repeat(998)}"`);
    const long = preview({ messages: [{ role: "user", content: "b".repeat(1001) }] })[0]!;
    expect(long).toBe(`${"b".repeat(997)}...`);
    // Counted as Python counts: one emoji (two UTF-16 units) is one character.
    const emoji = preview({ messages: [{ role: "user", content: "😀".repeat(1000) }] })[0]!;
    expect(emoji).toBe("😀".repeat(1000));
    const cut = preview({ messages: [{ role: "user", content: "😀".repeat(1001) }] })[0]!;
    expect(Array.from(cut)).toHaveLength(1000);
    expect(cut.endsWith("😀...")).toBe(true);
  });

  it("no inputs or outputs: empty previews", () => {
    expect(preview(undefined)).toEqual(["", ""]);
  });
});

describe("summarizeTrace: token usage, ancestor wins (MLflow PR #24339)", () => {
  it("a parent with usage hides its children's (MLflow's 100/50 + 200/75 + 150/100 example gives the parent's)", () => {
    const summary = summarizeTrace([
      span({ spanId: "p", tokenUsage: usage(100, 50) }),
      span({ spanId: "c1", parentSpanId: "p", tokenUsage: usage(200, 75) }),
      span({ spanId: "c2", parentSpanId: "p", tokenUsage: usage(150, 100) }),
    ]);
    expect(summary.tokenUsage).toEqual({ input_tokens: 100, output_tokens: 50, total_tokens: 150 });
  });

  it("siblings without a counted ancestor add up, at any depth; a grandchild under a counted span does not", () => {
    const summary = summarizeTrace([
      span({ spanId: "root" }),
      span({ spanId: "agent", parentSpanId: "root" }),
      span({ spanId: "llm1", parentSpanId: "agent", tokenUsage: usage(10, 1) }),
      span({ spanId: "tool", parentSpanId: "agent" }),
      span({ spanId: "llm2", parentSpanId: "tool", tokenUsage: usage(20, 2) }),
      span({ spanId: "inner", parentSpanId: "llm2", tokenUsage: usage(999, 999) }),
    ]);
    expect(summary.tokenUsage).toEqual({ input_tokens: 30, output_tokens: 3, total_tokens: 33 });
  });

  it("orphans (parent not in the trace) are walked as roots", () => {
    const summary = summarizeTrace([span({ spanId: "o1", parentSpanId: "gone", tokenUsage: usage(5, 5) }), span({ spanId: "o2", parentSpanId: "o1", tokenUsage: usage(7, 7) })]);
    expect(summary.tokenUsage).toEqual({ input_tokens: 5, output_tokens: 5, total_tokens: 10 });
  });

  it("cache keys are summed when a counted span has them; reasoning tokens are not MLflow keys", () => {
    const summary = summarizeTrace([
      span({ spanId: "r" }),
      span({ spanId: "a", parentSpanId: "r", tokenUsage: usage(10, 1, { cache_read_input_tokens: 4, reasoning_tokens: 3 }) }),
      span({ spanId: "b", parentSpanId: "r", tokenUsage: usage(10, 1, { cache_read_input_tokens: 2, cache_creation_input_tokens: 1 }) }),
    ]);
    expect(summary.tokenUsage).toEqual({ input_tokens: 20, output_tokens: 2, total_tokens: 22, cache_read_input_tokens: 6, cache_creation_input_tokens: 1 });
  });

  it("no usage anywhere: absent", () => {
    expect(summarizeTrace([span({ spanId: "r" })]).tokenUsage).toBeUndefined();
  });

  it("parent cycles and a 100,000-deep chain neither loop nor overflow", () => {
    const cycle = summarizeTrace([span({ spanId: "a", parentSpanId: "b", tokenUsage: usage(1, 1) }), span({ spanId: "b", parentSpanId: "a", tokenUsage: usage(1, 1) })]);
    expect(cycle.tokenUsage).toBeUndefined();
    const chain = Array.from({ length: 100_000 }, (_, i) => span({ spanId: `s${i}`, parentSpanId: i === 0 ? undefined : `s${i - 1}`, tokenUsage: i === 99_999 ? usage(3, 4) : undefined }));
    expect(summarizeTrace(chain).tokenUsage).toEqual({ input_tokens: 3, output_tokens: 4, total_tokens: 7 });
  });

  it("property: the total equals the sum over spans that have usage and no ancestor with usage", () => {
    const tree = fc.array(fc.tuple(fc.nat(), fc.option(fc.nat({ max: 1000 }), { nil: undefined })), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(tree, (nodes) => {
        const spans = nodes.map(([parent, tokens], i) =>
          span({ spanId: `s${i}`, parentSpanId: i === 0 ? undefined : `s${parent % i}`, tokenUsage: tokens === undefined ? undefined : usage(tokens, 1) }),
        );
        let expected = 0;
        let any = false;
        spans.forEach((s, i) => {
          if (!s.tokenUsage) return;
          for (let p = s.parentSpanId; p !== undefined; p = spans[Number(p.slice(1))]!.parentSpanId) if (spans[Number(p.slice(1))]!.tokenUsage) return;
          expected += nodes[i]![1]!;
          any = true;
        });
        const summary = summarizeTrace(spans);
        expect(summary.tokenUsage?.input_tokens).toBe(any ? expected : undefined);
      }),
    );
  });
});

describe("summarizeTrace: session and user", () => {
  it("session.id and user.id from the first span that has them", () => {
    const summary = summarizeTrace([
      span({ spanId: "r" }),
      span({ spanId: "a", parentSpanId: "r", attributes: { "session.id": "s-1", "gen_ai.conversation.id": "conv" } }),
      span({ spanId: "b", parentSpanId: "r", attributes: { "session.id": "s-2", "user.id": "u-1" } }),
    ]);
    expect(summary).toMatchObject({ session: "s-1", user: "u-1" });
  });

  it("falls back to mlflow.trace.session / mlflow.trace.user, then gen_ai.conversation.id; JSON-encoded values are decoded", () => {
    expect(summarizeTrace([span({ spanId: "r", attributes: { "gen_ai.conversation.id": "conv-9" } })]).session).toBe("conv-9");
    const s = summarizeTrace([span({ spanId: "r", attributes: { "gen_ai.conversation.id": "conv", "mlflow.trace.session": '"sess"', "mlflow.trace.user": 42 } })]);
    expect(s).toMatchObject({ session: "sess", user: "42" });
    const none = summarizeTrace([span({ spanId: "r", attributes: { "session.id": "", "user.id": '""' } })]);
    expect(none.session).toBeUndefined();
    expect(none.user).toBeUndefined();
  });

  it("captured traces: Langfuse's session.id / user.id; Gemini CLI's gen_ai.conversation.id as the session", () => {
    const of = (id: string) => summarizeTrace(loadFixture(id).map((s) => toMlflowSpan(s)));
    expect(of("langfuse/langfuse__chat")).toMatchObject({ session: "session-fixture-0001", user: "user-fixture-0001" });
    const gemini = of("gemini-cli/gemini-cli__prompt");
    expect(gemini.session).toBe("session-fixture-1");
    expect(gemini.user).toBeUndefined();
  });
});

describe("summarizeTrace: what belongs to the trace", () => {
  it("spans of another trace are ignored and counted apart", () => {
    const other = "f".repeat(32);
    const summary = summarizeTrace([
      span({ spanId: "r", tokenUsage: usage(1, 1) }),
      span({ spanId: "x", traceId: other, tokenUsage: usage(50, 50), attributes: { "session.id": "theirs" } }),
      span({ spanId: "y", traceId: other, status: { code: "ERROR" } }),
    ]);
    expect(summary).toEqual({ traceId: TRACE, state: "OK", requestPreview: "", responsePreview: "", spanCount: 1, ignoredSpans: 2, rootSpanId: "r", tokenUsage: { input_tokens: 1, output_tokens: 1, total_tokens: 2 } });
  });

  it("no spans", () => {
    expect(summarizeTrace([])).toEqual({ state: "IN_PROGRESS", requestPreview: "", responsePreview: "", spanCount: 0 });
  });

  it("never throws on span data (any inputs, outputs, usage, attributes, ids; a cyclic input)", () => {
    const cyclic: Record<string, unknown> = { messages: [] };
    cyclic.self = cyclic;
    const anySpan = fc.record({
      spanId: fc.oneof(fc.constantFrom("a", "b", "c"), fc.string()),
      parentSpanId: fc.option(fc.constantFrom("a", "b", "c", "z"), { nil: undefined }),
      traceId: fc.option(fc.constantFrom(TRACE, "other"), { nil: undefined }),
      inputs: fc.oneof(fc.anything(), fc.constant(cyclic)),
      outputs: fc.anything(),
      tokenUsage: fc.oneof(fc.constant(undefined), fc.anything(), fc.record({ input_tokens: fc.anything(), cache_read_input_tokens: fc.anything() })),
      attributes: fc.dictionary(fc.constantFrom("session.id", "user.id", "gen_ai.conversation.id", "x"), fc.anything()),
      status: fc.option(fc.record({ code: fc.constantFrom("OK", "ERROR", "UNSET") }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(anySpan, { maxLength: 6 }), (list) => {
        const summary = summarizeTrace(list.map((f) => span(f as never)));
        expect(typeof summary.requestPreview).toBe("string");
        expect(["OK", "ERROR", "IN_PROGRESS"]).toContain(summary.state);
      }),
      { numRuns: 500 },
    );
  });

  it("misuse throws a TypeError", () => {
    expect(() => summarizeTrace({} as never)).toThrow(TypeError);
  });
});

describe("summarizeTrace on captured fixtures", () => {
  it("AI SDK generateText: ai.generateText and its doGenerate child both carry usage; counted once", () => {
    const spans = decodeOtlpJson(readFileSync("fixtures/vercel-ai/vercel-ai__generate-text.otlp.json", "utf8")).map((s) => toMlflowSpan(s));
    const wrapper = spans.find((s) => s.name === "ai.generateText")!;
    const child = spans.find((s) => s.name === "ai.generateText.doGenerate")!;
    expect(child.parentSpanId).toBe(wrapper.spanId);
    expect(wrapper.tokenUsage).toEqual(child.tokenUsage);
    const summary = summarizeTrace(spans);
    expect(summary).toEqual({
      traceId: wrapper.traceId,
      state: "OK",
      requestPreview: expect.stringContaining("capital of France"),
      responsePreview: "The capital of France is Paris.",
      tokenUsage: { input_tokens: 26, output_tokens: 12, total_tokens: 38, cache_read_input_tokens: 16 },
      rootSpanId: wrapper.spanId,
      spanCount: spans.length,
    });
  });

  it("AI SDK generateText with an error: state ERROR", () => {
    const spans = decodeOtlpJson(readFileSync("fixtures/vercel-ai/vercel-ai__generate-text-error.otlp.json", "utf8")).map((s) => toMlflowSpan(s));
    expect(summarizeTrace(spans).state).toBe("ERROR");
  });
});

describe("summarizeTrace agrees with MLflow's ingest (shared/peers/mlflow-py) on state, session and user, over every fixture", () => {
  // ../shared beside the main checkout, ../../shared beside a worktree under wt/.
  const runPy = [join(ROOT, "../shared/peers/mlflow-py/run.py"), join(ROOT, "../../shared/peers/mlflow-py/run.py")].find((p) => existsSync(p))!;
  const peer = execFileSync("python3", [runPy, "--mlflow-only", FIXTURES], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  const traces = peer
    .split("\n")
    .filter((line) => line.includes('"kind": "trace"'))
    .map((line) => JSON.parse(line) as { file: string; trace_id: string; state: string; session_id: string | null; user_id: string | null });
  it("the peer summarised the fixtures", () => expect(traces.length).toBeGreaterThan(40));
  // Where the project's state differs from MLflow's on purpose: sources that mark a failure in their own
  // keys and leave the OTel status UNSET are read as ERROR (Langfuse `level = ERROR`, a Laminar
  // observe() span's `exception` event); MLflow takes the state from the OTel status alone.
  const ERROR_MARKED = new Set(["langfuse/langfuse__chat-error.otlp.json", "laminar/laminar__observe-error.otlp.json"]);
  for (const trace of traces) {
    it(`${trace.file} ${trace.trace_id}`, () => {
      const spans = decodeOtlpJson(readFileSync(join(FIXTURES, trace.file), "utf8"))
        .map((s) => toMlflowSpan(s))
        .filter((s) => `tr-${s.traceId}` === trace.trace_id);
      const summary = summarizeTrace(spans);
      // MLflow reads session.id / user.id from the attributes as it stores them, JSON-encoded, and so keeps
      // the quotes (`"\"session-core-1\""`); summarizeTrace gives the id itself.
      const decoded = (v: string | null) => (v === null ? null : String(JSON.parse(v)));
      // One deliberate difference: MLflow does not read gen_ai.conversation.id (GenAI's session id), so
      // where it has no session and the trace carries a conversation id, the project's session is that id.
      const conversation = spans.map((s) => s.attributes["gen_ai.conversation.id"]).find((v) => typeof v === "string");
      const mlflowSession = decoded(trace.session_id);
      const expectedSession = mlflowSession === null && conversation !== undefined ? conversation : mlflowSession;
      expect({ state: summary.state, session: summary.session ?? null, user: summary.user ?? null }).toEqual({
        state: ERROR_MARKED.has(trace.file) ? (expect(trace.state).toBe("OK"), "ERROR") : trace.state,
        session: expectedSession,
        user: decoded(trace.user_id),
      });
    });
  }
});
