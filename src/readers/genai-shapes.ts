/**
 * Checks of the GenAI message shapes (the JSON schemas of semconv-genai, pinned in schemas/genai.ts),
 * hand-written so the parser needs no schema library. `isGenAiPart` / `isGenAiMessage` are the fast
 * path: true only for plain objects the schemas accept. `genAiPartIssue` / `genAiMessageIssue` decide
 * the rest and word the diagnostic. Both accept exactly what the zod schemas accept once own
 * `__proto__` keys are dropped (`withoutProtoKeys`, as zod's copy drops them);
 * test/conventions/genai/shapes.test.ts checks that on generated values.
 */
import { isPlainObject, type Obj } from "../internal/records.js";

/** One GenAI message part: a `type` and the fields of that type. */
export type GenAiPart = { type: string; [key: string]: unknown };

const hasOwn = Object.prototype.hasOwnProperty;

/** A message as the parser reads it once checked. */
export interface GenAiMessageShape {
  role: string;
  parts: GenAiPart[];
  name?: string | null | undefined;
  finish_reason?: string | null | undefined;
}

/** `z.string().nullable().optional()` */
function isNullableString(v: unknown): boolean {
  return v === undefined || v === null || typeof v === "string";
}

function isObject(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** `z.object({ type: z.string() }).loose()` */
function isTypedRecord(v: unknown): boolean {
  return isObject(v) && typeof v.type === "string";
}

/** The fields each known part type must have: [field, check, what it must be]. */
type FieldCheck = readonly [field: string, check: (v: unknown, part: Obj) => boolean, expected: string];
const nullableString = (field: string): FieldCheck => [field, isNullableString, "a string or null"];
const string = (field: string): FieldCheck => [field, (v) => typeof v === "string", "a string"];
const typed = (field: string): FieldCheck => [field, isTypedRecord, "an object with a string type"];
const present = (field: string): FieldCheck => [field, (_v, part) => hasOwn.call(part, field), "present"];

const KNOWN_PARTS: Readonly<Record<string, readonly FieldCheck[]>> = {
  text: [string("content")],
  reasoning: [string("content")],
  tool_call: [nullableString("id"), string("name")],
  tool_call_response: [nullableString("id"), present("response")],
  server_tool_call: [nullableString("id"), string("name"), typed("server_tool_call")],
  server_tool_call_response: [nullableString("id"), typed("server_tool_call_response")],
  blob: [nullableString("mime_type"), string("modality"), string("content"), nullableString("transcript")],
  file: [nullableString("mime_type"), string("modality"), string("file_id"), nullableString("transcript")],
  uri: [nullableString("mime_type"), string("modality"), string("uri"), nullableString("transcript")],
  compaction: [nullableString("id"), nullableString("content")],
};

/** Why `raw` is not a GenAI part, or undefined when it is one. */
export function genAiPartIssue(raw: unknown): string | undefined {
  if (!isObject(raw)) return "a part must be an object";
  if (typeof raw.type !== "string") return "type: expected a string";
  const checks = hasOwn.call(KNOWN_PARTS, raw.type) ? KNOWN_PARTS[raw.type]! : [];
  for (const [field, check, expected] of checks) if (!check(raw[field], raw)) return `${field}: expected ${expected}`;
  return undefined;
}

/** The fast path: true when `raw` is a plain object (without an own `__proto__`) that is a GenAI part. */
export function isGenAiPart(raw: unknown): raw is GenAiPart {
  if (!isPlainObject(raw) || hasOwn.call(raw, "__proto__")) return false;
  const p = raw as Obj;
  const type = p.type;
  if (typeof type !== "string") return false;
  switch (type) {
    case "text":
    case "reasoning":
      return typeof p.content === "string";
    case "tool_call":
      return isNullableString(p.id) && typeof p.name === "string";
    case "tool_call_response":
      return isNullableString(p.id) && hasOwn.call(p, "response");
    case "server_tool_call":
      return isNullableString(p.id) && typeof p.name === "string" && isTypedRecord(p.server_tool_call);
    case "server_tool_call_response":
      return isNullableString(p.id) && isTypedRecord(p.server_tool_call_response);
    case "blob":
      return isNullableString(p.mime_type) && typeof p.modality === "string" && typeof p.content === "string" && isNullableString(p.transcript);
    case "file":
      return isNullableString(p.mime_type) && typeof p.modality === "string" && typeof p.file_id === "string" && isNullableString(p.transcript);
    case "uri":
      return isNullableString(p.mime_type) && typeof p.modality === "string" && typeof p.uri === "string" && isNullableString(p.transcript);
    case "compaction":
      return isNullableString(p.id) && isNullableString(p.content);
    default:
      return true;
  }
}

/** Why `raw` is not a GenAI input (or, with `output`, output) message, or undefined when it is one. */
export function genAiMessageIssue(raw: unknown, output: boolean): string | undefined {
  if (!isObject(raw)) return "a message must be an object";
  if (typeof raw.role !== "string") return "role: expected a string";
  if (!isNullableString(raw.name)) return "name: expected a string or null";
  if (output && !isNullableString(raw.finish_reason)) return "finish_reason: expected a string or null";
  const parts = raw.parts;
  if (!Array.isArray(parts)) return "parts: expected an array";
  for (let i = 0; i < parts.length; i++) {
    const issue = genAiPartIssue(parts[i]);
    if (issue !== undefined) return `parts.${i}.${issue}`;
  }
  return undefined;
}

/** True when `raw` is a plain message object (no own `__proto__` in it or its parts) that the schema accepts. */
export function isGenAiMessage(raw: unknown, output: boolean): raw is GenAiMessageShape {
  if (!isPlainObject(raw) || hasOwn.call(raw, "__proto__")) return false;
  const parts = raw.parts;
  if (!Array.isArray(parts)) return false;
  for (let i = 0; i < parts.length; i++) if (!isGenAiPart(parts[i])) return false;
  // The parts passed isGenAiPart, which implies genAiPartIssue: only the message's own fields are left
  // (genAiMessageIssue would check every part again, the slow way).
  return typeof raw.role === "string" && isNullableString(raw.name) && (!output || isNullableString(raw.finish_reason));
}

/**
 * A copy of a message or part without own `__proto__` keys (in it and in its `parts`), or the value
 * itself when it has none: what the schemas' loose copies keep.
 */
export function withoutProtoKeys(raw: unknown): unknown {
  if (!isObject(raw)) return raw;
  const parts = Array.isArray(raw.parts) ? raw.parts : undefined;
  const partsChanged = parts !== undefined && parts.some((p) => isObject(p) && hasOwn.call(p, "__proto__"));
  if (!hasOwn.call(raw, "__proto__") && !partsChanged) return raw;
  const out: Obj = {};
  for (const key of Object.keys(raw)) if (key !== "__proto__") out[key] = raw[key];
  if (partsChanged) out.parts = parts!.map((p) => withoutProtoKeys(p));
  return out;
}
