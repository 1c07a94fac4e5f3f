/**
 * Replaces `Math.random` and `crypto.randomUUID` of the capture process with generators seeded
 * per scenario, for sources that put random ids into span attributes (Google ADK's invocation
 * and event ids, tool call ids, ...). A re-run then writes the same ids. Only capture scripts
 * import this; it changes process-wide globals on `seedRandomness`.
 */
import { createHash } from "node:crypto";

let seed = "unseeded";
let counter = 0;

function nextBytes(): Buffer {
  return createHash("sha256").update(`${seed}/${counter++}`).digest();
}

function seededMathRandom(): number {
  return nextBytes().readUInt32BE(0) / 0x1_0000_0000;
}

function seededUuid(): `${string}-${string}-${string}-${string}-${string}` {
  const b = nextBytes().subarray(0, 16);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** Starts a new deterministic sequence for `label` (call at the start of each scenario). */
export function seedRandomness(label: string): void {
  seed = label;
  counter = 0;
  Math.random = seededMathRandom;
  globalThis.crypto.randomUUID = seededUuid;
}
