/**
 * The package's detection: one detector (pipeline/detector.ts) over READERS, so bit i of a convention
 * mask is READERS[i] = CONVENTIONS[i]. `createTranslator` (pipeline/translator.ts) builds its own over
 * the readers a server chose.
 */
import type { Convention } from "../conventions/index.js";
import { READERS } from "../conventions/readers.js";
import { conventionOfKeyIn, createDetector, type DetectableSpan, type Detector, type SpanIndex } from "./detector.js";

export type { SpanIndex };

/** The detector of every convention this build knows. */
export const DETECTOR: Detector<Convention> = /* @__PURE__ */ createDetector<Convention>(READERS);

/** The convention an attribute key belongs to, by the detection rules (emitters use it to drop foreign keys). */
export function conventionOfKey(key: string): Convention | undefined {
  return conventionOfKeyIn(DETECTOR, READERS, key);
}

/** The conventions of a convention mask, most specific first (a fresh list). */
export function conventionsOfMask(mask: number): Convention[] {
  return DETECTOR.conventionsOfMask(mask);
}

/** The detection walk fused with the copy of the attribute record (see `Detector.detectAndCopy`). */
export function detectAndCopy(...args: Parameters<Detector["detectAndCopy"]>): SpanIndex {
  return DETECTOR.detectAndCopy(...args);
}

/** The conventions a span uses (keys, event names, scope name), most specific first (e.g. `["openllmetry", "genai"]`). */
export function detectConventions(span: DetectableSpan): Convention[] {
  return DETECTOR.detectConventions(span);
}
