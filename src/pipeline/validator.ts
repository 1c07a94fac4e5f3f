/**
 * `validateSpan` over a list of convention modules: what a CI check asks: "does this span follow its
 * convention, and does it carry what MLflow needs?". The package's function is this over CONVENTIONS
 * (pipeline/validate.ts); `createFullTranslator` builds one over the modules a program chose. It translates
 * the span (so every parser diagnostic is included) and adds:
 * - conformance to each convention module's rules (src/conventions/<id>/rules.ts): value types, enumerated values,
 *   deprecated keys, families of indexed keys and event names (naming the replacement), required and
 *   recommended keys; each such finding carries the rule's citation (`spec`);
 * - `missing-field` errors for the canonical fields listed in `require`, each only on the span types
 *   and statuses it applies to, naming the attribute to add (FIELD_SCOPES in pipeline/requirements.ts,
 *   each module's `rules.hints`).
 *
 * All of it only on spans that use some LLM convention: an HTTP or DB span gets the translation's
 * `no-convention` info and nothing else, even when `convention` is named.
 *
 * Presence rules (required / recommended) apply to the span's primary convention only, the named one
 * or else the most specific detected one: a legacy OpenLLMetry span also carries `gen_ai.*` keys, but
 * it is not expected to carry everything a GenAI-semconv span must.
 */
import type { Attributes, AttributeValue, CanonicalSpan, Diagnostic } from "../canonical/span.js";
import type { SpanLike } from "../otlp/span-like.js";
import { fieldApplies, ruleTables } from "./requirements.js";
import { REQUIRABLE_FIELDS, type Deprecation, type KeyRule, type RequirableField, type ValueType } from "../conventions/rule-types.js";
import type { ConventionModule } from "../conventions/types.js";
import { hasContent } from "./content.js";
import { safeJsonParse } from "../internal/json.js";

export interface ValidateOptions<Id extends string = string> {
  /** The convention the span is expected to follow. */
  convention?: Id;
  /** Canonical fields that must come out of the translation. */
  require?: readonly RequirableField[];
}

export type ValidateSpan<Id extends string> = (span: SpanLike, options?: ValidateOptions<Id>) => Diagnostic[];

/**
 * `validateSpan` over `modules`' rules, translating with `toMlflowSpan` (which reads the same
 * conventions). `caller` names the function in misuse errors.
 */
