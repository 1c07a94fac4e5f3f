/**
 * Every diagnostic code in the README's table, each with a span that triggers it and a near miss: a
 * span as close to it as possible that does not. Users grep CI logs for these codes, so each must be
 * reachable, and must not fire on the span next to it. A README row without an entry here fails, and
 * so does an entry the README does not list; test/docs.test.ts checks the source against the README,
 * so source, README and this table cannot drift apart.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validateSpan, type Attributes, type SpanLike, type ValidateOptions } from "../../src/index.js";
import { ROOT } from "../helpers/fixtures.js";

interface Case {
  /** The span that must get the code (with `key`, when the code names one). */
  trigger: SpanLike;
  /** The closest span that must not get it. */
  nearMiss: SpanLike;
  key?: string;
  options?: ValidateOptions;
  /** Changes the library's state for both spans (returns the undo). */
  arrange?: () => () => void;
}

const span = (attributes: Attributes, extra: Partial<SpanLike> = {}): SpanLike => ({ name: "s", spanId: "00f067aa0ba902b7", attributes, ...extra });

const chat: Attributes = {
  "gen_ai.operation.name": "chat",
  "gen_ai.provider.name": "openai",
  "gen_ai.request.model": "gpt-4o",
  "gen_ai.response.model": "gpt-4o",
  "gen_ai.usage.input_tokens": 10,
  "gen_ai.usage.output_tokens": 2,
  "gen_ai.response.finish_reasons": ["stop"],
};
const oiLlm: Attributes = { "openinference.span.kind": "LLM", "llm.model_name": "m", "llm.token_count.prompt": 1, "llm.token_count.completion": 1 };
const oiMessage = (index: string | number, role = "user"): Attributes => ({
  [`llm.input_messages.${index}.message.role`]: role,
  [`llm.input_messages.${index}.message.content`]: "hi",
});
const messages = (n: number, role: string): Attributes => Object.assign({}, ...Array.from({ length: n }, (_, i) => oiMessage(i, role)));
/** Traceloop Anthropic's output messages (0.27 also writes gen_ai.usage.total_tokens): one tool call, with a finish reason and arguments. */
const streamedCall = (finish: string, args: unknown) =>
  JSON.stringify([{ role: "assistant", finish_reason: finish, parts: [{ type: "tool_call", id: "toolu_1", name: "get_weather", arguments: args }] }]);
const cohereRerank: Attributes = { "llm.request.type": "rerank", "gen_ai.system": "Cohere", "gen_ai.prompt.0.role": "user", "gen_ai.prompt.0.user": "capital of France?", "documents.0.index": "Paris is in France." };
const nested = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;

