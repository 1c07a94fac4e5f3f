/**
 * READERS: the parse side of CONVENTIONS, in the same order (conventions/index.ts checks that both lists
 * agree, at compile time and at load; test/conventions/readers.test.ts shows it). Detection and
 * `toMlflowSpan` import only this list, so a program that translates bundles the parsers but not the
 * emitters, validation rules or losses (docs/architecture.md "Bundle size").
 *
 * Order matters as in CONVENTIONS: parsers run in list order, and on a tie between two candidates of
 * the same rank the earlier convention wins.
 */
import { allocateGroupBits } from "../readers/groups.js";
import { claudeCodeReader } from "./claude-code/reader.js";
import { geminiCliReader } from "./gemini-cli/reader.js";
import { genaiReader } from "./genai/reader.js";
import { googleAdkReader } from "./google-adk/reader.js";
import { laminarReader } from "./laminar/reader.js";
import { langfuseReader } from "./langfuse/reader.js";
import { livekitReader } from "./livekit/reader.js";
import { mastraReader } from "./mastra/reader.js";
import { mlflowReader } from "./mlflow/reader.js";
import { openinferenceReader } from "./openinference/reader.js";
import { openllmetryReader } from "./openllmetry/reader.js";
import { pydanticAiReader } from "./pydantic-ai/reader.js";
import { springAiReader } from "./spring-ai/reader.js";
import { strandsReader } from "./strands/reader.js";
import type { ConventionReader, Parser } from "./types.js";
import { vercelAiReader } from "./vercel-ai/reader.js";
import { voltagentReader } from "./voltagent/reader.js";

export const READERS = [
  mlflowReader,
  openinferenceReader,
  openllmetryReader,
  vercelAiReader,
  langfuseReader,
  claudeCodeReader,
  voltagentReader,
  laminarReader,
  pydanticAiReader,
  strandsReader,
  mastraReader,
  googleAdkReader,
  livekitReader,
  geminiCliReader,
  springAiReader,
  genaiReader,
] as const;

/** A convention id (the same union as conventions/index.ts `Convention`, which is checked against it). */
export type ReaderId = (typeof READERS)[number]["id"];

const PARSER_BY_ID: ReadonlyMap<string, Parser> = new Map((READERS as readonly ConventionReader[]).map((m) => [m.id, m.parse]));

/** The parser of a convention id (undefined for an id this build does not know). */
export function parserOf(id: string): Parser | undefined {
  return PARSER_BY_ID.get(id);
}

/** Detection marks a span with one bit per convention in a 32-bit mask (pipeline/detect.ts). */
if (READERS.length > 31) throw new Error(`${READERS.length} conventions do not fit the detection mask (31 at most)`);

// Key groups get their bits here, in list order, at load: never numbered by hand. A detector over a few
// readers (pipeline/detector.ts) allocates again, which leaves bits already given unchanged.
allocateGroupBits((READERS as readonly ConventionReader[]).flatMap((m) => m.groups ?? []));
