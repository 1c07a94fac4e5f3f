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
 *
 * `createFullTranslator` (pipeline/full-translator.ts) adds `fromMlflowSpan` and `validateSpan` over
 * the chosen conventions' full modules; it lives apart so that a bundle of this one holds neither.
 */
import type { CanonicalSpan } from "../canonical/span.js";
import { CONVENTION_ID_LIST } from "../conventions/ids.js";
import type { ConventionReader } from "../conventions/types.js";
import type { SpanLike } from "../otlp/span-like.js";
import { createDetector, type DetectableSpan, type Detector } from "./detector.js";
import { createToMlflowSpan, type ToMlflowOptions } from "./to-mlflow.js";

export interface TranslatorOptions<R extends ConventionReader> {
  /**
   * The conventions, in any order (they run in READERS order): their readers (`genaiReader`, ...) for
   * `createTranslator`, their modules (`genaiModule`, ...) for `createFullTranslator`.
   */
  readonly conventions: readonly R[];
}

export interface Translator<Id extends string = string> {
  /** The chosen conventions, in the order they are detected and parsed (the package's order). */
  readonly conventions: readonly Id[];
  /** As the package's `toMlflowSpan`, reading the chosen conventions only. */
  toMlflowSpan(span: SpanLike, options?: ToMlflowOptions): CanonicalSpan<Id>;
  /** As the package's `detectConventions`, over the chosen conventions only. */
  detectConventions(span: DetectableSpan): Id[];
}

const rank = (id: string | undefined) => (CONVENTION_ID_LIST as readonly (string | undefined)[]).indexOf(id);

/**
 * A translator over the chosen conventions' readers. Throws a TypeError on misuse (no list, an empty
 * list, something that is not a reader, a convention listed twice); never on span data. Each call
 * builds a detector (tables and a key cache of its own): make one per program, not one per span.
 */
export function createTranslator<R extends ConventionReader>(options: TranslatorOptions<R>): Translator<R["id"]> {
  return chosen(options, "createTranslator", "Reader").translator;
}

/**
 * The checked list (in package order), its detector and the translator over it. `caller` and `kind`
 * (what each item is: `genaiReader` or `genaiModule`) word the misuse errors; `accept`, when given,
 * checks each item beyond the reader shape.
 */
export function chosen<R extends ConventionReader>(
  options: TranslatorOptions<R>,
  caller: string,
  kind: "Reader" | "Module",
  accept?: (item: R) => boolean,
): { readonly translator: Translator<R["id"]>; readonly list: readonly R[]; readonly detector: Detector<R["id"]> } {
  // A TypeError naming the fix. Readers are known by their id and shape (an id, detection rules, a parser).
  const what = kind.toLowerCase();
  const misuse = (problem: string) => new TypeError(`${caller}: ${problem}; pass each ${what} of "mlflow-semconv/translator" once: { conventions: [genai${kind}, ...] }`);
  const items: unknown = (options as Partial<TranslatorOptions<R>> | null | undefined)?.conventions;
  if (!Array.isArray(items) || items.length === 0) throw misuse("no conventions");
  const list: R[] = [];
  for (let i = 0; i < items.length; i++) {
    const r = items[i] as R | null;
    if (typeof r !== "object" || r === null || rank(r.id) < 0 || !Array.isArray(r.detect) || !Array.isArray(r.parse?.steps) || (accept && !accept(r))) {
      throw misuse(`conventions[${i}] is not a ${what}`);
    }
    if (list.some((q) => q.id === r.id)) throw misuse(`${r.id} is listed twice`);
    list.push(r);
  }
  // Detection ties and parse order follow READERS, whatever order the caller listed them in.
  list.sort((a, b) => rank(a.id) - rank(b.id));
  const detector = createDetector<R["id"]>(list);
  return { translator: { conventions: list.map((r) => r.id), toMlflowSpan: createToMlflowSpan(detector), detectConventions: detector.detectConventions }, list, detector };
}
