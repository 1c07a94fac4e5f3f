/**
 * CONVENTIONS: the one place conventions are listed. Everything convention-keyed derives from this list:
 * the `Convention` type, detection and parse order (most specific first: on a tie between two
 * candidates of the same rank the earlier convention wins), key-group bits, emit targets, validation
 * rules, declared losses, CLI help and the README's convention table (test/docs.test.ts checks it).
 *
 * Adding a convention: a folder `src/conventions/<id>/` whose `index.ts` exports an object that
 * `satisfies ConventionModule<"<id>">`, and one entry here (docs/architecture.md walks through it).
 */
import type { CanonicalSpan } from "../canonical/span.js";
import { claudeCode } from "./claude-code/index.js";
import { geminiCli } from "./gemini-cli/index.js";
import { genai } from "./genai/index.js";
import { googleAdk } from "./google-adk/index.js";
import { laminar } from "./laminar/index.js";
import { langfuse } from "./langfuse/index.js";
import { livekit } from "./livekit/index.js";
import { mastra } from "./mastra/index.js";
import { mlflow } from "./mlflow/index.js";
import { openinference } from "./openinference/index.js";
import { openllmetry } from "./openllmetry/index.js";
import { pydanticAi } from "./pydantic-ai/index.js";
import { springAi } from "./spring-ai/index.js";
import { strands } from "./strands/index.js";
import type { CarryLoss, ConventionModule } from "./types.js";
import { vercelAi } from "./vercel-ai/index.js";
import { voltagent } from "./voltagent/index.js";

export const CONVENTIONS = [mlflow, openinference, openllmetry, vercelAi, langfuse, claudeCode, voltagent, laminar, pydanticAi, strands, mastra, googleAdk, livekit, geminiCli, springAi, genai] as const;

type Module = (typeof CONVENTIONS)[number];
export type Convention = Module["id"];
/** The conventions `fromMlflowSpan` can write (the modules with an emitter). */
export type EmitTarget = Extract<Module, { emit: unknown }>["id"];
/** The canonical span with this build's convention ids. */
export type MlflowSpan = CanonicalSpan<Convention>;

export const CONVENTION_IDS = CONVENTIONS.map((m) => m.id) as [Convention, ...Convention[]];
export const EMIT_TARGETS = CONVENTIONS.flatMap((m) => ("emit" in m ? [m.id] : [])) as [EmitTarget, ...EmitTarget[]];

const BY_ID: ReadonlyMap<string, ConventionModule> = new Map(CONVENTIONS.map((m) => [m.id, m]));

/** The module of a convention id (undefined for an id this build does not know). */
export function moduleOf(id: string): ConventionModule | undefined {
  return BY_ID.get(id);
}

export function isConvention(value: unknown): value is Convention {
  return typeof value === "string" && BY_ID.has(value);
}

/** Detection marks a span with one bit per convention in a 32-bit mask (pipeline/detect.ts). */
if (CONVENTIONS.length > 31) throw new Error(`${CONVENTIONS.length} conventions do not fit the detection mask (31 at most)`);

// Key groups get their bits here, in list order: never numbered by hand.
{
  let next = 0;
  for (const m of CONVENTIONS as readonly ConventionModule[]) {
    for (const group of m.groups ?? []) {
      if (next >= 31) throw new Error(`key group ${group.name} does not fit the group mask (31 groups at most): merge small groups`);
      group.bit = 1 << next++;
    }
  }
}

/** What each emit target cannot carry, from each module's `losses` (README "Round trips"). */
export const LOSSES: Readonly<Record<EmitTarget, readonly CarryLoss[]>> = Object.fromEntries(
  CONVENTIONS.flatMap((m) => ("emit" in m ? [[m.id, m.losses]] : [])),
) as Record<EmitTarget, readonly CarryLoss[]>;
