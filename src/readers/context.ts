/**
 * The state one translation shares between convention parsers: the source attributes, which of them
 * were consumed, the diagnostics, and the best candidate so far for each canonical field.
 *
 * Precedence is by rank (ARCHITECTURE.md "Precedence on mixed spans"): a parser offers a value with
 * the rank of its source; a higher rank replaces a lower one; on a tie the earlier offer stays, and
 * parsers run in the order of `detectConventions`, most specific convention first.
 */
import type { Attributes, ChatTool, Cost, Diagnostic, Severity, SpanEvent, SpanKindName, SpanStatus, SpanType, TokenUsage } from "../canonical/span.js";
import { looksLikeJsonContainer, safeJsonParse, type JsonResult } from "../internal/json.js";
import { ALL_GROUPS, type KeyGroup } from "./groups.js";

export const RANK = {
  /** `mlflow.*` keys already on the span. */
  mlflow: 100,
  /** An explicit span-kind attribute (`openinference.span.kind`, `traceloop.span.kind`). */
  explicitKind: 80,
  /** Structured JSON (`gen_ai.input.messages`). */
  structured: 60,
  /** An operation attribute (`gen_ai.operation.name`, `llm.request.type`). */
  operation: 50,
  /**
   * An explicit but generic span kind (Traceloop's `task`, which its LangChain instrumentation puts on
   * tool runs too): it wins over inference, and a specific operation on the span wins over it.
   */
  genericKind: 45,
  /** Flattened indexed keys (`llm.input_messages.N.*`, `gen_ai.prompt.N.*`). */
  flattened: 40,
  /** Span events / log records. */
  events: 30,
  /** Raw values (`input.value`, `traceloop.entity.input`, deprecated `gen_ai.prompt`). */
  raw: 20,
  /** Inferred from what else is present. */
  inferred: 10,
} as const;

/** Token counts as a source reports them; `completeUsage` fills in the rest. */
export type PartialUsage = Partial<TokenUsage>;

export interface Fields {
  spanType: SpanType;
  inputs: unknown;
  outputs: unknown;
  tokenUsage: PartialUsage;
  model: string;
  provider: string;
  tools: ChatTool[];
  cost: Cost;
  messageFormat: string;
}
export type FieldName = keyof Fields;

interface Candidate<T> {
  value: T;
  rank: number;
  convention: string;
}

export type JsonValue = { ok: true; value: unknown } | { ok: false };

/**
 * Diagnostics listed per span at most. Hostile input (100k bad indexed keys) would otherwise make one
 * diagnostic object per key; past this the rest are counted in a `too-many-diagnostics` summary.
 */
export const MAX_DIAGNOSTICS = 100;
const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { info: 0, warning: 1, error: 2 };

/**
 * The `consumed` set of a context that does not track consumption: shared, since `consume` and `keep`
 * never add to it then (a Set per span cost more than everything else ParseContext allocates).
 */
const NOT_TRACKED: Set<string> = new Set();

/** Placeholder offered by `withhold` and replaced by undefined at once (offer refuses undefined). */
const NOTHING_YET = {};

export class ParseContext {
  readonly consumed: Set<string>;
  readonly diagnostics: Diagnostic[] = [];
  /** Every field present from the start (undefined until offered): one shape; see docs/performance.md. */
  private readonly best: { [F in FieldName]: Candidate<Fields[F]> | undefined } = {
    spanType: undefined,
    inputs: undefined,
    outputs: undefined,
    tokenUsage: undefined,
    model: undefined,
    provider: undefined,
    tools: undefined,
    cost: undefined,
    messageFormat: undefined,
  };
  /**
   * Keys parsed so far and their results, created on the first JSON read (many spans never parse
   * anything). Parallel arrays searched in order rather than a Map: parsers ask for a handful of
   * constant keys per span, never for keys taken from the input, and a Map per span cost more.
   */
  private jsonKeys: string[] | undefined;
  private jsonResults: JsonValue[] | undefined;
  /** Texts decoded by `jsonScalar` and their results, likewise created on first use. */
  private scalarTexts: string[] | undefined;
  private scalarResults: JsonResult[] | undefined;

