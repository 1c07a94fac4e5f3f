/** Small readers shared by the convention parsers, so each wording of a diagnostic exists once. */
import { safeJsonStringify } from "../internal/json.js";
import type { ParseContext } from "./context.js";

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
