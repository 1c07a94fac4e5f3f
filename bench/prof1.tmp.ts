import { readFileSync } from "node:fs";
import { decodeOtlpJson, toMlflowSpan } from "../src/index.js";
const f = process.argv[2] ?? "genai/otel-openai__embeddings";
const spans = decodeOtlpJson(readFileSync(`fixtures/${f}.otlp.json`, "utf8")).filter((s) => Object.keys(s.attributes).some((k) => k.startsWith("gen_ai") || k.startsWith("traceloop") || k.startsWith("llm")));
let sink = 0;
const end = Date.now() + 5000;
while (Date.now() < end) for (let i = 0; i < 10000; i++) for (const s of spans) sink += toMlflowSpan(s).diagnostics.length;
console.log(sink > -1);