  constructor(
    readonly attributes: Attributes,
    readonly events: readonly SpanEvent[],
    readonly name: string,
    readonly kind: SpanKindName | undefined,
    readonly status: SpanStatus | undefined,
    /**
     * Whether `consume` records keys. Only `keepSource: false` reads the set, so `toMlflowSpan` turns
     * this off otherwise: a span consumes a dozen keys or more, and the Set grows for each.
     */
    private readonly trackConsumed: boolean = true,
    /** `Object.keys(attributes)` when the caller has it already (see `keys`). */
    ownKeys?: readonly string[],
    /**
     * The key groups present (readers/groups.ts), from the walk that detected the conventions; parsers skip
     * the tables of absent groups. Every group is assumed present when nobody walked the keys.
     */
    readonly groups: number = ALL_GROUPS,
  ) {
    this.consumed = trackConsumed ? new Set() : NOT_TRACKED;
    const proto: unknown = Object.getPrototypeOf(attributes);
    if (ownKeys !== undefined && (proto === Object.prototype || proto === null)) this.keyList = ownKeys;
  }

  private keyList: readonly string[] | undefined;

  /**
   * The instrumentation scope (name, version) that wrote the span, when the envelope has one: some
   * source semantics (whether an input count includes cached tokens) depend on the instrumentation.
   */
  scope: { name: string; version?: string; attributes?: Readonly<Record<string, unknown>> } | undefined = undefined;

  /**
   * The attribute keys in the order for-in visits them, for the parsers' scans of every key: the list
   * the detection walk took (see docs/performance.md); a record with a prototype of its own keeps
   * for-in's inherited keys.
   */
  get keys(): readonly string[] {
    if (this.keyList === undefined) {
      const keys: string[] = [];
      for (const key in this.attributes) keys.push(key);
      this.keyList = keys;
    }
    return this.keyList;
  }

  /** Whether some key of `group` is on the span (always true when nobody walked the keys). */
  present(group: KeyGroup): boolean {
    return (this.groups & group.bit) !== 0;
  }

  /** The attribute value when the span has it as an own key. */
  get(key: string): Attributes[string] {
    // Parsers read `has(key)` then `get(key)`: the key is then known to be own (the source record never
    // changes while parsing), and one lookup does instead of two. Dozens of such pairs run per span.
    if (key === this.lastOwnKey) return this.attributes[key];
    return Object.prototype.hasOwnProperty.call(this.attributes, key) ? this.attributes[key] : undefined;
  }

  has(key: string): boolean {
    if (!Object.prototype.hasOwnProperty.call(this.attributes, key)) return false;
    this.lastOwnKey = key;
    return true;
  }

  /**
   * An error status read from a source's own keys (Langfuse `level = ERROR`, which never sets the OTel
   * status): the translation's status when the span's own status is not ERROR already (`markError`).
   */
  errorStatus: SpanStatus | undefined = undefined;

  /** Marks the span failed with `message` (see `errorStatus`); the first mark wins. */
  markError(message: string | undefined): void {
    if (this.status?.code === "ERROR" || this.errorStatus !== undefined) return;
    this.errorStatus = message === undefined ? { code: "ERROR" } : { code: "ERROR", message };
  }

  /** The last key `has` found (see `get`). */
  private lastOwnKey: string | undefined = undefined;

  consume(key: string): void {
    if (this.trackConsumed && (this.kept === undefined || !this.kept.has(key))) this.consumed.add(key);
  }

  /** Keys a parser refused in part: never consumed, whatever is read from them before or after. */
  private kept: Set<string> | undefined;

  /**
   * Keeps `key` in the span's attributes even with `keepSource: false`: its value was only partly
   * usable (a message left out, a tool definition that is not one), so the raw value is the record.
   */
  keep(key: string): void {
    if (!this.trackConsumed || (this.claimed !== undefined && this.claimed.has(key))) return;
    (this.kept ??= new Set()).add(key);
    this.consumed.delete(key);
  }

  /** Keys a more specific parser read in full (see `claim`). */
  private claimed: Set<string> | undefined;

