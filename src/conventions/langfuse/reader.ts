/** The read side of the Langfuse module (detection and parser): what translation needs; index.ts adds the rest. */
import type { ConventionReader } from "../types.js";
import { LANGFUSE_DETECTION } from "./keys.js";
import { parseLangfuse } from "./parse/index.js";

export const langfuseReader = {
  id: "langfuse",
  detect: LANGFUSE_DETECTION,
  parse: parseLangfuse,
} as const satisfies ConventionReader<"langfuse">;
