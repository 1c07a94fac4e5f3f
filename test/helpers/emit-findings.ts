/**
 * What `validate --convention <to>` says of an emitted span that the emitter is answerable for
 * (test/properties/emit-validates.test.ts). `validateSpan` is run as the CLI runs it; three kinds of
 * finding are set aside, each for a reason checked against the span, never by code alone:
 *
 * - a key the emitter copied unchanged from the canonical span's preserved attributes: unmapped source
 *   attributes are kept by design (the MLflow target keeps every one, as MLflow stores them), so a
 *   wrong type or a deprecated key there is the source's own, reported when the source is validated;
 * - a missing required or recommended key whose fact the canonical span does not have (no provider, no
 *   token count, no response model, a span type with no operation in the target): nothing is invented;
 * - the deprecation of `gen_ai.usage.cache_creation.input_tokens`, written beside its new name
 *   `cache_write.input_tokens` on purpose while the rename is unreleased (issue 13).
 *
 * Known findings (emitter faults another branch is fixing) are rows of KNOWN_FINDINGS in
 * known-failures.ts; each has a test that fails once it is gone, so whoever fixes it deletes the row.
 */
import { isDeepStrictEqual } from "node:util";
import { validateSpan, type Diagnostic, type EmitTarget, type MlflowSpan, type SpanLike } from "../../src/index.js";
import { chatChoices } from "../../src/readers/chat.js";
import { KNOWN_FINDINGS, type KnownFinding } from "./known-failures.js";

/** Keys the GenAI emitter writes on purpose beside their new name while a rename is unreleased (issue 13). */
export const TRANSITION_KEYS: ReadonlySet<string> = new Set(["gen_ai.usage.cache_creation.input_tokens"]);

/** The span types the GenAI emitter has an operation for; the others are the declared loss genai/no-operation. */
const GENAI_OPERATION_TYPES: ReadonlySet<string> = new Set(["CHAT_MODEL", "LLM", "EMBEDDING", "TOOL", "AGENT", "WORKFLOW", "RETRIEVER"]);

/** The written key would need a fact the canonical span does not have. */
function factAbsent(span: MlflowSpan, key: string): boolean {
  const inputs = (span.inputs ?? {}) as { model?: unknown };
  const outputs = (span.outputs ?? {}) as { model?: unknown };
  const usage = span.tokenUsage ?? {};
  const requestModel = typeof inputs.model === "string" ? inputs.model : span.model;
  switch (key) {
    case "gen_ai.operation.name":
      return !GENAI_OPERATION_TYPES.has(span.spanType);
    case "gen_ai.provider.name":
      return span.provider === undefined;
    case "llm.request.type":
      // The kind key says the span type: an UNKNOWN span has none to say.
      return span.spanType === "UNKNOWN";
    case "gen_ai.request.model":
    case "llm.model_name":
      return requestModel === undefined && span.model === undefined;
    case "gen_ai.response.model":
      // The reader takes gen_ai.response.model as outputs.model: written only when the span has one.
      return typeof outputs.model !== "string" && (span.model === undefined || span.model === requestModel);
    case "gen_ai.usage.input_tokens":
    case "llm.token_count.prompt":
      return usage.input_tokens === undefined;
    case "gen_ai.usage.output_tokens":
    case "llm.token_count.completion":
      return usage.output_tokens === undefined;
    case "gen_ai.response.finish_reasons": {
      const choices = chatChoices(span.outputs) ?? [];
      return choices.length === 0 || choices.some((c) => typeof c.finish_reason !== "string" || c.finish_reason === "");
    }
    case "input.value":
      return span.inputs === undefined;
    case "output.value":
      return span.outputs === undefined;
    default:
      return false;
  }
}

/** The attribute keys a displayed key family (`gen_ai.prompt.N.*`) stands for. */
function familyPattern(display: string): RegExp {
  const segs = display.split(".").map((seg) => (seg === "N" ? "\\d+" : seg === "*" ? ".+" : seg.replace(/[^A-Za-z0-9_]/g, "\\$&")));
  return new RegExp(`^${segs.join("\\.")}$`);
}

/**
 * The finding's key (or, for a finding about a key prefix such as `llm.tools`, every source key under
 * it) is a preserved source attribute the emitter wrote back unchanged.
 */
function copiedUnchanged(key: string, span: MlflowSpan, out: SpanLike): boolean {
  // A key family is named as validate displays it (`gen_ai.prompt.N.*`): N is an index, * the rest.
  const family = key.split(".").some((seg) => seg === "N" || seg === "*") ? familyPattern(key) : undefined;
  const keys = Object.keys(span.attributes).filter((k) => k === key || k.startsWith(`${key}.`) || family?.test(k) === true);
  return keys.length > 0 && keys.every((k) => Object.prototype.hasOwnProperty.call(out.attributes, k) && isDeepStrictEqual(out.attributes[k], span.attributes[k]));
}

/** An event the emitter copied from the canonical span's preserved events (the source's own events). */
function eventCopied(name: string, span: MlflowSpan, out: SpanLike): boolean {
  return (span.events ?? []).some((e) => e.name === name) && (out.events ?? []).some((e) => e.name === name);
}

function setAside(d: Diagnostic, span: MlflowSpan, out: SpanLike): boolean {
  if (d.code === "deprecated-event" && d.key !== undefined && eventCopied(d.key, span, out)) return true;
  if (d.code === "deprecated-attribute" && d.key !== undefined && TRANSITION_KEYS.has(d.key)) return true;
  if (d.key !== undefined && copiedUnchanged(d.key, span, out)) return true;
  if ((d.code === "attribute-missing" || d.code === "attribute-recommended") && d.key !== undefined) return factAbsent(span, d.key);
  // A parser warning about the counts themselves: the canonical usage has no input or no output count.
  if (d.code === "usage-incomplete") return span.tokenUsage?.input_tokens === undefined || span.tokenUsage?.output_tokens === undefined;
  return false;
}

/** Every error and warning of `validate --convention <to>` on `out`, the emission of `span`. */
export function allFindings(out: SpanLike, to: EmitTarget): Diagnostic[] {
  return validateSpan(out, { convention: to }).filter((d) => d.severity !== "info");
}

export function isKnown(d: Diagnostic, span: MlflowSpan, to: EmitTarget, row: KnownFinding): boolean {
  return row.to === to && row.code === d.code && row.key === (d.key ?? "") && (row.spanTypes === undefined || row.spanTypes.includes(span.spanType));
}

/** The findings the emitter is answerable for, known ones included. */
export function emitterFindings(span: MlflowSpan, out: SpanLike, to: EmitTarget): Diagnostic[] {
  return allFindings(out, to).filter((d) => !setAside(d, span, out));
}

/** The same, without the known findings: what must be empty. */
export function newFindings(span: MlflowSpan, out: SpanLike, to: EmitTarget): Diagnostic[] {
  return emitterFindings(span, out, to).filter((d) => !KNOWN_FINDINGS.some((row) => isKnown(d, span, to, row)));
}