  /**
   * Marks `key` as read in full, in its own shape, by a more specific convention (one listed before the
   * generic one whose keys it writes, as Gemini CLI writes Gemini-shaped `gen_ai.input.messages`). The
   * key is consumed; a later parser may still read it, but its warnings and infos about the key's shape
   * are not about the span and are dropped, and it cannot `keep` the key again.
   */
  claim(key: string): void {
    (this.claimed ??= new Set()).add(key);
    this.consume(key);
  }

  diagnose(code: string, severity: Severity, message: string, key?: string): void {
    if (key !== undefined && severity !== "error" && this.claimed !== undefined && this.claimed.has(key)) return;
    if (this.diagnostics.length < MAX_DIAGNOSTICS) {
      const d: Diagnostic = { code, severity, message };
      if (key !== undefined) d.key = key;
      this.diagnostics.push(d);
      return;
    }
    this.suppress(code, severity);
  }

  /** Past MAX_DIAGNOSTICS: counted per code in one summary diagnostic (added to the list once). */
  private suppressed: { summary: Diagnostic; counts: Map<string, number>; total: number } | undefined;

  /** Whether some diagnostics were only counted: a step can then not tell which keys they named. */
  get truncated(): boolean {
    return this.suppressed !== undefined;
  }

  private suppress(code: string, severity: Severity): void {
    let s = this.suppressed;
    if (s === undefined) {
      s = { summary: { code: "too-many-diagnostics", severity, message: "" }, counts: new Map(), total: 0 };
      this.suppressed = s;
      this.diagnostics.push(s.summary);
    }
    s.total++;
    s.counts.set(code, (s.counts.get(code) ?? 0) + 1);
    // The summary is as severe as the worst diagnostic it stands for, so --fail-on still sees it.
    if (SEVERITY_ORDER[severity] > SEVERITY_ORDER[s.summary.severity]) s.summary.severity = severity;
    const codes = [...s.counts].map(([c, n]) => `${c} ×${n}`).join(", ");
    s.summary.message = `${s.total} more diagnostics on this span are counted, not listed (${codes})`;
  }

  /**
   * The attribute parsed as JSON, once per key per span. A string that is not JSON gives `{ok:false}`
   * plus an `invalid-json` diagnostic (or `json-too-large` / `json-too-deep`); a non-string value is
   * returned as is.
   */
  json(key: string): JsonValue {
    const keys = this.jsonKeys;
    if (keys !== undefined) {
      for (let i = 0; i < keys.length; i++) if (keys[i] === key) return this.jsonResults![i]!;
    }
    const raw = this.get(key);
    let result: JsonValue;
    if (typeof raw !== "string") {
      result = raw === undefined ? { ok: false } : { ok: true, value: raw };
    } else {
      const parsed = safeJsonParse(raw);
      if (parsed.ok) result = parsed;
      else {
        result = { ok: false };
        const code = parsed.reason === "too-long" ? "json-too-large" : parsed.reason === "too-deep" ? "json-too-deep" : "invalid-json";
        this.diagnose(code, "warning", `${key} is not usable JSON (${parsed.message}); kept raw`, key);
      }
    }
    if (keys === undefined) {
      this.jsonKeys = [key];
      this.jsonResults = [result];
    } else {
      keys.push(key);
      this.jsonResults!.push(result);
    }
    return result;
  }

  /**
   * `safeJsonParse` of a text that is not an object or array (a JSON string literal, number, true,
   * false, null), once per text per span: two parsers may decode the same attribute (Gemini CLI's and
   * GenAI's, of `gen_ai.system_instructions`, a string literal of some pages). Scalars only, so the
   * result is a primitive and sharing it is safe; see docs/performance.md.
   */
  jsonScalar(text: string): JsonResult {
    const texts = this.scalarTexts;
    if (texts !== undefined) {
      for (let i = 0; i < texts.length; i++) if (texts[i] === text) return this.scalarResults![i]!;
    }
    const result = safeJsonParse(text);
    if (texts === undefined) {
      this.scalarTexts = [text];
      this.scalarResults = [result];
    } else {
      texts.push(text);
      this.scalarResults!.push(result);
    }
    return result;
  }

