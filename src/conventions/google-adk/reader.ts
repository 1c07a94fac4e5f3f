/** The read side of the Google ADK module (detection and parser): what translation needs; index.ts adds the rest. */
import type { ConventionReader } from "../types.js";
import { ADK_DETECTION } from "./keys.js";
import { parseGoogleAdk } from "./parse.js";

export const googleAdkReader = {
  id: "google-adk",
  detect: ADK_DETECTION,
  parse: parseGoogleAdk,
} as const satisfies ConventionReader<"google-adk">;