const CASES: Record<string, Case> = {
  "no-convention": {
    trigger: span({ "http.request.method": "GET", "url.full": "https://example.com" }),
    nearMiss: span({ "http.request.method": "GET", "gen_ai.operation.name": "chat" }),
  },
  "invalid-json": {
    trigger: span({ ...chat, "gen_ai.input.messages": '[{"role":"user"' }),
    nearMiss: span({ ...chat, "gen_ai.input.messages": '[{"role":"user","parts":[{"type":"text","content":"hi"}]}]' }),
    key: "gen_ai.input.messages",
  },
  "json-too-large": {
    trigger: span({ ...chat, "gen_ai.input.messages": `[${" ".repeat(10 * 1024 * 1024)}]` }),
    nearMiss: span({ ...chat, "gen_ai.input.messages": `[${" ".repeat(1024 * 1024)}]` }),
    key: "gen_ai.input.messages",
  },
  "json-too-deep": {
    trigger: span({ ...chat, "gen_ai.input.messages": nested(200) }),
    nearMiss: span({ ...chat, "gen_ai.input.messages": nested(100) }),
    key: "gen_ai.input.messages",
  },
  "invalid-token-count": {
    trigger: span({ ...chat, "gen_ai.usage.input_tokens": -3 }),
    nearMiss: span({ ...chat, "gen_ai.usage.input_tokens": 0 }),
    key: "gen_ai.usage.input_tokens",
  },
  "usage-incomplete": {
    trigger: span({ "gen_ai.operation.name": "chat", "gen_ai.provider.name": "openai", "gen_ai.usage.input_tokens": 3 }),
    nearMiss: span({ "gen_ai.operation.name": "chat", "gen_ai.provider.name": "openai", "gen_ai.usage.input_tokens": 3, "gen_ai.usage.output_tokens": 0 }),
  },
  "invalid-value": {
    trigger: span({ "mlflow.spanType": '"LLM"', "mlflow.llm.cost": '{"input_cost":"cheap"}' }),
    nearMiss: span({ "mlflow.spanType": '"LLM"', "mlflow.llm.cost": '{"input_cost":0.5}' }),
    key: "mlflow.llm.cost",
  },
  "unknown-span-type": {
    trigger: span({ "mlflow.spanType": '"BANANA"' }),
    nearMiss: span({ "mlflow.spanType": '"RETRIEVER"' }),
    key: "mlflow.spanType",
  },
  "unknown-role": {
    trigger: span({ ...oiLlm, ...oiMessage(0, "wizard") }),
    nearMiss: span({ ...oiLlm, ...oiMessage(0, "developer") }),
  },
  "unsafe-key": {
    trigger: span({ ...oiLlm, ...oiMessage(0), "llm.input_messages.__proto__.message.role": "user" }),
    nearMiss: span({ ...oiLlm, ...oiMessage(0), "llm.input_messages.0.message.name": "proto" }),
    key: "llm.input_messages.__proto__.message.role",
  },
  "index-too-large": {
    trigger: span({ ...oiLlm, ...oiMessage(0), ...oiMessage(20_000) }),
    nearMiss: span({ ...oiLlm, ...oiMessage(0), ...oiMessage(1) }),
    key: "llm.input_messages.20000.message.role",
  },
  "too-many-diagnostics": {
    trigger: span({ ...oiLlm, ...messages(150, "wizard") }),
    nearMiss: span({ ...oiLlm, ...messages(90, "wizard") }),
  },
  "indexed-key-gap": {
    trigger: span({ ...oiLlm, ...oiMessage(0), ...oiMessage(3) }),
    nearMiss: span({ ...oiLlm, ...oiMessage(0), ...oiMessage(1) }),
    key: "llm.input_messages.1",
  },
  "indexed-key-conflict": {
    trigger: span({ ...oiLlm, ...oiMessage(0), "llm.input_messages.0.message": "hi" }),
    nearMiss: span({ ...oiLlm, ...oiMessage(0), "llm.input_messages.0.message.name": "hi" }),
    key: "llm.input_messages.0.message",
  },
  "convention-missing": {
    trigger: span(chat),
    nearMiss: span({ "http.request.method": "GET" }),
    options: { convention: "openinference" },
  },
  "missing-field": {
    trigger: span({ "openinference.span.kind": "LLM", "llm.model_name": "m" }),
    nearMiss: span({ "openinference.span.kind": "TOOL", "input.value": "q" }),
    key: "tokenUsage",
    options: { require: ["tokenUsage"] },
  },
  "attribute-missing": {
    trigger: span({ ...chat, "gen_ai.provider.name": undefined }),
    nearMiss: span({ ...chat, "gen_ai.provider.name": undefined, "gen_ai.system": "openai" }),
    key: "gen_ai.provider.name",
  },
  "attribute-recommended": {
    trigger: span({ "openinference.span.kind": "RETRIEVER", "input.value": "q" }),
    nearMiss: span({ "openinference.span.kind": "RETRIEVER", "input.value": "q", "retrieval.documents.0.document.content": "d" }),
    key: "output.value",
  },
  "wrong-type": {
    trigger: span({ ...chat, "gen_ai.request.temperature": "0.2" }),
    nearMiss: span({ ...chat, "gen_ai.request.temperature": 0.2 }),
    key: "gen_ai.request.temperature",
  },
  "unknown-value": {
    trigger: span({ ...chat, "gen_ai.provider.name": "acme.llm" }),
    nearMiss: span({ ...chat, "gen_ai.provider.name": "mistral_ai" }),
    key: "gen_ai.provider.name",
  },
  "deprecated-attribute": {
    trigger: span({ ...chat, "gen_ai.usage.prompt_tokens": 10 }),
    nearMiss: span({ ...chat, "gen_ai.usage.cache_read.input_tokens": 0 }),
    key: "gen_ai.usage.prompt_tokens",
  },
  "deprecated-event": {
    trigger: span(chat, { events: [{ name: "gen_ai.choice", attributes: { index: 0, finish_reason: "stop", message: '{"content":"hi"}' } }] }),
    nearMiss: span(chat, { events: [{ name: "gen_ai.client.inference.operation.details", attributes: {} }] }),
    key: "gen_ai.choice",
  },
  "invalid-message": {
    trigger: span({ ...oiLlm, ...oiMessage(0), "llm.output_messages.0.role": "assistant" }),
    nearMiss: span({ ...oiLlm, ...oiMessage(0), "llm.output_messages.0.message.role": "assistant" }),
    key: "llm.output_messages.0",
  },
  "invalid-tool": {
    trigger: span({ ...oiLlm, ...oiMessage(0), "llm.tools.0.tool.description": "no name, no schema" }),
    nearMiss: span({ ...oiLlm, ...oiMessage(0), "llm.tools.0.tool.json_schema": '{"type":"function","function":{"name":"f","parameters":{}}}' }),
    key: "llm.tools.0",
  },
  "invalid-document": {
    trigger: span({ "openinference.span.kind": "RETRIEVER", "input.value": "q", "retrieval.documents.0.content": "d" }),
    nearMiss: span({ "openinference.span.kind": "RETRIEVER", "input.value": "q", "retrieval.documents.0.document.content": "d" }),
    key: "retrieval.documents.0",
  },
  "unknown-content-part": {
    trigger: span({
      ...oiLlm,
      "llm.input_messages.0.message.role": "user",
      "llm.input_messages.0.message.contents.0.message_content.type": "hologram",
    }),
    nearMiss: span({
      ...oiLlm,
      "llm.input_messages.0.message.role": "user",
      "llm.input_messages.0.message.contents.0.message_content.type": "text",
      "llm.input_messages.0.message.contents.0.message_content.text": "hi",
    }),
    key: "llm.input_messages.0.message.contents.0",
  },
  "unknown-operation": {
    trigger: span({ ...chat, "gen_ai.operation.name": "dance" }),
    nearMiss: span({ ...chat, "gen_ai.operation.name": "text_completion" }),
    key: "gen_ai.operation.name",
  },
  "missing-span-kind": {
    trigger: span({ "input.value": "q", "output.value": "a" }),
    nearMiss: span({ "openinference.span.kind": "CHAIN", "input.value": "q", "output.value": "a" }),
    key: "openinference.span.kind",
  },
  "unknown-span-kind": {
    trigger: span({ "openinference.span.kind": "WIZARD", "input.value": "q", "output.value": "a" }),
    nearMiss: span({ "openinference.span.kind": "GUARDRAIL", "input.value": "q", "output.value": "a" }),
    key: "openinference.span.kind",
  },
  "content-not-captured": {
    trigger: span(chat, { events: [{ name: "gen_ai.user.message", attributes: {} }] }),
    nearMiss: span(chat, { events: [{ name: "gen_ai.user.message", attributes: { content: "hi" } }] }),
  },
  "system-prompt-recovered": {
    trigger: span({ ...oiLlm, ...oiMessage(0), "llm.invocation_parameters": '{"system":"be brief","max_tokens":10}' }),
    nearMiss: span({ ...oiLlm, ...oiMessage(0, "system"), ...oiMessage(1), "llm.invocation_parameters": '{"system":"be brief","max_tokens":10}' }),
    key: "llm.invocation_parameters",
  },
  "usage-cache-added": {
    trigger: span({ ...chat, "gen_ai.provider.name": "anthropic", "gen_ai.usage.input_tokens": 5, "gen_ai.usage.cache_read.input_tokens": 100 }),
    nearMiss: span({ ...chat, "gen_ai.provider.name": "anthropic", "gen_ai.usage.input_tokens": 105, "gen_ai.usage.cache_read.input_tokens": 100 }),
    key: "gen_ai.usage.input_tokens",
  },
  "tool-arguments-not-captured": {
    trigger: span({ ...chat, "gen_ai.usage.total_tokens": 12, "gen_ai.output.messages": streamedCall("", {}) }, { scope: { name: "@traceloop/instrumentation-anthropic", version: "0.27.0" } }),
    nearMiss: span({ ...chat, "gen_ai.usage.total_tokens": 12, "gen_ai.output.messages": streamedCall("tool_call", {}) }, { scope: { name: "@traceloop/instrumentation-anthropic", version: "0.27.0" } }),
    key: "gen_ai.output.messages",
  },
  "rerank-document-not-recorded": {
    trigger: span({ ...cohereRerank, "gen_ai.completion.0.relevanceScore": 0.9 }),
    nearMiss: span({ ...cohereRerank, "gen_ai.completion.0.relevanceScore": 0.9, "gen_ai.completion.0.content": "Paris is in France." }),
    key: "gen_ai.completion.0.relevanceScore",
  },
};

