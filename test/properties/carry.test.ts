/**
 * The "cannot carry" tables (each writable folder's `losses.ts`, LOSSES in src/conventions/round-trips.ts) are exact in both directions:
 * - each listed loss really happens: a witness span changes at the listed path on canonical -> emit -> parse;
 * - every entry has a witness and every witness an entry, so the table cannot drift from the tests;
 * - the README section renders each module's list as its own table, exactly and in order.
 * Round trips that exclude nothing else are in genai/openinference/openllmetry.test.ts (generated spans)
 * and cross-convention.test.ts (captured fixtures, compared after removing exactly the `strip` paths).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CONVENTIONS } from "../../src/conventions/index.js";
import { LOSSES as CANNOT_CARRY } from "../../src/conventions/round-trips.js";
import type { ConventionModule } from "../../src/conventions/types.js";
import { EMIT_TARGETS, fromMlflowSpan, toMlflowSpan, type ChatMessage, type EmitTarget, type MlflowSpan } from "../../src/index.js";
import { ROOT } from "../helpers/fixtures.js";
import { NORMALIZERS, strippedPaths, valuesAt, withoutPaths } from "./losses.js";

const call = { id: "c1", type: "function" as const, function: { name: "get_weather", arguments: '{"city":"Paris"}' } };
function chat(fields: { messages?: ChatMessage[]; inputs?: Record<string, unknown>; choices?: unknown[]; outputs?: Record<string, unknown> } & Partial<MlflowSpan> = {}): MlflowSpan {
  const { messages, inputs, choices, outputs, ...rest } = fields;
  return {
    name: "chat",
    spanType: "CHAT_MODEL",
    inputs: { messages: messages ?? [{ role: "user", content: "hi" }], ...inputs },
    outputs: { ...outputs, choices: choices ?? [{ index: 0, message: { role: "assistant", content: "hello" }, finish_reason: "stop" }] },
    model: "gpt-4o",
    provider: "openai",
    attributes: {},
    conventions: [],
    diagnostics: [],
    ...rest,
  };
}
const usage = { input_tokens: 10, output_tokens: 5, total_tokens: 15 };
const onePart = chat({ messages: [{ role: "user", content: [{ type: "text", text: "hi" }] }] });
const belowCache = chat({ tokenUsage: { input_tokens: 2, output_tokens: 5, total_tokens: 7, cache_read_input_tokens: 8 } });
const audio = chat({ tokenUsage: { ...usage, input_audio_tokens: 3, output_audio_tokens: 1 } });
const strict = chat({ tools: [{ type: "function", function: { name: "f", parameters: { type: "object" }, strict: true } }] });
const format = chat({ messageFormat: "custom" });
const cost = chat({ cost: { input_cost: 0.1, output_cost: 0.2, total_cost: 0.3 } });
const refusal = chat({ choices: [{ index: 0, message: { role: "assistant", content: null, refusal: "I cannot help" }, finish_reason: "stop" }] });
const otherParameter = chat({ inputs: { seed: 7, user: "u1" } });
const otherOutputKey = chat({ outputs: { id: "r1", system_fingerprint: "fp_1" } });
// MLflow's OpenAI autolog span: the request's model, and the raw reply naming a dated one with null keys.
const responseModel = chat({ outputs: { model: "gpt-4o-2024-08-06" } });
const rawReply = chat({ choices: [{ index: 0, message: { role: "assistant", content: "hello", refusal: null, annotations: [], audio: null }, finish_reason: "stop", logprobs: null }] });
const wrapper = (spanType: MlflowSpan["spanType"], inputs: unknown, outputs?: unknown): MlflowSpan => {
  const span: MlflowSpan = { name: "w", spanType, inputs, attributes: {}, conventions: [], diagnostics: [] };
  if (outputs !== undefined) span.outputs = outputs;
  return span;
};

/** For each `target/id`: a span showing the loss and the path where it shows (default: the first strip path). */
const WITNESSES: Record<string, { span: MlflowSpan; path?: string }> = {
  "genai/no-operation": { span: wrapper("CHAIN", { q: 1 }), path: "spanType" },
  "genai/non-chat-inputs-outputs": { span: wrapper("AGENT", { q: 1 }, "done"), path: "inputs" },
  "genai/retrieval-document-fields": { span: wrapper("RETRIEVER", "capital of France", [{ id: "d1", page_content: "Paris", metadata: { score: 0.9, content: "html" } }]) },
  "genai/tool-json-text": { span: wrapper("TOOL", '{ "city": "Paris" }', '["sunny"]'), path: "inputs" },
  "genai/one-text-part": { span: onePart, path: "inputs.messages[].content" },
  "genai/tool-message-parts": {
    span: chat({ messages: [{ role: "assistant", content: null, tool_calls: [call] }, { role: "tool", tool_call_id: "c1", content: [{ type: "text", text: "sun" }, { type: "text", text: "ny" }] }] }),
    path: "inputs.messages[].content",
  },
  "genai/system-messages-merge": { span: chat({ provider: "anthropic", messages: [{ role: "system", content: "a" }, { role: "system", content: "b" }, { role: "user", content: "hi" }] }), path: "inputs.messages" },
  "genai/other-parameters": { span: otherParameter, path: "inputs.user" },
  "genai/request-model": { span: chat() },
  "genai/response-model": { span: chat({ inputs: { model: "gpt-4o" }, model: "gpt-4o-2024-08-06" }) },
  "genai/finish-reason-vocabulary": { span: chat({ choices: [{ index: 0, message: { role: "assistant", content: "x" }, finish_reason: "tool-calls" }] }), path: "outputs.choices[].finish_reason" },
  "genai/reasoning-signature": { span: chat({ choices: [{ index: 0, message: { role: "assistant", content: [{ type: "reasoning", text: "hmm", signature: "sig" }, { type: "text", text: "x" }] }, finish_reason: "stop" }] }), path: "outputs.choices[].message.content[].signature" },
  "genai/total-tokens": { span: chat({ tokenUsage: { input_tokens: 10, output_tokens: 5, total_tokens: 20 } }), path: "tokenUsage.total_tokens" },
  "genai/input-below-cache": { span: belowCache, path: "tokenUsage.input_tokens" },
  "genai/model-from-response": { span: responseModel, path: "model" },
  "genai/raw-reply-keys": { span: rawReply, path: "outputs.choices[].message" },
  "genai/provider-inferred": { span: chat({ model: "gpt-4o", provider: undefined }), path: "provider" },
  "genai/tool-strict": { span: strict },
  "genai/provider-spelling": { span: chat({ provider: "OpenAI" }), path: "provider" },
  "genai/cost": { span: cost },
  "genai/message-format": { span: format },

  "openinference/one-text-part": { span: onePart, path: "inputs.messages[].content" },
  "openinference/one-finish-reason": {
    span: chat({ choices: [{ index: 0, message: { role: "assistant", content: "a" }, finish_reason: "stop" }, { index: 1, message: { role: "assistant", content: "b" }, finish_reason: "length" }] }),
    path: "outputs.choices[].finish_reason",
  },
  "openinference/user-tool-call-id": { span: chat({ messages: [{ role: "user", content: "r", tool_call_id: "c1" }] }), path: "inputs.messages[].role" },
  "openinference/refusal": { span: refusal, path: "outputs.choices[].message.refusal" },
  "openinference/system-and-tools-parameters": { span: chat({ inputs: { system: "be brief" } }), path: "inputs.system" },
  "openinference/other-output-keys": { span: otherOutputKey, path: "outputs.system_fingerprint" },
  "openinference/input-below-cache": { span: belowCache, path: "tokenUsage.input_tokens" },
  "openinference/raw-reply-keys": { span: rawReply, path: "outputs.choices[].message" },
  "openinference/provider-inferred": { span: chat({ model: "gpt-4o", provider: undefined }), path: "provider" },
  "openinference/provider-case": { span: chat({ provider: "OpenAI" }), path: "provider" },
  "openinference/embedding-input-string": { span: { ...wrapper("EMBEDDING", { input: "text" }), model: "emb" }, path: "inputs.input" },
  "openinference/reranker-text-documents": { span: wrapper("RERANKER", { query: "q", documents: ["Paris.", "Lyon."], top_n: 1 }), path: "inputs.documents" },
  "openinference/negative-zero": { span: wrapper("CHAIN", { x: -0 }), path: "inputs" },
  "openinference/message-format": { span: format },

  "openllmetry/task-kind": { span: wrapper("CHAIN", { q: 1 }), path: "spanType" },
  "openllmetry/one-text-part": { span: onePart, path: "inputs.messages[].content" },
  "openllmetry/tool-message-parts": {
    span: chat({ messages: [{ role: "assistant", content: null, tool_calls: [call] }, { role: "tool", tool_call_id: "c1", content: [{ type: "text", text: "sun" }, { type: "text", text: "ny" }] }] }),
    path: "inputs.messages[].content",
  },
  "openllmetry/reasoning-signature": { span: chat({ choices: [{ index: 0, message: { role: "assistant", content: [{ type: "reasoning", text: "hmm", signature: "sig" }, { type: "text", text: "x" }] }, finish_reason: "stop" }] }), path: "outputs.choices[].message.content[].signature" },
  "openllmetry/finish-reason-vocabulary": { span: chat({ choices: [{ index: 0, message: { role: "assistant", content: "x" }, finish_reason: "tool-calls" }] }), path: "outputs.choices[].finish_reason" },
  "openllmetry/stream-flag": { span: chat(), path: "inputs.stream" },
  "openllmetry/other-parameters": { span: otherParameter, path: "inputs.seed" },
  "openllmetry/other-output-keys": { span: otherOutputKey, path: "outputs.system_fingerprint" },
  "openllmetry/request-model": { span: chat() },
  "openllmetry/response-model": { span: chat() },
  "openllmetry/input-below-cache": { span: belowCache, path: "tokenUsage.input_tokens" },
  "openllmetry/model-from-response": { span: responseModel, path: "model" },
  "openllmetry/raw-reply-keys": { span: rawReply, path: "outputs.choices[].message" },
  "openllmetry/provider-inferred": { span: chat({ model: "gpt-4o", provider: undefined }), path: "provider" },
  "openllmetry/audio-tokens": { span: audio },
  "openllmetry/tool-strict": { span: strict },
  "openllmetry/provider-spelling": { span: chat({ provider: "OpenAI" }), path: "provider" },
  "openllmetry/cost": { span: cost },
  "openllmetry/message-format": { span: format },

  "mlflow/json-text": { span: wrapper("CHAIN", '{"a":1}'), path: "inputs" },
  "mlflow/negative-zero": { span: wrapper("CHAIN", { x: -0 }), path: "inputs" },
};

