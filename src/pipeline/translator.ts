/**
 * `createTranslator({ conventions: [genaiReader, openinferenceReader] })`: `toMlflowSpan` and
 * `detectConventions` over the readers a server chose, so its bundle holds those parsers only
 * (`mlflow-semconv/translator`; docs/architecture.md "Bundle size"). This module imports no reader:
 * it knows the conventions by their ids (conventions/ids.ts), whose order is READERS' order.
 *
 * For a span whose detected conventions (by the package's `detectConventions`) are all chosen, the
 * translator returns what the package's `toMlflowSpan` returns. Detection reads the chosen readers'
 * rules only: a key that an unchosen convention would claim counts for a chosen one whose rule also
 * matches it (a legacy OpenLLMetry `gen_ai.prompt.0.content` is GenAI when OpenLLMetry is not chosen),
 * else for none; a span with none of the chosen conventions gets the no-convention result.
 */
import type { CanonicalSpan } from "../canonical/span.js";
import { CONVENTION_ID_LIST } from "../conventions/ids.js";
import type { ConventionReader } from "../conventions/types.js";
import type { SpanLike } from "../otlp/span-like.js";
import { createDetector, type DetectableSpan } from "./detector.js";
import { createToMlflowSpan, type ToMlflowOptions } from "./to-mlflow.js";

export interface TranslatorOptions<R extends ConventionReader> {
  /** The readers of the conventions to read (`genaiReader`, ...), in any order: they run in READERS order. */
  readonly conventions: readonly R[];
}

export interface Translator<Id extends string> {
  /** The chosen conventions, in the order they are detected and parsed (the package's order). */
  readonly conventions: readonly Id[];
  /** As the package's `toMlflowSpan`, reading the chosen conventions only. */
  toMlflowSpan(span: SpanLike, options?: ToMlflowOptions): CanonicalSpan<Id>;
  /** As the package's `detectConventions`, over the chosen conventions only. */
  detectConventions(span: DetectableSpan): Id[];
}

const rank = (id: string | undefined) => (CONVENTION_ID_LIST as readonly (string | undefined)[]).indexOf(id);

/** A TypeError naming the fix. Readers are known by their id and shape (an id, detection rules, a parser). */
function misuse(problem: string): TypeError {
  return new TypeError(`createTranslator: ${problem}; pass each reader of "mlflow-semconv/translator" once: { conventions: [genaiReader, ...] }`);
}

/**
 * A translator over the chosen conventions' readers. Throws a TypeError on misuse (no list, an empty
 * list, something that is not a reader, a convention listed twice); never on span data. Each call
 * builds a detector (tables and a key cache of its own): make one per program, not one per span.
 */
export function createTranslator<R extends ConventionReader>(options: TranslatorOptions<R>): Translator<R["id"]> {
  const list: unknown = (options as Partial<TranslatorOptions<R>> | null | undefined)?.conventions;
  if (!Array.isArray(list) || list.length === 0) throw misuse("no conventions");
  const readers: ConventionReader<R["id"]>[] = [];
  for (let i = 0; i < list.length; i++) {
    const r = list[i] as Partial<ConventionReader<R["id"]>> | null;
    if (typeof r !== "object" || r === null || rank(r.id) < 0 || !Array.isArray(r.detect) || !Array.isArray(r.parse?.steps)) throw misuse(`conventions[${i}] is not a reader`);
    if (readers.some((q) => q.id === r.id)) throw misuse(`${r.id} is listed twice`);
    readers.push(r as ConventionReader<R["id"]>);
  }
  // Detection ties and parse order follow READERS, whatever order the caller listed them in.
  readers.sort((a, b) => rank(a.id) - rank(b.id));
  const detector = createDetector(readers);
  return { conventions: readers.map((r) => r.id), toMlflowSpan: createToMlflowSpan(detector), detectConventions: detector.detectConventions };
}
