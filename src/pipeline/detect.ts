/**
 * The package's detection: one detector (pipeline/detector.ts) over READERS, so bit i of a convention
 * mask is READERS[i] = CONVENTIONS[i]. `createTranslator` (pipeline/translator.ts) builds its own over
 * the readers a server chose.
 */
import type { Convention } from "../conventions/index.js";
import { READERS } from "../conventions/readers.js";
import { createDetector, type DetectableSpan, type Detector, type SpanIndex } from "./detector.js";

export type { SpanIndex };

/** The detector of every convention this build knows. */
export const DETECTOR: Detector<Convention> = /* @__PURE__ */ createDetector<Convention>(READERS);

/** The convention an attribute key belongs to, by the detection rules (emitters use it to drop foreign keys). */
export function conventionOfKey(key: string): Convention | undefined {
  const bit = DETECTOR.keyBit(key);
  return bit === 0 ? undefined : READERS[31 - Math.clz32(bit)]!.id;
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
