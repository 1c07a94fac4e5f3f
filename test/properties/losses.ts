import { providerFromModel } from "../../src/canonical/providers.js";
/** Helpers for the round-trip tests: read and remove canonical paths listed in the writable folders' `losses.ts` (LOSSES). */
import { LOSSES as CANNOT_CARRY } from "../../src/conventions/round-trips.js";
import type { EmitTarget } from "../../src/index.js";

/** Every value at a dotted path; `[]` walks each element of a list. Missing steps give nothing. */
export function valuesAt(value: unknown, path: string): unknown[] {
  let current: unknown[] = [value];
  for (const step of path.split(".")) {
    const each = step.endsWith("[]");
    const key = each ? step.slice(0, -2) : step;
    const next: unknown[] = [];
    for (const v of current) {
      if (v === null || typeof v !== "object" || !Object.prototype.hasOwnProperty.call(v, key)) continue;
      const child = (v as Record<string, unknown>)[key];
      if (each) {
        if (Array.isArray(child)) next.push(...child);
      } else next.push(child);
    }
    current = next;
  }
  return current;
}

/** A deep copy (through JSON) without the paths; an object left empty by it stays. */
export function withoutPaths<T>(value: T, paths: readonly string[]): T {
  const copy = value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
  for (const path of paths) {
    const steps = path.split(".");
    const last = steps.pop() as string;
    const parents = steps.length === 0 ? [copy] : valuesAt(copy, steps.join("."));
    for (const p of parents) if (p !== null && typeof p === "object" && !Array.isArray(p)) delete (p as Record<string, unknown>)[last];
  }
  return copy;
}

/** The `strip` paths of a target's "cannot carry" entries. */
export function strippedPaths(to: EmitTarget): string[] {
  return CANNOT_CARRY[to].flatMap((loss) => loss.strip ?? []);
}

/**
 * Shape losses (entries without `strip`) that real data shows, as a rewrite applied to both sides of a
 * fixture comparison: `target/id` of the table entry -> the canonical form both sides are brought to.
 * carry.test.ts checks each key names a table entry.
 */
export const NORMALIZERS: Record<string, (span: unknown) => void> = {
  // OpenLLMetry marks a model span that has nothing else of its own with `gen_ai.is_streaming`: false and absent are one.
  "openllmetry/stream-flag": (span) => {
    const s = span as { inputs?: unknown };
    if (typeof s.inputs !== "object" || s.inputs === null || Array.isArray(s.inputs)) return;
    const inputs = s.inputs as Record<string, unknown>;
    if (inputs.stream !== false) return;
    delete inputs.stream;
    if (Object.keys(inputs).length === 0) delete s.inputs;
  },
  // The reply's model, when the outputs name one, is the `model` that comes back (not through
  // OpenInference: its llm.model_name is the canonical model).
  ...Object.fromEntries((["genai", "openllmetry"] as const).map((to) => [`${to}/model-from-response`, modelFromResponse])),
  // Only the canonical keys of a choice and its message, and no null optional key.
  ...Object.fromEntries((["genai", "openinference", "openllmetry"] as const).map((to) => [`${to}/raw-reply-keys`, rawReplyKeys])),
  // A span without a provider whose model id names one comes back with it (providerFromModel).
  ...Object.fromEntries(
    (["genai", "openinference", "openllmetry"] as const).map((to) => [
      `${to}/provider-inferred`,
      (span: unknown) => {
        const s = span as { provider?: unknown; model?: unknown };
        if (s.provider === undefined && typeof s.model === "string") {
          const inferred = providerFromModel(s.model);
          if (inferred !== undefined) s.provider = inferred;
        }
      },
    ]),
  ),
};

/**
 * A deep copy with the target's shape normalisers applied, then without its strip paths (and `extra`
 * paths): normalisers run first, since one may read a field a strip removes (model-from-response
 * reads `outputs.model`).
 */
export function comparable<T>(value: T, to: EmitTarget, extra: readonly string[] = []): T {
  const copy = withoutPaths(value, []);
  for (const loss of CANNOT_CARRY[to]) NORMALIZERS[`${to}/${loss.id}`]?.(copy);
  return withoutPaths(copy, [...strippedPaths(to), ...extra]);
}

/** The strip paths of the named entries of a target; an id the table does not list is a test bug. */
export function stripOf(to: EmitTarget, ...ids: string[]): string[] {
  return ids.flatMap((id) => {
    const loss = CANNOT_CARRY[to].find((l) => l.id === id);
    if (!loss?.strip) throw new Error(`src/conventions/carry.ts lists no strippable "${id}" for ${to}`);
    return [...loss.strip];
  });
}

/** Deletes the keys not in `keys`, and the null ones among them but `content` and `finish_reason` (null there is a value). */
function keepOnly(record: Record<string, unknown>, keys: readonly string[]): void {
  for (const key of Object.keys(record)) {
    if (!keys.includes(key) || (record[key] === null && key !== "content" && key !== "finish_reason")) delete record[key];
  }
}

function modelFromResponse(span: unknown): void {
  const s = span as { model?: unknown; outputs?: { model?: unknown } };
  if (typeof s.outputs === "object" && s.outputs !== null && typeof s.outputs.model === "string") s.model = s.outputs.model;
}

function rawReplyKeys(span: unknown): void {
  const choices = (span as { outputs?: { choices?: unknown } }).outputs?.choices;
  if (!Array.isArray(choices)) return;
  for (const choice of choices) {
    if (choice === null || typeof choice !== "object") continue;
    keepOnly(choice as Record<string, unknown>, ["index", "message", "finish_reason"]);
    const message = (choice as { message?: unknown }).message;
    if (message !== null && typeof message === "object") keepOnly(message as Record<string, unknown>, ["role", "content", "tool_calls", "tool_call_id", "name", "refusal"]);
  }
}
