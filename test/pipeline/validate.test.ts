/** One span that triggers each validateSpan code and one that does not. */
import { describe, expect, it } from "vitest";
import { REQUIRABLE_FIELDS, validateSpan, type Attributes, type SpanLike, type ValidateOptions } from "../../src/index.js";
import { FIELD_SCOPES } from "../../src/pipeline/requirements.js";
import { CONVENTIONS } from "../../src/conventions/index.js";

const codes = (attributes: Attributes, options: ValidateOptions = {}) =>
  validateSpan({ name: "s", attributes }, options)
    .map((d) => [d.code, d.severity, d.key]);

const goodChat: Attributes = {
  "gen_ai.operation.name": "chat",
  "gen_ai.provider.name": "openai",
  "gen_ai.request.model": "gpt-4o",
  "gen_ai.response.model": "gpt-4o-2024",
  "gen_ai.usage.input_tokens": 10,
  "gen_ai.usage.output_tokens": 2,
  "gen_ai.response.finish_reasons": ["stop"],
};

describe("validateSpan codes", () => {
  it("a complete GenAI chat span has no findings", () => {
    expect(codes(goodChat)).toEqual([]);
  });

  it("deprecated-attribute names the replacement", () => {
    const { "gen_ai.provider.name": _provider, ...rest } = goodChat;
    const d = validateSpan({ attributes: { ...rest, "gen_ai.system": "openai" } }).find((x) => x.code === "deprecated-attribute");
    expect(d).toMatchObject({ code: "deprecated-attribute", severity: "warning", key: "gen_ai.system" });
    expect(d!.message).toContain("use gen_ai.provider.name");
  });

  it("the first OpenLLMetry releases' llm.usage.prompt_tokens / completion_tokens are deprecated, with the GenAI keys named", () => {
    const found = validateSpan({ attributes: { "llm.request.type": "chat", "llm.usage.prompt_tokens": 3, "llm.usage.completion_tokens": 1 } }).filter((x) => x.code === "deprecated-attribute");
    expect(found.map((d) => [d.key, d.message])).toEqual([
      ["llm.request.type", "llm.request.type is deprecated in openllmetry (removed in semconv_ai 0.5); use gen_ai.operation.name"],
      ["llm.usage.prompt_tokens", "llm.usage.prompt_tokens is deprecated in openllmetry; use gen_ai.usage.input_tokens"],
      ["llm.usage.completion_tokens", "llm.usage.completion_tokens is deprecated in openllmetry; use gen_ai.usage.output_tokens"],
    ]);
  });

  it("attribute-missing for a required key; a deprecated spelling satisfies it", () => {
    const { "gen_ai.provider.name": _provider, ...rest } = goodChat;
    expect(codes(rest)).toEqual([["attribute-missing", "error", "gen_ai.provider.name"]]);
    expect(codes({ ...rest, "gen_ai.system": "openai" })).toEqual([["deprecated-attribute", "warning", "gen_ai.system"]]);
  });

  it("attribute-recommended only where the rule applies", () => {
    const { "gen_ai.usage.input_tokens": _in, ...rest } = goodChat;
    // The GenAI translation itself also notes the usage gap (usage-incomplete, no key).
    expect(codes(rest)).toEqual([
      ["usage-incomplete", "warning", undefined],
      ["attribute-recommended", "warning", "gen_ai.usage.input_tokens"],
    ]);
    expect(codes({ "gen_ai.operation.name": "execute_tool", "gen_ai.provider.name": "openai", "gen_ai.tool.name": "f" })).toEqual([]);
  });

  it("wrong-type for a value of the wrong type", () => {
    expect(codes({ ...goodChat, "gen_ai.usage.input_tokens": "10" })).toEqual([["wrong-type", "error", "gen_ai.usage.input_tokens"]]);
    expect(codes({ ...goodChat, "gen_ai.response.finish_reasons": "stop" })).toEqual([["wrong-type", "error", "gen_ai.response.finish_reasons"]]);
  });

  it("invalid-json for a JSON attribute that does not parse (reported once)", () => {
    const found = codes({ ...goodChat, "gen_ai.input.messages": "[{" }).filter(([code]) => code === "invalid-json");
    expect(found).toHaveLength(1);
    expect(codes({ ...goodChat, "gen_ai.input.messages": '[{"role":"user","parts":[]}]' }).filter(([c]) => c === "invalid-json")).toEqual([]);
  });

  it("unknown-value: info for open enums, warning for closed ones", () => {
    expect(codes({ ...goodChat, "gen_ai.provider.name": "acme" })).toEqual([["unknown-value", "info", "gen_ai.provider.name"]]);
    const oi = codes({ "openinference.span.kind": "BANANA", "input.value": "x", "output.value": "y" });
    expect(oi).toContainEqual(["unknown-value", "warning", "openinference.span.kind"]);
    // A known value of a closed enum: no unknown-value (the two keys are legacy aliases, flagged as such).
    expect(codes({ "llm.request.type": "chat", "llm.usage.total_tokens": 3, "gen_ai.usage.input_tokens": 1, "gen_ai.usage.output_tokens": 2 })).toEqual([
      ["deprecated-attribute", "warning", "llm.request.type"],
      ["deprecated-attribute", "warning", "llm.usage.total_tokens"],
    ]);
    expect(codes({ "llm.request.type": "chat-ish" })).toEqual([
      ["unknown-value", "warning", "llm.request.type"],
      ["deprecated-attribute", "warning", "llm.request.type"],
    ]);
  });

  it("convention-missing when the named convention is absent", () => {
    expect(codes(goodChat, { convention: "openinference" })).toContainEqual(["convention-missing", "error", undefined]);
    expect(codes(goodChat, { convention: "genai" })).toEqual([]);
  });

  it("missing-field for required canonical fields, only on LLM spans", () => {
    expect(codes({ "mlflow.spanType": '"LLM"' }, { require: ["spanType", "model"] })).toEqual([["missing-field", "error", "model"]]);
    expect(codes({ "http.request.method": "GET" }, { require: ["inputs"] })).toEqual([["no-convention", "info", undefined]]);
  });

  it("attribute keys named like Object.prototype members are just keys", () => {
    expect(codes({ ...goodChat, constructor: "x", toString: 1, "gen_ai.operation.name": Object.create(null) })).toContainEqual([
      "wrong-type",
      "error",
      "gen_ai.operation.name",
    ]);
  });

  it("throws on an unknown required field", () => {
    expect(() => validateSpan({ attributes: {} }, { require: ["colour" as never] })).toThrow(/unknown required field/);
  });
});

