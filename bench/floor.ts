/** The floor every translation row is held to (its own module so `bench/icount-driver.ts` can bundle it with any version). */
import type { Attributes, DecodedSpan } from "../src/index.js";

/**
 * The floor: copy the span's attribute record and `JSON.parse` each JSON-valued attribute once, and
 * do the same for each event's attribute record (GenAI content events, joined operation-details log
 * records, Strands and Gemini CLI content: the text a translation of those spans must read). A
 * translation must at least read every attribute and decode the JSON it carries; nothing cheaper can
 * translate. Before the event records counted (docs/performance.md "Floor"), rows whose content is in
 * events were held to a floor that never opened it.
 */
export let floorParsed = 0;
export function floor(span: DecodedSpan): Attributes {
  const copy = copyRecord(span.attributes);
  const events = span.events;
  if (events) for (let i = 0; i < events.length; i++) copyRecord(events[i]!.attributes);
  return copy;
}

/** The span's own attributes only: the floor of the runs before event records counted. */
export function attributesFloor(span: DecodedSpan): Attributes {
  return copyRecord(span.attributes);
}

function copyRecord(attributes: Attributes | undefined): Attributes {
  const copy: Attributes = {};
  if (attributes === undefined) return copy;
  let parsed = 0;
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
