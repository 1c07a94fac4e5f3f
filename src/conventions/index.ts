/**
 * CONVENTIONS: the one place conventions are listed. Everything convention-keyed derives from this list:
 * the `Convention` type, detection and parse order (most specific first: on a tie between two
 * candidates of the same rank the earlier convention wins), key-group bits, emit targets, validation
 * rules, CLI help and the README's convention table (test/docs.test.ts checks it); the declared losses
 * (LOSSES, conventions/round-trips.ts) are keyed by the emit targets derived here.
 *
 * Adding a convention: a folder `src/conventions/<id>/` whose `reader.ts` exports the parse side
 * (`satisfies ConventionReader<"<id>">`) and whose `index.ts` spreads it into the full module
 * (`satisfies ConventionModule<"<id>">`), one entry here and one at the same place in READERS
 * (conventions/readers.ts: the list the translation path imports, so it does not bundle emitters
 * and rules). Both lists are checked to agree below (docs/architecture.md walks through it). A
 * convention we also write lists its losses in LOSSES (conventions/round-trips.ts); tsc asks for them.
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
import type { CONVENTION_ID_LIST } from "./ids.js";
import { READERS } from "./readers.js";
import type { ConventionModule, ConventionReader } from "./types.js";
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

// READERS (the parse side, conventions/readers.ts) must list the same conventions in the same order,
// each module built on its own reader (`...reader` in its index.ts). The compiler checks ids and order;
// the load-time check catches a module that copies its reader's fields instead of spreading the reader.
type IdsOf<L extends readonly { id: string }[]> = { [I in keyof L]: L[I]["id"] };
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const READERS_LIST_THE_SAME_IDS_IN_THE_SAME_ORDER: Same<IdsOf<typeof CONVENTIONS>, IdsOf<typeof READERS>> = true;
const IDS_LIST_THE_SAME_IDS_IN_THE_SAME_ORDER: Same<IdsOf<typeof CONVENTIONS>, typeof CONVENTION_ID_LIST> = true;
void READERS_LIST_THE_SAME_IDS_IN_THE_SAME_ORDER;
void IDS_LIST_THE_SAME_IDS_IN_THE_SAME_ORDER;
if (
  CONVENTIONS.length !== READERS.length ||
  (CONVENTIONS as readonly ConventionModule[]).some((m, i) => {
    const r: ConventionReader = READERS[i]!;
    return (Object.keys(r) as (keyof ConventionReader)[]).some((key) => m[key] !== r[key]);
  })
) {
  throw new Error(`CONVENTIONS and READERS disagree: ${CONVENTION_IDS.join(",")} vs ${READERS.map((r) => r.id).join(",")}`);
}
