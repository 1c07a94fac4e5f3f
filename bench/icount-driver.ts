/**
 * The measured process of `bench/icount.ts`, bundled once per library root (the bundler points the
 * import of `../src/index.js` below at `<root>/src/index.ts`). Loads the corpus, keeps the spans the parent chose for a row, runs the row's
 * work untimed `warm` passes and then `passes` more, and exits: the parent runs it under callgrind at two
 * pass counts, and the difference of the two totals is the instructions of the extra passes.
 *
 *   node --single-threaded icount-<tag>.mjs <job.json>
 */
import { readFileSync } from "node:fs";
import * as lib from "../src/index.js";
import { floor } from "./floor.js";

interface Job {
  files: { path: string; logs?: string }[];
  /** Indices into the decoded spans (file order), replicated by the parent to the row's size. */
  spans: number[];
  work: "translate" | "store" | "floor" | "decode-json" | "decode-protobuf";
  warm: number;
  passes: number;
}

const job = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as Job;
const decoded: lib.DecodedSpan[] = [];
for (const f of job.files) decoded.push(...lib.decodeOtlpJson(readFileSync(f.path, "utf8"), f.logs ? { logs: readFileSync(f.logs, "utf8") } : {}));
const spans = job.spans.map((i) => decoded[i]!);
let sink = 0;
let pass: () => void;
if (job.work === "floor") {
  pass = () => {
    for (const s of spans) sink += Object.keys(floor(s)).length;
  };
} else if (job.work === "translate" || job.work === "store") {
  const store = job.work === "store";
  pass = () => {
    for (const s of spans) {
      const span = lib.toMlflowSpan(s);
      sink += store ? Object.keys(lib.toMlflowAttributes(span)).length : span.name.length;
    }
  };
} else if (job.work === "decode-json") {
  const text = JSON.stringify(lib.encodeOtlpJson(spans as never));
  pass = () => {
    sink += lib.decodeOtlpJson(text).length;
  };
} else {
  const bytes = (lib as unknown as { encodeOtlpProtobuf(s: unknown): Uint8Array }).encodeOtlpProtobuf(spans);
  const decode = (lib as unknown as { decodeOtlpProtobuf(b: Uint8Array): unknown[] }).decodeOtlpProtobuf;
  pass = () => {
    sink += decode(bytes).length;
  };
}
for (let i = 0; i < job.warm + job.passes; i++) pass();
process.stdout.write(`${sink}\n`);