/** The `missing-field` diagnostics of a span, as [key, message]. */
const missing = (span: SpanLike, require: ValidateOptions["require"] = REQUIRABLE_FIELDS) =>
  validateSpan(span, { require }).filter((d) => d.code === "missing-field").map((d) => [d.key, d.message]);
const missingKeys = (span: SpanLike, require?: ValidateOptions["require"]) => missing(span, require).map(([key]) => key);

describe("validateSpan require: each field only where it applies", () => {
  const bare = (kind: string) => ({ name: kind, attributes: { "openinference.span.kind": kind } });

  it.each([
    // Non-model spans never carry usage, a model, a provider or tools.
    ["TOOL", ["inputs", "outputs"]],
    ["AGENT", ["inputs", "outputs"]],
    ["CHAIN", ["inputs", "outputs"]],
    ["RETRIEVER", ["inputs", "outputs"]],
    ["RERANKER", ["inputs", "outputs"]],
    ["GUARDRAIL", ["inputs", "outputs"]],
    // Model calls need them all; tools only on chat and completion calls.
    ["LLM", ["inputs", "outputs", "tokenUsage", "model", "provider", "tools"]],
    ["EMBEDDING", ["inputs", "outputs", "tokenUsage", "model", "provider"]],
  ])("an empty OpenInference %s span is asked for %j", (kind, fields) => {
    expect(missingKeys(bare(kind))).toEqual(fields);
  });

  it("spanType on every span that uses an LLM convention, never on a plain HTTP span", () => {
    expect(missingKeys({ attributes: { "gen_ai.provider.name": "openai" } }, ["spanType"])).toEqual(["spanType"]);
    expect(missingKeys({ attributes: { "gen_ai.operation.name": "chat" } }, ["spanType"])).toEqual([]);
    expect(missingKeys({ attributes: { "http.request.method": "POST" } })).toEqual([]);
  });

  it("a failed call (status ERROR) is not asked for outputs or usage, but still for inputs and the model", () => {
    const chat = { "gen_ai.operation.name": "chat", "gen_ai.provider.name": "openai" };
    const failed = { attributes: chat, status: { code: 2 } } as SpanLike;
    expect(missingKeys(failed)).toEqual(["inputs", "model", "tools"]);
    expect(missingKeys({ attributes: chat, status: { code: 1 } } as SpanLike)).toEqual(["inputs", "outputs", "tokenUsage", "model", "tools"]);
  });

  it("a span that carries the field passes", () => {
    const withUsage = { "openinference.span.kind": "LLM", "llm.token_count.prompt": 3, "llm.token_count.completion": 1 };
    expect(missingKeys({ attributes: withUsage }, ["tokenUsage"])).toEqual([]);
    expect(missingKeys({ attributes: { "openinference.span.kind": "LLM" } }, ["tokenUsage"])).toEqual(["tokenUsage"]);
  });

  it("a field the span's convention has no attribute for is not required (GenAI embeddings have no output key)", () => {
    const embeddings = { "gen_ai.operation.name": "embeddings", "gen_ai.provider.name": "openai", "gen_ai.request.model": "e", "gen_ai.usage.input_tokens": 4 };
    expect(missingKeys({ attributes: embeddings })).toEqual([]);
    // The same span in OpenInference can record its vectors, so there they are required.
    expect(missingKeys({ attributes: { "openinference.span.kind": "EMBEDDING", "embedding.model_name": "e", "llm.provider": "openai", "llm.token_count.prompt": 4, "input.value": "q" } })).toEqual(["outputs"]);
  });

  it("the scope and hint tables cover every requirable field and convention", () => {
    expect(Object.keys(FIELD_SCOPES).sort()).toEqual([...REQUIRABLE_FIELDS].sort());
    for (const m of CONVENTIONS) expect(Object.keys(m.rules.hints).sort(), m.id).toEqual([...REQUIRABLE_FIELDS].sort());
  });
});