/** The README's diagnostics table: code -> its severity cell ("warning", "info/warning", …). */
function readmeTable(): Map<string, string> {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const start = readme.indexOf("## Diagnostics");
  const section = readme.slice(start, readme.indexOf("\n## ", start + 1));
  return new Map([...section.matchAll(/^\| `([a-z0-9-]+)` \| ([^|]+) \|/gm)].map((m) => [m[1]!, m[2]!.trim()]));
}

function run(c: Case, which: "trigger" | "nearMiss") {
  const undo = c.arrange?.();
  try {
    const s = c[which];
    // `undefined` in a case's attributes means "this key is absent".
    const attributes = Object.fromEntries(Object.entries(s.attributes ?? {}).filter(([, v]) => v !== undefined));
    return validateSpan({ ...s, attributes }, c.options ?? {});
  } finally {
    undo?.();
  }
}

describe("diagnostic codes: a span that triggers each one, and a near miss that does not", () => {
  const table = readmeTable();
  const documented = [...table.keys()];

  it("the README table lists the codes, and each has a case here (and no case is undocumented)", () => {
    expect(documented.length).toBeGreaterThan(25);
    expect(Object.keys(CASES).filter((code) => !documented.includes(code))).toEqual([]);
    expect(documented.filter((code) => !(code in CASES))).toEqual([]);
  });

  for (const code of documented) {
    it(code, () => {
      const c = CASES[code];
      expect(c, `add a trigger / near-miss case for ${code}`).toBeDefined();
      const triggered = run(c!, "trigger").filter((d) => d.code === code);
      expect(triggered.length, `${code} should be emitted`).toBeGreaterThan(0);
      if (c!.key !== undefined) expect(triggered.map((d) => d.key)).toContain(c!.key);
      // The severity the README gives (too-many-diagnostics takes the worst of those it counts).
      const severities = table.get(code)!.split("/");
      if (severities.every((x) => x === "error" || x === "warning" || x === "info")) {
        for (const d of triggered) expect(severities).toContain(d.severity);
      }
      for (const d of triggered) expect(d.message.length).toBeGreaterThan(10);
      expect(run(c!, "nearMiss").map((d) => d.code)).not.toContain(code);
    });
  }
});
