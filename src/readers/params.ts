/**
 * The one request-parameter vocabulary and validator every parser uses. A convention lists its
 * parameter keys as `ParamSpec`s (attribute key, the OpenAI-style name in canonical `inputs`, and the
 * kind of value); `readParams` checks each present key, reports a wrong type once, in one wording
 * (`invalid-value`), and returns the valid values under their canonical names.
 */
import type { Obj } from "../internal/records.js";
import type { ParseContext } from "./context.js";
import type { KeyGroup } from "./groups.js";
import { describeValue, parseMaybeJson } from "./values.js";

/**
 * - `number` / `int` / `boolean` / `string`: that type (`finite` excludes NaN and ±Infinity);
 * - `strings`: a list of strings, or a single string (as a one-item list), or the JSON text of a list;
 * - `any`: any non-null value; JSON text of an object or list is parsed.
 */
export type ParamKind = "number" | "finite" | "int" | "boolean" | "string" | "strings" | "any";

export interface ParamSpec {
  readonly key: string;
  /** The name in canonical `inputs` (OpenAI's: temperature, top_p, max_tokens, stop, seed, …). */
  readonly param: string;
  readonly kind: ParamKind;
}

/** The value of a parameter attribute in canonical form, or undefined when it is not of its kind. */
export function paramValue(raw: unknown, kind: ParamKind): unknown {
  switch (kind) {
    case "number":
      return typeof raw === "number" ? raw : undefined;
    case "finite":
      return typeof raw === "number" && Number.isFinite(raw) ? raw : undefined;
    case "int":
      return typeof raw === "number" && Number.isInteger(raw) ? raw : undefined;
    case "boolean":
      return typeof raw === "boolean" ? raw : undefined;
    case "string":
      return typeof raw === "string" ? raw : undefined;
    case "strings": {
      let value = raw;
      if (typeof value === "string") {
        const parsed = parseMaybeJson(value);
        value = parsed.ok && Array.isArray(parsed.value) ? parsed.value : [value];
      }
      return Array.isArray(value) && value.every((v) => typeof v === "string") ? [...value] : undefined;
    }
    case "any": {
      if (raw === null || raw === undefined) return undefined;
      if (typeof raw !== "string") return Array.isArray(raw) ? [...raw] : raw;
      const parsed = parseMaybeJson(raw);
      return parsed.ok && parsed.value !== null && typeof parsed.value === "object" ? parsed.value : raw;
    }
  }
}

export interface ReadParamsOptions {
  /** The key group of each spec, in order (skipped when absent from the span). */
  readonly groups?: readonly KeyGroup[];
  /** Consume each valid key (default true); a parser that offers parameters only with content consumes later. */
  readonly consume?: boolean;
}

/**
 * Adds the valid parameters of `specs` to `params`, first spelling first (a name already in `params`
 * is kept), and returns the keys read. A value of the wrong kind gets an `invalid-value` warning and
 * stays in the span's attributes.
 */
export function readParams(ctx: ParseContext, specs: readonly ParamSpec[], params: Obj, options: ReadParamsOptions = {}): string[] | undefined {
  let keys: string[] | undefined;
  const groups = options.groups;
  const consume = options.consume !== false;
  for (let i = 0; i < specs.length; i++) {
    const { key, param, kind } = specs[i]!;
    if ((groups !== undefined && !ctx.present(groups[i]!)) || !ctx.has(key)) continue;
    const raw = ctx.get(key);
    const value = paramValue(raw, kind);
    if (value === undefined) {
      ctx.diagnose("invalid-value", "warning", `${key} has the wrong type (${describeValue(raw)}); left out of inputs`, key);
      continue;
    }
    (keys ??= []).push(key);
    if (consume) ctx.consume(key);
    if (!(param in params)) params[param] = value;
  }
  return keys;
}

/**
 * Request keys under `gen_ai.*` that OpenLLMetry's Python semconv_ai 0.5 writes and the GenAI spec does
 * not have (its `llm.*` keys renamed, MIGRATION.md section 2). Shared because two conventions use it:
 * the GenAI parser reads them (0.5 spans carry GenAI keys) after the spec's keys, a spec key winning a
 * name both give (`reasoning.level`), and the OpenLLMetry emitter writes them.
 */
export const OPENLLMETRY_GENAI_PARAMS: readonly ParamSpec[] = [
  { key: "gen_ai.request.reasoning_effort", param: "reasoning_effort", kind: "string" },
  { key: "gen_ai.request.reasoning_summary", param: "reasoning_summary", kind: "string" },
  { key: "gen_ai.is_streaming", param: "stream", kind: "boolean" },
  { key: "gen_ai.user", param: "user", kind: "string" },
  { key: "gen_ai.request.repetition_penalty", param: "repetition_penalty", kind: "finite" },
  { key: "gen_ai.request.n", param: "n", kind: "int" },
  { key: "gen_ai.request.max_completion_tokens", param: "max_completion_tokens", kind: "int" },
];