  /**
   * `json(key)` for a reader that only wants a document mentioning `word` (a property name it looks
   * for), or matching `word` when it is a pattern or a test (a property with a value the reader can use): a text
   * without it (nor a `\u` escape, which could spell it) is not parsed, and gives `{ok:false}` with no
   * diagnostic. Vercel's `ai.response.providerMetadata` is read for Anthropic's cache counts only, and
   * is otherwise a few hundred characters of JSON parsed for nothing; see docs/performance.md.
   */
  jsonMentioning(key: string, word: string | RegExp | ((text: string) => boolean)): JsonValue {
    const raw = this.get(key);
    if (typeof raw === "string" && !(typeof word === "string" ? raw.includes(word) : typeof word === "function" ? word(raw) : word.test(raw)) && !raw.includes("\\u")) return { ok: false };
    return this.json(key);
  }

  /** Like `json`, but a string that does not look like an object or array is returned as the string. */
  jsonOrString(key: string): JsonValue {
    const raw = this.get(key);
    if (typeof raw === "string" && !looksLikeJsonContainer(raw)) return { ok: true, value: raw };
    return this.json(key);
  }

  offer<F extends FieldName>(field: F, value: Fields[F] | undefined, rank: number, convention: string): void {
    if (value === undefined) return;
    const current = this.candidate(field);
    if (current !== undefined && current.rank >= rank) return;
    const candidate: Candidate<unknown> = { value, rank, convention };
    const best = this.best as Record<FieldName, Candidate<unknown>>;
    // Named stores, for the reason `candidate` gives.
    switch (field) {
      case "spanType": best.spanType = candidate; break;
      case "inputs": best.inputs = candidate; break;
      case "outputs": best.outputs = candidate; break;
      case "tokenUsage": best.tokenUsage = candidate; break;
      case "model": best.model = candidate; break;
      case "provider": best.provider = candidate; break;
      case "tools": best.tools = candidate; break;
      case "cost": best.cost = candidate; break;
      case "messageFormat": best.messageFormat = candidate; break;
      default: field satisfies never; // a new field must get its case here and in `candidate`
    }
  }

  /** `best[field]` as a switch of named loads (keeps the site monomorphic; see docs/performance.md). */
  private candidate(field: FieldName): Candidate<unknown> | undefined {
    const best = this.best as Record<FieldName, Candidate<unknown> | undefined>;
    switch (field) {
      case "spanType": return best.spanType;
      case "inputs": return best.inputs;
      case "outputs": return best.outputs;
      case "tokenUsage": return best.tokenUsage;
      case "model": return best.model;
      case "provider": return best.provider;
      case "tools": return best.tools;
      case "cost": return best.cost;
      case "messageFormat": return best.messageFormat;
      default: return field satisfies never; // a new field must get its case here and in `offer`
    }
  }

  /**
   * Per-span memo: what `build` returned for this span, built on the first call. A parser keeps its
   * own index of the span's keys here (OpenInference's indexed lists) instead of in module state.
   */
  memo<T>(build: (ctx: ParseContext) => T): T {
    const memos = (this.memos ??= new Map());
    if (memos.has(build)) return memos.get(build) as T;
    const value = build(this);
    memos.set(build, value);
    return value;
  }

  private memos: Map<unknown, unknown> | undefined;

  /**
   * Claims `field` with no value at `rank`: offers of a lower rank are refused, and the span gets no
   * value for the field (unless a higher rank offers one). For a source that knows a key of another
   * convention misleads (Strands writes its own name in `gen_ai.provider.name`).
   */
  withhold(field: FieldName, rank: number, convention: string): void {
    const current = this.candidate(field);
    if (current !== undefined && current.rank >= rank) return;
    this.offer(field, NOTHING_YET as never, rank, convention);
    this.candidate(field)!.value = undefined;
  }

  /** Swaps the value of the current candidate, keeping its rank and convention (no-op without one). */
  replace<F extends FieldName>(field: F, value: Fields[F]): void {
    const current = this.candidate(field);
    if (current !== undefined) current.value = value;
  }

  /** The best value so far, e.g. to let a parser refine the span type it inferred. */
  current<F extends FieldName>(field: F): { value: Fields[F]; rank: number } | undefined {
    return this.candidate(field) as { value: Fields[F]; rank: number } | undefined;
  }
}
