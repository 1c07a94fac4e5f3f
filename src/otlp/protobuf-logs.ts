/** OTLP/protobuf ExportLogsServiceRequest -> GenAI content events indexed by span id, to join to their spans. */
import type { Attributes, AttributeValue, SpanEvent } from "../canonical/span.js";
import { setOwn } from "../internal/records.js";
import { Reader, rethrowAt, WIRE_LEN } from "./wire.js";
import { readAnyValue, readId, readKeyValueInto, readTime } from "./protobuf-values.js";
// ---------------------------------------------------------------------------------------------
// Logs: records become span events, named and timed as decodeOtlpJson names and times them.

export function readLogsRequest(r: Reader, index: Map<string, SpanEvent[]>): void {
  let rl = 0;
  for (let field = r.tag(); field !== 0; field = r.tag()) {
    if (field !== 1) {
      r.skip();
      continue;
    }
    const i = rl++;
    try {
      r.expect(WIRE_LEN, "");
      const outer = r.enter();
      let sl = 0;
      for (let f = r.tag(); f !== 0; f = r.tag()) {
        if (f !== 2) {
          r.skip();
          continue;
        }
        const j = sl++;
        try {
          r.expect(WIRE_LEN, "");
          const o = r.enter();
          readScopeLogs(r, index);
          r.leave(o);
        } catch (error) {
          rethrowAt(error, `scopeLogs[${j}]`);
        }
      }
      r.leave(outer);
    } catch (error) {
      rethrowAt(error, `resourceLogs[${i}]`);
    }
  }
}

function readScopeLogs(r: Reader, index: Map<string, SpanEvent[]>): void {
  let n = 0;
  for (let field = r.tag(); field !== 0; field = r.tag()) {
    if (field !== 2) {
      r.skip();
      continue;
    }
    const i = n++;
    try {
      r.expect(WIRE_LEN, "");
      const outer = r.enter();
      const record = readLogRecord(r);
      r.leave(outer);
      if (record === undefined) continue;
      const list = index.get(record[0]);
      if (list) list.push(record[1]);
      else index.set(record[0], [record[1]]);
    } catch (error) {
      rethrowAt(error, `logRecords[${i}]`);
    }
  }
}

function readLogRecord(r: Reader): [string, SpanEvent] | undefined {
  let spanId: string | undefined;
  let time: string | undefined;
  let timeSeen = false;
  let observed: string | undefined;
  let eventName = "";
  const attributes: Attributes = {};
  let n = 0;
  let hasBody = false;
  let body: AttributeValue;
  for (let field = r.tag(); field !== 0; field = r.tag()) {
    switch (field) {
      case 1:
        time = readTime(r, "timeUnixNano");
        timeSeen = true;
        break;
      case 11:
        observed = readTime(r, "observedTimeUnixNano");
        break;
      case 5: {
        try {
          r.expect(WIRE_LEN, "");
          const outer = r.enter();
          body = readAnyValue(r, 0);
          r.leave(outer);
        } catch (error) {
          rethrowAt(error, "body");
        }
        hasBody = true;
        break;
      }
      case 6:
        readKeyValueInto(r, attributes, "attributes", n++, 0);
        break;
      case 10:
        spanId = readId(r, 8, "spanId");
        break;
      case 12:
        r.expect(WIRE_LEN, "eventName");
        eventName = r.key();
        break;
      default:
        r.skip();
    }
  }
  if (spanId === undefined) return undefined;
  const name = eventName !== "" ? eventName : typeof attributes["event.name"] === "string" ? attributes["event.name"] : "log";
  if (hasBody && body !== undefined) setOwn<AttributeValue>(attributes, "body", body);
  const event: SpanEvent = { name, attributes };
  // As in the JSON path: the record's time when it has one on the wire, else the observed time.
  const at = timeSeen ? time : observed;
  if (at) event.timeUnixNano = at;
  return [spanId, event];
}
