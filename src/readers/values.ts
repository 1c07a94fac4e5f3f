/** Small readers shared by the convention parsers, so each wording of a diagnostic exists once. */
import { cannotBeJson, looksLikeJsonContainer, safeJsonParse, safeJsonStringify } from "../internal/json.js";
import { RANK, type JsonValue, type ParseContext } from "./context.js";
import { GENAI_PROVIDER_ALIASES, providerFromModel, providerFromSpanName } from "../canonical/providers.js";

/** A value as it appears in a diagnostic: its JSON, cut at 80 characters. */
export function describeValue(value: unknown): string {
  const text = value === undefined ? "undefined" : safeJsonStringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** The attribute's value when it is a non-empty string; any other value is reported (`invalid-value`). */
export function readString(ctx: ParseContext, key: string): string | undefined {
  if (!ctx.has(key)) return undefined;
  const value = ctx.get(key);
  if (typeof value === "string" && value !== "") return value;
  ctx.diagnose("invalid-value", "warning", `${key} should be a non-empty string, got ${describeValue(value)}`, key);
  return undefined;
}

/**
 * Consumes `key` unless reading it left some of its entries out (a diagnostic on the key since
 * `before`): then the attribute stays, even with `keepSource: false`, as the record of what was left out.
 */
export function consumeUnlessLeftOut(ctx: ParseContext, key: string, before: number): void {
  if (ctx.truncated) {
    // Some diagnostics were only counted: keep the key rather than guess.
    ctx.keep(key);
    return;
  }
  for (let i = before; i < ctx.diagnostics.length; i++) {
    if (ctx.diagnostics[i]!.key === key) {
      ctx.keep(key);
      return;
    }
  }
  ctx.consume(key);
}

/**
 * An attribute that an SDK writes as the JSON of any value (JSON.stringify / json.dumps): a string
 * arrives quoted (`"\"PARIS\""`) and a number as `"60"`, so any JSON value is decoded. Text that is not
 * JSON (hand-written spans) is the string itself; a broken JSON object or array is diagnosed
 * (`invalid-json`) and refused, so the caller keeps it raw.
 */
export function readJsonValue(ctx: ParseContext, key: string): JsonValue {
  const raw = ctx.get(key);
  if (typeof raw === "string" && !looksLikeJsonContainer(raw)) {
    const parsed = cannotBeJson(raw) ? undefined : ctx.jsonScalar(raw);
    return { ok: true, value: parsed !== undefined && parsed.ok ? parsed.value : raw };
  }
  return ctx.json(key);
}

/**
 * When no parser found a provider key: a provider inferred from the model id, else from the span name
 * (canonical/providers.ts), offered at RANK.inferred so any provider key on the span wins.
 */
export function inferProvider(ctx: ParseContext, convention: string): void {
  if (ctx.current("provider") !== undefined) return;
  const model = ctx.current("model")?.value;
  const value = (typeof model === "string" ? providerFromModel(model) : undefined) ?? providerFromSpanName(ctx.name);
  if (value !== undefined) ctx.offer("provider", value, RANK.inferred, convention);
}

/** A provider name in the GenAI spec's spelling: lower-cased, old and vendor names renamed (`vertex_ai` -> `gcp.vertex_ai`). */
export function normalizeProvider(raw: string): string {
  const lower = raw.trim().toLowerCase();
  return Object.prototype.hasOwnProperty.call(GENAI_PROVIDER_ALIASES, lower) ? GENAI_PROVIDER_ALIASES[lower]! : lower;
}

/** A JSON-ish value that may be a JSON string (sometimes encoded twice) -> the parsed value. */
export function parseMaybeJson(value: unknown): { ok: true; value: unknown } | { ok: false } {
  if (typeof value !== "string") return value === undefined ? { ok: false } : { ok: true, value };
  const first = safeJsonParse(value);
  if (!first.ok) return { ok: false };
  if (typeof first.value === "string") {
    const second = safeJsonParse(first.value);
    if (second.ok && second.value !== null && typeof second.value === "object") return { ok: true, value: second.value };
  }
  return { ok: true, value: first.value };
}
