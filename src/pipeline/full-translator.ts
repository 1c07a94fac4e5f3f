/**
 * `createFullTranslator({ conventions: [genaiModule, openinferenceModule] })`: the per-span API over
 * the conventions a program chose, from their full modules: `toMlflowSpan` and `detectConventions` as
 * `createTranslator` gives them, `fromMlflowSpan` to the chosen conventions that have an emitter, and
 * `validateSpan` with their rules. Its bundle holds those conventions' parsers, emitters and rules,
 * and no other convention's (`mlflow-semconv/translator`; docs/architecture.md "Bundle size").
 *
 * For a span whose detected conventions (by the package's `detectConventions`) are all chosen, each
 * function returns what the package's function of that name returns.
 */
import type { CanonicalSpan, Diagnostic } from "../canonical/span.js";
import type { ConventionModule, EmitOptions, Emitter } from "../conventions/types.js";
import type { SpanLike } from "../otlp/span-like.js";
import { conventionOfKeyIn } from "./detector.js";
import { createFromMlflowSpan, emitTargetsOf } from "./from-mlflow.js";
import { chosen, type Translator, type TranslatorOptions } from "./translator.js";
import { createValidateSpan, type ValidateOptions } from "./validator.js";

/** A translator over full modules: the chosen conventions' emitters and validation rules as well. */
export interface FullTranslator<Id extends string = string, Target extends string = string> extends Translator<Id> {
  /** The chosen conventions that `fromMlflowSpan` can write (those with an emitter), in package order. */
  readonly emitTargets: readonly Target[];
  /** As the package's `fromMlflowSpan`, to one of `emitTargets`; a span that is not canonical is translated by this translator first. */
  fromMlflowSpan(span: CanonicalSpan<Id> | SpanLike, options: EmitOptions & { to: Target }): SpanLike;
  /** As the package's `validateSpan`, with the chosen conventions' rules (and translation) only. */
  validateSpan(span: SpanLike, options?: ValidateOptions<Id>): Diagnostic[];
}

/** The ids of the modules in M that have an emitter. */
export type WritableId<M> = M extends { readonly emit: Emitter; readonly id: infer Id extends string } ? Id : never;

/** A full module (reader, rules with their hints), as opposed to a reader alone. */
function isModule(r: ConventionModule): boolean {
  const { rules, emit } = r as Partial<ConventionModule>;
  const hasRules = typeof rules === "object" && rules !== null && typeof rules.keys === "object" && typeof rules.hints === "object" && Array.isArray(rules.presence);
  return hasRules && (emit === undefined || typeof emit === "function");
}

/**
 * The full translator over the chosen modules. Throws a TypeError on misuse (as `createTranslator`,
 * and for a reader where a module is needed); never on span data. Make one per program.
 */
export function createFullTranslator<M extends ConventionModule>(options: TranslatorOptions<M>): FullTranslator<M["id"], WritableId<M>> {
  const { translator, list, detector } = chosen(options, "createFullTranslator", "Module", isModule);
  // The convention a key belongs to, for emitters to leave other conventions' keys out.
  const conventionOf = (key: string) => conventionOfKeyIn(detector, list, key);
  const fromMlflowSpan = createFromMlflowSpan<M["id"], WritableId<M>>(list, translator.toMlflowSpan, conventionOf, "fromMlflowSpan (createFullTranslator)");
  const validateSpan = createValidateSpan<M["id"]>(list, translator.toMlflowSpan, "validateSpan (createFullTranslator)");
  return { ...translator, emitTargets: emitTargetsOf<WritableId<M>>(list), fromMlflowSpan, validateSpan };
}