const roundTrip = (span: MlflowSpan, to: EmitTarget) => toMlflowSpan(fromMlflowSpan(span, { to }));
/** Object.is tells -0 from 0, JSON does not: compare the values at the path with it, deeply. */
const same = (a: unknown, b: unknown): boolean => {
  if (Object.is(a, b)) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  return ka.length === kb.length && ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
};

describe("the cannot-carry table", () => {
  it("has one witness per entry and no witness without an entry", () => {
    const entries = EMIT_TARGETS.flatMap((to) => CANNOT_CARRY[to].map((loss) => `${to}/${loss.id}`));
    expect(new Set(entries).size).toBe(entries.length);
    expect(Object.keys(WITNESSES).sort()).toEqual([...entries].sort());
    // A fixture comparison may only normalise shapes the table lists, and only those without `strip`.
    for (const key of Object.keys(NORMALIZERS)) {
      expect(entries).toContain(key);
      const [to, id] = key.split("/") as [EmitTarget, string];
      expect(CANNOT_CARRY[to].find((l) => l.id === id)?.strip).toBeUndefined();
    }
  });

  for (const to of EMIT_TARGETS) {
    for (const loss of CANNOT_CARRY[to]) {
      it(`${to}: ${loss.id} really is lost`, () => {
        const { span, path = loss.strip?.[0] } = WITNESSES[`${to}/${loss.id}`] ?? {};
        expect(span && path).toBeTruthy();
        const back = roundTrip(span!, to);
        const before = valuesAt(span, path!);
        // An empty `before` is a loss that adds a value (inputs.model written back); `after` must still differ.
        expect(same(valuesAt(back, path!), before)).toBe(false);
        // With the strip paths removed from both sides, a field-wide loss is the only difference at that path.
        if (loss.strip) for (const p of loss.strip) expect(valuesAt(withoutPaths(back, loss.strip), p)).toEqual([]);
      });
    }
  }

  it("a plain chat span comes back exactly in every target once the strip paths are removed", () => {
    const plain = chat({ tokenUsage: usage, messageFormat: "openai", tools: [{ type: "function", function: { name: "f", description: "d", parameters: { type: "object" } } }] });
    const fields = (s: MlflowSpan) => ({ spanType: s.spanType, inputs: s.inputs, outputs: s.outputs, tokenUsage: s.tokenUsage, model: s.model, provider: s.provider, tools: s.tools, cost: s.cost, messageFormat: s.messageFormat });
    for (const to of EMIT_TARGETS) {
      const paths = strippedPaths(to);
      expect({ to, ...withoutPaths(fields(roundTrip(plain, to)), paths) }).toEqual({ to, ...withoutPaths(fields(plain), paths) });
    }
  });

  it("the README section renders each writable module's losses: its own table, exactly, in order", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const start = readme.indexOf("## Round trips: what each convention cannot carry");
    expect(start).toBeGreaterThan(-1);
    const end = readme.indexOf("\n## ", start + 1);
    const lines = readme.slice(start, end === -1 ? undefined : end).split("\n");
    const writable = (CONVENTIONS as readonly ConventionModule[]).filter((m) => m.emit !== undefined);
    // LOSSES lists exactly the writable modules (tsc checks the keys; this checks no extra entry).
    expect(Object.keys(CANNOT_CARRY).sort()).toEqual(writable.map((m) => m.id).sort());
    // Every target heading, and no heading of a target that is not one.
    const headings = lines.filter((l) => /^\*\*.*\*\* \(`to: "[^"]+"`\)$/.test(l));
    expect(headings.sort()).toEqual(writable.map((m) => `**${m.title}** (\`to: "${m.id}"\`)`).sort());
    for (const m of writable) {
      const at = lines.indexOf(`**${m.title}** (\`to: "${m.id}"\`)`);
      const first = lines.findIndex((l, i) => i > at && l.startsWith("|"));
      const table: string[] = [];
      for (let i = first; i < lines.length && lines[i]!.startsWith("|"); i++) table.push(lines[i]!);
      expect({ to: m.id, rows: table.slice(2) }).toEqual({ to: m.id, rows: CANNOT_CARRY[m.id as keyof typeof CANNOT_CARRY].map((loss) => `| ${loss.field} | ${loss.reason} |`) });
    }
  });
});
