/**
 * Hand-written checks of the canonical shapes, for the paths that run on every span (toMlflowSpan,
 * toMlflowAttributes, the emitters). They accept exactly what the zod schemas on the
 * `mlflow-semconv/schemas` subpath accept (test/canonical/guards.test.ts checks that on generated
 * values), without bundling a schema library into the core. Each returns the first problem as
 * `{ path, message }`, or undefined when the value fits.
 */
import { SPAN_TYPES, type ChatChoice, type ChatMessage, type ChatTool, type Cost, type TokenUsage } from "./span.js";

export interface Issue {
  /** Where, as dotted segments below the checked value ("0.function.name"); "" for the value itself. */
  path: string;
  message: string;
}

type Check = (value: unknown, path: string) => Issue | undefined;

const at = (path: string, segment: string | number): string => (path === "" ? String(segment) : `${path}.${segment}`);
const fail = (path: string, message: string): Issue => ({ path, message });

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function str(v: unknown, path: string): Issue | undefined {
  return typeof v === "string" ? undefined : fail(path, `expected a string, got ${kind(v)}`);
}
function optional(check: Check): Check {
  return (v, path) => (v === undefined ? undefined : check(v, path));
}
/** Absent or null (MLflow's chat schema: `Optional[...] = None`), else `check`. */
function nullable(check: Check): Check {
  return (v, path) => (v === undefined || v === null ? undefined : check(v, path));
}
function finiteNumber(v: unknown, path: string): Issue | undefined {
  return typeof v === "number" && Number.isFinite(v) ? undefined : fail(path, `expected a finite number, got ${kind(v)}`);
}
function count(v: unknown, path: string): Issue | undefined {
  return typeof v === "number" && Number.isSafeInteger(v) && v >= 0 ? undefined : fail(path, `expected a non-negative integer, got ${kind(v)}`);
}
function kind(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  return typeof v === "number" || typeof v === "boolean" ? `${typeof v} ${String(v)}` : typeof v;
}

function field(obj: Record<string, unknown>, name: string, check: Check, path: string): Issue | undefined {
  return check(obj[name], at(path, name));
}

function list(item: Check): Check {
  return (v, path) => {
    if (!Array.isArray(v)) return fail(path, `expected an array, got ${kind(v)}`);
    for (let i = 0; i < v.length; i++) {
      const issue = item(v[i], at(path, i));
      if (issue) return issue;
    }
    return undefined;
  };
}

function object(fields: Readonly<Record<string, Check>>): Check {
  return (v, path) => {
    if (!isObject(v)) return fail(path, `expected an object, got ${kind(v)}`);
    for (const name in fields) {
      const issue = field(v, name, fields[name]!, path);
      if (issue) return issue;
    }
    return undefined;
  };
}

const literal = (expected: string): Check => (v, path) => (v === expected ? undefined : fail(path, `expected "${expected}"`));

const toolCall = object({ id: str, type: literal("function"), function: object({ name: str, arguments: str }) });

/** Any object with a string `type` is a part (unknown parts are kept); known types must have their fields. */
const contentPart: Check = (v, path) => {
  if (!isObject(v) || typeof v.type !== "string") return fail(path, "expected a content part ({type, ...})");
  return undefined;
};

const messageContent: Check = (v, path) => {
  if (v === null || typeof v === "string") return undefined;
  return list(contentPart)(v, path);
};

const chatMessage = object({
  role: str,
  content: (v, path) => (v === undefined ? fail(path, "content is required (null when there is none)") : messageContent(v, path)),
  tool_calls: nullable(list(toolCall)),
  tool_call_id: nullable(str),
  name: nullable(str),
  refusal: nullable(str),
});

const chatChoice = object({
  index: count,
  message: chatMessage,
  finish_reason: (v, path) => (v === null ? undefined : str(v, path)),
});

const chatTool = object({
  type: literal("function"),
  function: object({
    name: str,
    description: optional(str),
    parameters: optional((v, path) => (isObject(v) ? undefined : fail(path, `expected an object, got ${kind(v)}`))),
    strict: optional((v, path) => (typeof v === "boolean" ? undefined : fail(path, `expected a boolean, got ${kind(v)}`))),
  }),
});

const tokenUsage = object({
  input_tokens: optional(count),
  output_tokens: optional(count),
  total_tokens: optional(count),
  cache_read_input_tokens: optional(count),
  cache_creation_input_tokens: optional(count),
  reasoning_tokens: optional(count),
  input_audio_tokens: optional(count),
  output_audio_tokens: optional(count),
});

const cost = object({ input_cost: optional(finiteNumber), output_cost: optional(finiteNumber), total_cost: optional(finiteNumber) });

const spanType: Check = (v, path) =>
  (SPAN_TYPES as readonly unknown[]).includes(v) ? undefined : fail(path, `not an MLflow span type: ${typeof v === "string" ? JSON.stringify(v) : kind(v)} (one of ${SPAN_TYPES.join(", ")})`);

export const isChatMessage = (v: unknown): v is ChatMessage => chatMessage(v, "") === undefined;
export const isChatChoice = (v: unknown): v is ChatChoice => chatChoice(v, "") === undefined;
export const isChatTool = (v: unknown): v is ChatTool => chatTool(v, "") === undefined;
export const isCost = (v: unknown): v is Cost => cost(v, "") === undefined;
export const isTokenUsage = (v: unknown): v is TokenUsage => tokenUsage(v, "") === undefined;

/**
 * The typed fields of a canonical span a caller built (or read back from storage): the first one of the
 * wrong type, or undefined. `inputs` / `outputs` may hold any value and are not checked.
 */
const typedFields = object({
  spanType,
  tokenUsage: optional(tokenUsage),
  model: optional(str),
  provider: optional(str),
  tools: optional(list(chatTool)),
  cost: optional(cost),
  messageFormat: optional(str),
});

export function typedFieldsIssue(span: unknown): Issue | undefined {
  return typedFields(span, "");
}

/**
 * A hand-built span whose typed fields have the wrong type is misuse: `fn` throws a TypeError naming the
 * field (MLflow would store a value its readers cannot use, and emitters rely on the types).
 */
export function assertTypedFields(span: unknown, fn: string): void {
  const issue = typedFieldsIssue(span);
  if (issue === undefined) {
    const attributes = (span as { attributes?: unknown }).attributes;
    if (attributes !== null && typeof attributes === "object" && !Array.isArray(attributes)) return;
    throw new TypeError(`${fn}: span.attributes: expected an object of attribute values; build canonical spans with toMlflowSpan() or fix that field`);
  }
  const path = issue.path === "" ? "span" : `span.${issue.path}`;
  throw new TypeError(`${fn}: ${path}: ${issue.message}; build canonical spans with toMlflowSpan() or fix that field`);
}
