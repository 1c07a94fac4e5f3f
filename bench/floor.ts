/** The floor every translation row is held to (its own module so `bench/icount-driver.ts` can bundle it with any version). */
import type { Attributes, DecodedSpan } from "../src/index.js";

/**
 * The floor: copy the attribute record and `JSON.parse` each JSON-valued attribute once. A translation
 * must at least read every attribute and decode the JSON it carries; nothing cheaper can translate.
 */
export let floorParsed = 0;
export function floor(span: DecodedSpan): Attributes {
  const copy: Attributes = {};
  let parsed = 0;
  const attributes = span.attributes;
  for (const key in attributes) {
    const value = attributes[key];
    copy[key] = value!;
    if (typeof value === "string" && (value.startsWith("{") || value.startsWith("["))) {
      try {
        JSON.parse(value);
        parsed++;
      } catch {
        // not JSON; the floor does not care
      }
    }
  }
  floorParsed += parsed;
  return copy;
}
