/** The read side of the Laminar module (detection and parser): what translation needs; index.ts adds the rest. */
import type { ConventionReader } from "../types.js";
import { LAMINAR_DETECTION } from "./keys.js";
import { parseLaminar } from "./parse/index.js";

export const laminarReader = {
  id: "laminar",
  detect: LAMINAR_DETECTION,
  parse: parseLaminar,
} as const satisfies ConventionReader<"laminar">;