export function createValidateSpan<Id extends string>(
  modules: readonly ConventionModule<Id>[],
  toMlflowSpan: (span: SpanLike) => CanonicalSpan<Id>,
  caller = "validateSpan",
): ValidateSpan<Id> {
  const { keyRules, keyPatternRules, eventRules, presenceRules, fieldHint } = ruleTables(modules);
  return function validateSpan(span: SpanLike, options: ValidateOptions<Id> = {}): Diagnostic[] {
    for (const field of options.require ?? []) {
      if (!(REQUIRABLE_FIELDS as readonly string[]).includes(field)) {
        throw new TypeError(`${caller}: unknown required field "${field}"; use one of ${REQUIRABLE_FIELDS.join(", ")}`);
      }
    }
    // null is "no convention" as undefined is (a JavaScript caller's `args.convention ?? null`); any
    // other value must name a chosen convention.
    if (options.convention != null && !keyRules.has(options.convention)) {
      throw new TypeError(`${caller}: unknown convention ${JSON.stringify(options.convention)}; use one of ${[...keyRules.keys()].join(", ")}`);
    }
    const translated = toMlflowSpan(span);
    const attributes = translated.attributes;
    // Content capture switched off is exactly what `require: inputs / outputs` is there to catch.
    const contentRequired = options.require?.some((f) => f === "inputs" || f === "outputs") === true;
    const out = translated.diagnostics.map((d) => (contentRequired && d.code === "content-not-captured" ? { ...d, severity: "error" as const } : d));
    const seen = new Set(out.map((d) => `${d.code}\u0000${d.key ?? ""}`));
    const add = (d: Diagnostic) => {
      const id = `${d.code}\u0000${d.key ?? ""}`;
      if (seen.has(id)) return;
      seen.add(id);
      if (translated.name) d.spanName = translated.name;
      if (translated.spanId) d.spanId = translated.spanId;
      out.push(d);
    };

    const detected = translated.conventions;
    // HTTP, DB and other plain spans are not expected to follow an LLM convention, even when one is
    // named: they keep the translation's no-convention info and nothing else.
    if (detected.length === 0) return out;
    if (options.convention && !detected.includes(options.convention)) {
      add({
        code: "convention-missing",
        severity: "error",
        message: `expected ${options.convention} attributes; found ${detected.join(", ") || "none"}`,
      });
    }

    const checked = options.convention && !detected.includes(options.convention) ? [...detected, options.convention] : detected;
    for (const convention of checked) {
      const rules = keyRules.get(convention)!;
      const patterns = keyPatternRules.get(convention)!;
      for (const key of Object.keys(attributes)) {
        const rule = rules.get(key);
        if (rule) checkKey(key, attributes, rule, convention, add);
        for (const pattern of patterns) {
          if (key.length > pattern.prefix.length && key.startsWith(pattern.prefix) && isDigit(key.charCodeAt(pattern.prefix.length))) {
            add(deprecation(pattern.display, convention, pattern.deprecated, pattern.spec));
          }
        }
      }
      const events = eventRules.get(convention)!;
      if (events.size > 0) {
        for (const event of translated.events ?? []) {
          const rule = typeof event.name === "string" ? events.get(event.name) : undefined;
          if (rule) add({ ...deprecation(event.name, convention, rule.deprecated, rule.spec), code: "deprecated-event", message: deprecationMessage(`the ${event.name} event`, convention, rule.deprecated) });
        }
      }
    }

    // AI SDK 7 writes GenAI spans (gen_ai.operation.name, no ai.operationId) with optional ai.* keys:
    // those spans follow GenAI, and are not held to the AI SDK 6 span layout.
    const genaiWithAiKeys = !Object.prototype.hasOwnProperty.call(attributes, "ai.operationId") && Object.prototype.hasOwnProperty.call(attributes, "gen_ai.operation.name");
    const primary = options.convention ?? detected.find((c) => c !== "mlflow" && !(c === "vercel-ai" && genaiWithAiKeys));
    const failed = translated.status?.code === "ERROR";
    if (primary) {
      for (const rule of presenceRules.get(primary) ?? []) {
        if (rule.when && !rule.when(attributes)) continue;
        if (rule.notOnError && failed) continue;
        if (rule.anyOf.some((key) => isPresent(attributes, key))) continue;
        const alternatives = rule.anyOf.length > 1 ? ` (or ${rule.anyOf.slice(1).map((k) => k.replace(/\*/g, "N")).join(", ")})` : "";
        add({
          code: rule.level === "required" ? "attribute-missing" : "attribute-recommended",
          severity: rule.level === "required" ? "error" : "warning",
          key: rule.anyOf[0]!,
          message: `${primary} span without ${rule.anyOf[0]}${alternatives}; the convention marks it ${rule.level}${rule.because ? ` (${rule.because})` : ""}`,
          spec: rule.spec,
        });
      }
    }

    // Each required field only where it can exist (FIELD_SCOPES), and only where the span's convention
    // has an attribute for it, which the message then names (its module's `rules.hints`).
    const spanType = translated.spanType;
    // Spans with no primary convention get MLflow's hints when they carry MLflow's keys, else those of
    // their first detected convention (possible only when a validator was built without genai).
    const hintsFrom = primary ?? (detected.includes("mlflow" as Id) ? "mlflow" : detected[0]!);
    for (const field of options.require ?? []) {
      if (!fieldApplies(field, spanType, failed)) continue;
      const hint = fieldHint(hintsFrom, field, spanType);
      if (hint === null) continue;
      const value = field === "spanType" ? undefined : translated[field];
      const withoutContent = (field === "inputs" || field === "outputs") && value !== undefined && !hasContent(field, value, spanType);
      const missing = field === "spanType" ? spanType === "UNKNOWN" : value === undefined || withoutContent;
      if (!missing) continue;
      const what =
        field === "spanType"
          ? "the span type could not be determined (UNKNOWN)"
          : withoutContent
            ? `the translated ${spanType} span has ${field} without content (${field === "inputs" ? "request parameters only, or" : "only finish reasons or response metadata, or"} messages whose content is null: content capture is off)`
            : `the translated ${spanType} span has no ${field}`;
      add({ code: "missing-field", severity: "error", key: field, message: `${what}; add ${hint} (${hintsFrom})` });
    }
    return out;
  };
}

