/**
 * What a convention module is. Every convention (a source we read, a target we write, or both) is one
 * folder `src/conventions/<id>/` whose `index.ts` exports one object that `satisfies ConventionModule`
 * (built on the folder's `reader.ts`, the parse side: `ConventionReader`);
 * the one list `CONVENTIONS` (conventions/index.ts) derives everything convention-keyed from those
 * objects: the `Convention` type, detection and parse order, key-group bits, emit targets, validation
 * rules, CLI help and the README tables (declared losses: keyed by the emit targets it derives). docs/architecture.md walks through adding one.
 */
import type { CanonicalSpan } from "../canonical/span.js";
import type { SpanLike } from "../otlp/span-like.js";
import type { ParseContext } from "../readers/context.js";
import type { KeyGroup } from "../readers/groups.js";
import type { Citation, EventRule, FieldHint, KeyPatternRule, KeyRule, PresenceRule, RequirableField } from "./rule-types.js";

export type { Citation, Deprecation, EventRule, FieldHint, KeyPatternRule, KeyRule, PresenceRule, RequirableField, ValueType } from "./rule-types.js";

/**
 * One row of a convention's detection table: an attribute key that starts with `prefix` (and, when
 * given, whose remainder starts with a digit) marks the span as using the convention. Rules of all
 * conventions are checked longest prefix first, so a specific rule such as `gen_ai.prompt.` + digit
 * (legacy OpenLLMetry) beats the generic `gen_ai.` (GenAI semconv).
 */
export interface DetectRule {
  readonly prefix: string;
  /** The key continues with an index right after the prefix (`gen_ai.prompt.0.content`). */
  readonly indexed?: boolean;
  /** The key must equal the prefix (no remainder). */
  readonly exact?: boolean;
}

/**
 * An attribute whose exact string value marks the convention, for a source that writes only another
 * convention's keys (Gemini CLI: `gen_ai.agent.name = "gemini-cli"`). Checked once per span, after
 * the key walk; the prefix rules stay the way to claim keys.
 */
export interface ValueRule {
  readonly key: string;
  readonly value: string;
}

/** A named step of a parser: reads one canonical field group and offers candidates to the context. */
export interface ParseStep<S> {
  readonly name: string;
  readonly run: (ctx: ParseContext, state: S) => void;
}

/** A parser: its steps run in order over one span, sharing a fresh `state()` (nothing outlives a span). */
export interface Parser {
  readonly state: () => unknown;
  readonly steps: readonly ParseStep<never>[];
}

/** Builds a parser whose steps share a state of type S. */
export function parser<S>(state: () => S, steps: readonly ParseStep<S>[]): Parser {
  return { state, steps: steps as readonly ParseStep<never>[] };
}

export interface EmitOptions {
  /** The convention to write. */
  to: string;
  /** GenAI only: also write the deprecated attributes some backends still read. */
  includeDeprecated?: boolean;
}

/** What the pipeline hands an emitter besides the span: the envelope and the key index. */
export interface EmitContext {
  /** The span envelope (everything but the attributes), for the emitted span to start from. */
  readonly envelope: Omit<SpanLike, "attributes">;
  /** The convention an attribute key belongs to (detection), to leave other conventions' keys out. */
  conventionOf(key: string): string | undefined;
}

export type Emitter = (span: CanonicalSpan, options: EmitOptions, ctx: EmitContext) => SpanLike;

/** A canonical field (or shape of one) that a round trip through a target convention cannot carry. */
export interface CarryLoss {
  /** Stable name, used by the tests that show each loss. */
  readonly id: string;
  /** The canonical field or sub-field, as written in the README. */
  readonly field: string;
  /** What happens to it and why. */
  readonly reason: string;
  /**
   * Canonical paths (`[]` = every element of a list) that round-trip comparisons of real data remove
   * before comparing, because the field as a whole is not carried. Without it, only particular values
   * or shapes are lost: generated spans avoid them and the field is compared everywhere else.
   */
  readonly strip?: readonly string[];
}

/** Validation: value and presence rules, and what to add for each requirable field. */
export interface ConventionRules {
  /** The spec or source (document, package and version) the rules as a whole follow; each rule cites its section. */
  readonly source: Citation;
  /** Value type / enum / deprecation rules per attribute key. */
  readonly keys: Readonly<Record<string, KeyRule>>;
  /** Required and recommended keys, checked on spans whose primary convention this is. */
  readonly presence: readonly PresenceRule[];
  /** The attribute(s) to add so the translation gets each field (`validate --require`). */
  readonly hints: Readonly<Record<RequirableField, FieldHint>>;
  /** Deprecated families of indexed keys (optional). */
  readonly keyPatterns?: readonly KeyPatternRule[];
  /** Deprecated span event / log record names (optional). */
  readonly events?: Readonly<Record<string, EventRule>>;
}

/**
 * The read side of a convention: what detection and `toMlflowSpan` need. Each folder exports it from
 * `reader.ts`; `index.ts` spreads it into the full module, so the reader holds no copy of anything. The
 * translation path imports only the readers (conventions/readers.ts), so a program that translates
 * does not bundle emitters or validation rules (docs/architecture.md "Bundle size").
 */
export interface ConventionReader<Id extends string = string> {
  readonly id: Id;
  /** Key-prefix detection rules. */
  readonly detect: readonly DetectRule[];
  /** Attribute values that mark the convention when no key of its own does (optional). */
  readonly detectValues?: readonly ValueRule[];
  /** Span-event (or log-record) name prefixes that mark the convention. */
  readonly detectEvents?: readonly string[];
  /**
   * Instrumentation-scope name prefixes that mark the convention, for sources whose spans carry only
   * another convention's keys (Strands' chat spans: `gen_ai.*` and events) and are known by their scope.
   */
  readonly detectScopes?: readonly string[];
  /** Tables of spellings the parser probes (KeyGroup); the registry allocates their bits. */
  readonly groups?: readonly KeyGroup[];
  readonly parse: Parser;
}

interface ModuleBase<Id extends string> extends ConventionReader<Id> {
  /** Human name, for the README, CLI help and messages. */
  readonly title: string;
  /** The page that documents the module, relative to the repository root. */
  readonly doc: string;
  readonly rules: ConventionRules;
}

/**
 * A convention we also write: its emitter. What a round trip through it cannot carry is declared in
 * the folder's `losses.ts` and listed in LOSSES (conventions/round-trips.ts), outside the module: the
 * losses are documentation and test oracles, and a module object is bundled whole.
 */
interface Writable {
  readonly emit: Emitter;
}
/** A convention we only read. */
interface ReadOnly {
  readonly emit?: undefined;
}

export type ConventionModule<Id extends string = string> = ModuleBase<Id> & (Writable | ReadOnly);
