/** The read side of the OpenInference module (detection and parser): what translation needs; index.ts adds the rest. */
import type { ConventionReader } from "../types.js";
import { OPENINFERENCE_DETECTION } from "./keys.js";
import { parseOpenInference } from "./parse/index.js";

export const openinferenceReader = {
  id: "openinference",
  detect: OPENINFERENCE_DETECTION,
  parse: parseOpenInference,
} as const satisfies ConventionReader<"openinference">;
