/**
 * Linearity on hostile input (issue: "processing time stays linear in input size"): each case is
 * translated at a base size and at 10× that size, and the time ratio is printed. A ratio near 10 is
 * linear; a ratio near 1 means the input is refused early (bounded work). Beside it, the same ratio
 * for a bare copy of the attribute record: V8's own for-in over an object of 100k keys is itself
 * super-linear (dictionary-mode objects), so the copy's ratio is the floor for the key-count cases.
 * Memory: the live heap the 10× input takes, and what the translated span holds beyond it (values
 * are shared with the input, not copied; refused values are kept by reference).
 * Tests assert outcomes only (test/hostile/), times and memory are reported here.
 *
 *   npx tsx bench/hostile.ts     (also run by `npm run bench`)
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { toMlflowSpan, type Attributes } from "../src/index.js";
import { exitOnHelpOrError, HOSTILE_USAGE, parseHostileArgs } from "./args.js";

exitOnHelpOrError(parseHostileArgs(process.argv.slice(2)), HOSTILE_USAGE);

// A forced collection before each heap reading, so the figures are live memory, not garbage.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;
const heapMiB = () => {
  gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
};

interface Case {
  name: string;
  /** Attributes for a span of size `n` (the unit differs per case; the bench uses n and 10n). */
  make(n: number): Attributes;
  base: number;
}

const CASES: Case[] = [
  {
    name: "one huge JSON string value (MiB)",
    make: (mib) => ({ "gen_ai.operation.name": "chat", "gen_ai.input.messages": `[${'{"role":"user","parts":[]},'.repeat(Math.floor((mib * 1024 * 1024) / 27))}{"role":"user","parts":[]}]` }),
    base: 0.5,
  },
  {
    name: "one huge plain string value (MiB)",
    make: (mib) => ({ "traceloop.span.kind": "task", "traceloop.entity.output": "x".repeat(mib * 1024 * 1024) }),
    base: 5,
  },
  {
    name: "attributes on one span (thousands)",
    make: (k) => {
      const a: Attributes = { "gen_ai.operation.name": "chat" };
      for (let i = 0; i < k * 1000; i++) a[`custom.key_${i}`] = i;
      return a;
    },
    base: 10,
  },
  {
    name: "OpenInference indexed messages (thousands)",
    make: (k) => {
      const a: Attributes = { "openinference.span.kind": "LLM" };
      for (let i = 0; i < k * 1000; i++) {
        a[`llm.input_messages.${i}.message.role`] = "user";
        a[`llm.input_messages.${i}.message.content`] = `m${i}`;
      }
      return a;
    },
    base: 1,
  },
  {
    name: "OpenLLMetry prompts with gaps (thousands)",
    make: (k) => {
      const a: Attributes = { "llm.request.type": "chat" };
      for (let i = 0; i < k * 1000; i++) a[`gen_ai.prompt.${i * 2}.content`] = `m${i}`;
      return a;
    },
    base: 1,
  },
  {
    name: "JSON nested deep (thousands of levels)",
    make: (k) => ({ "mlflow.spanInputs": `${"[".repeat(k * 1000)}${"]".repeat(k * 1000)}` }),
    base: 10,
  },
];

let sink: unknown;

/** Best of three, in ms. */
function time(run: () => unknown): number {
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < 3; r++) {
    const started = process.hrtime.bigint();
    sink = run();
    best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e6);
  }
  return best;
}

function copy(attributes: Attributes): Attributes {
  const out: Attributes = {};
  for (const key in attributes) out[key] = attributes[key]!;
  return out;
}

const rows = CASES.map((c) => {
  const small = c.make(c.base);
  const large = c.make(c.base * 10);
  const ours = [small, large].map((attributes) => time(() => toMlflowSpan({ name: "hostile", attributes })));
  const copies = [small, large].map((attributes) => time(() => copy(attributes)));
  const ratio = ours[1]! / ours[0]!;
  const [input, kept] = memoryAt(c, c.base * 10);
  return [
    c.name, String(c.base), String(c.base * 10), ours[0]!.toFixed(1), ours[1]!.toFixed(1), ratio.toFixed(1),
    (copies[1]! / Math.max(copies[0]!, 0.001)).toFixed(1), input.toFixed(1), kept.toFixed(1),
  ];
});

/** MiB of live heap for the input of size `n`, and for the translated span beyond that input. */
function memoryAt(c: Case, n: number): [number, number] {
  sink = undefined; // the previous case's input and span must not be freed between the readings
  const empty = heapMiB();
  const attributes = c.make(n);
  // String.repeat and + build ropes that V8 flattens on first read: read each once here, so the
  // flat copy counts as input rather than as the translation's.
  let chars = 0;
  for (const key in attributes) {
    const v = attributes[key];
    if (typeof v === "string" && v.length > 0) chars += v.charCodeAt(v.length >> 1);
  }
  const withInput = heapMiB();
  const span = toMlflowSpan({ name: "hostile", attributes });
  const withSpan = heapMiB();
  sink = [attributes, span, chars];
  return [withInput - empty, Math.max(0, withSpan - withInput)];
}
// Read the sink once so no run can be optimised away.
if (sink === Symbol.for("never")) console.log(sink);

const header = ["hostile input", "size", "10× size", "ms", "ms at 10×", "time ratio", "copy's ratio", "input MiB at 10×", "span's own MiB"];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const fmt = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ")} |`;
console.log("\nHostile input, time at 10× the size (≈10 linear, ≈1 refused early), and live heap at 10×:\n");
console.log(fmt(header));
console.log(`|${widths.map((w, i) => (i === 0 ? "-".repeat(w + 2) : `${"-".repeat(w + 1)}:`)).join("|")}|`);
for (const row of rows) console.log(fmt(row));