describe("validateSpan require: the message names what to add in the span's convention", () => {
  it.each([
    ["genai", { "gen_ai.operation.name": "chat", "gen_ai.provider.name": "openai" }, "add gen_ai.usage.input_tokens and gen_ai.usage.output_tokens (genai)"],
    ["openinference", { "openinference.span.kind": "LLM", "llm.input_messages.0.message.role": "user" }, "add llm.token_count.prompt and llm.token_count.completion (openinference)"],
    ["openllmetry", { "llm.request.type": "chat", "gen_ai.system": "openai" }, "add gen_ai.usage.input_tokens and gen_ai.usage.output_tokens (openllmetry)"],
    ["vercel-ai", { "ai.operationId": "ai.generateText.doGenerate" }, "add ai.usage.inputTokens and ai.usage.outputTokens (vercel-ai)"],
    ["mlflow", { "mlflow.spanType": '"CHAT_MODEL"' }, "add mlflow.chat.tokenUsage (mlflow)"],
  ])("%s: tokenUsage", (_convention, attributes, hint) => {
    expect(missing({ attributes }, ["tokenUsage"])).toEqual([["tokenUsage", `the translated CHAT_MODEL span has no tokenUsage; ${hint}`]]);
  });

  it.each([
    [{ "openinference.span.kind": "RETRIEVER", "input.value": "q" }, "outputs", "retrieval.documents.N.document.content (or output.value)"],
    [{ "openinference.span.kind": "TOOL" }, "outputs", "output.value"],
    [{ "gen_ai.operation.name": "execute_tool", "gen_ai.provider.name": "openai" }, "inputs", "gen_ai.tool.call.arguments"],
    [{ "traceloop.span.kind": "task" }, "inputs", "traceloop.entity.input"],
    [{ "ai.operationId": "ai.toolCall" }, "outputs", "ai.toolCall.result"],
    [{ "ai.operationId": "ai.embed" }, "tokenUsage", "ai.usage.tokens"],
    [{ "gen_ai.provider.name": "openai" }, "spanType", "gen_ai.operation.name"],
  ] as const)("per span type: %j needs %s", (attributes, field, hint) => {
    const [found] = missing({ attributes }, [field]);
    expect(found?.[1]).toMatch(new RegExp(`; add ${hint.replace(/[.()]/g, "\\$&")} \\(`));
  });
});