/** Whether a key, or with `*` segments some key of that shape (`*` = an index), is on the span. */
function isPresent(attributes: Attributes, pattern: string): boolean {
  if (!pattern.includes("*")) return Object.prototype.hasOwnProperty.call(attributes, pattern);
  const segments = pattern.split(".");
  const prefix = pattern.slice(0, pattern.indexOf("*"));
  for (const key of Object.keys(attributes)) {
    if (!key.startsWith(prefix)) continue;
    const parts = key.split(".");
    if (parts.length === segments.length && segments.every((s, i) => (s === "*" ? /^\d+$/.test(parts[i]!) : s === parts[i]))) return true;
  }
  return false;
}

function checkKey(key: string, attributes: Attributes, rule: KeyRule, convention: string, add: (d: Diagnostic) => void): void {
  const value = attributes[key]!;
  if (rule.deprecated && (!rule.deprecated.when || rule.deprecated.when(attributes))) {
    add(deprecation(key, convention, rule.deprecated, rule.spec));
  }
  if (rule.type && !hasType(value, rule.type)) {
    const code = rule.type.startsWith("json") && typeof value === "string" ? "invalid-json" : "wrong-type";
    add({ code, severity: "error", key, message: `${key} should be ${describeType(rule.type)}, got ${describeValue(value)}`, spec: rule.spec });
    return;
  }
  if (rule.values && typeof value === "string" && !rule.values.includes(value)) {
    add({
      code: "unknown-value",
      severity: rule.open ? "info" : "warning",
      key,
      message: `${key} = "${value}" is not one of the ${rule.open ? "well-known " : ""}values: ${rule.values.join(", ")}`,
      spec: rule.spec,
    });
  }
}

function deprecationMessage(subject: string, convention: string, deprecated: Deprecation): string {
  const why = deprecated.because ? ` (${deprecated.because})` : "";
  const instead = deprecated.replacement ? `; use ${deprecated.replacement}` : "";
  return `${subject} is deprecated in ${convention}${why}${instead}`;
}

function deprecation(key: string, convention: string, deprecated: Deprecation, spec: string): Diagnostic {
  return { code: "deprecated-attribute", severity: deprecated.severity ?? "warning", key, message: deprecationMessage(key, convention, deprecated), spec };
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function hasType(value: AttributeValue, type: ValueType): boolean {
  switch (type) {
    case "string":
      return typeof value === "string";
    case "int":
      return typeof value === "number" && Number.isInteger(value);
    case "number":
      return typeof value === "number";
    case "boolean":
      return typeof value === "boolean";
    case "string[]":
      return Array.isArray(value) && value.every((v) => typeof v === "string");
    case "json-array":
    case "json-object": {
      const parsed = typeof value === "string" ? safeJsonParse(value) : { ok: true as const, value };
      if (!parsed.ok) return false;
      const v = parsed.value;
      return type === "json-array" ? Array.isArray(v) : v !== null && typeof v === "object" && !Array.isArray(v);
    }
  }
}

function describeType(type: ValueType): string {
  return {
    string: "a string",
    int: "an integer",
    number: "a number",
    boolean: "a boolean",
    "string[]": "an array of strings",
    "json-array": "a JSON array (as a string or a structured value)",
    "json-object": "a JSON object",
  }[type];
}

function describeValue(value: AttributeValue): string {
  const text = typeof value === "string" ? JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value) : JSON.stringify(value);
  return `${Array.isArray(value) ? "array" : typeof value} ${text ?? String(value)}`;
}
