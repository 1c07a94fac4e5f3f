/** The read side of the Mastra module (detection and parser): what translation needs; index.ts adds the rest. */
import type { ConventionReader } from "../types.js";
import { parseMastra } from "./parse.js";

export const mastraReader = {
  id: "mastra",
  detect: [{ prefix: "mastra." }],
  parse: parseMastra,
} as const satisfies ConventionReader<"mastra">;