describe("validateSpan presence rules", () => {
  const recommended = (attributes: Attributes, status?: number) =>
    validateSpan({ attributes, ...(status === undefined ? {} : { status: { code: status } }) } as SpanLike)
      .filter((d) => d.code === "attribute-recommended")
      .map((d) => d.key);

  it.each([
    ["EMBEDDING", { "embedding.embeddings.0.embedding.text": "q", "embedding.embeddings.0.embedding.vector": [0.1, 0.2] }],
    ["RETRIEVER", { "input.value": "q", "retrieval.documents.0.document.content": "doc" }],
    ["RERANKER", { "reranker.query": "q", "reranker.output_documents.0.document.content": "doc" }],
    ["RERANKER", { "reranker.input_documents.0.document.content": "a", "reranker.output_documents.0.document.content": "a" }],
  ])("OpenInference %s: the kind's own lists stand in for input.value / output.value", (kind, attributes) => {
    expect(recommended({ "openinference.span.kind": kind, ...attributes })).toEqual([]);
    expect(recommended({ "openinference.span.kind": kind })).toEqual(["input.value", "output.value"]);
  });

  it("a list of another kind does not stand in (a TOOL span's documents are not its output)", () => {
    expect(recommended({ "openinference.span.kind": "TOOL", "input.value": "x", "retrieval.documents.0.document.content": "d" })).toEqual(["output.value"]);
  });

  it("any index satisfies a list rule, not only .0 (gaps happen)", () => {
    const llm = { "openinference.span.kind": "LLM", "llm.model_name": "m", "llm.token_count.prompt": 1, "llm.token_count.completion": 1 };
    expect(recommended({ ...llm, "llm.input_messages.1.message.role": "user", "llm.output_messages.2.message.role": "assistant" })).toEqual([]);
    expect(recommended({ ...llm, "llm.input_messages.x.message.role": "user", "llm.output_messages.2.message.role": "assistant" })).toEqual(["input.value"]);
  });

  it("a failed call (status ERROR) is not expected to have outputs, usage or a response", () => {
    const oi = { "openinference.span.kind": "LLM", "llm.model_name": "m", "input.value": "q" };
    expect(recommended(oi, 2)).toEqual([]);
    expect(recommended(oi, 1)).toEqual(["llm.token_count.prompt", "llm.token_count.completion", "output.value"]);
    const genai = { "gen_ai.operation.name": "chat", "gen_ai.provider.name": "openai", "gen_ai.request.model": "m" };
    expect(recommended(genai, 2)).toEqual([]);
    expect(recommended(genai)).toEqual(["gen_ai.usage.input_tokens", "gen_ai.usage.output_tokens", "gen_ai.response.model", "gen_ai.response.finish_reasons"]);
  });

  it("--convention: plain HTTP spans are not held to it; a span in another LLM convention is", () => {
    const http = validateSpan({ attributes: { "http.request.method": "POST", "url.full": "https://x" } }, { convention: "openinference", require: ["inputs"] });
    expect(http.map((d) => d.code)).toEqual(["no-convention"]);
    const genai = codes(goodChat, { convention: "openinference" });
    expect(genai).toContainEqual(["convention-missing", "error", undefined]);
    expect(genai).toContainEqual(["attribute-missing", "error", "openinference.span.kind"]);
  });
});

describe("the package's validateSpan and its convention option", () => {
  const span = { attributes: { "gen_ai.operation.name": "chat", "gen_ai.request.model": "m" } };
  it("null means no convention, as undefined does (a JavaScript caller's `args.convention ?? null`)", () => {
    expect(validateSpan(span, { convention: null as never })).toEqual(validateSpan(span));
  });
  it("an empty string names no convention: a TypeError naming the valid ids", () => {
    expect(() => validateSpan(span, { convention: "" as never })).toThrow(/^validateSpan: unknown convention ""; use one of mlflow, /);
  });
});
