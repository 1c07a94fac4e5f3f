/** The read side of the Google ADK module (detection and parser): what translation needs; index.ts adds the rest. */
import type { ConventionReader } from "../types.js";
import { ADK_DETECTION, ADK_SCOPE } from "./keys.js";
import { parseGoogleAdk } from "./parse.js";

export const googleAdkReader = {
  id: "google-adk",
  detect: ADK_DETECTION,
  // ADK traces with the tracer name `gcp.vertex.agent`: the invoke_agent spans carry only GenAI keys.
  detectScopes: [ADK_SCOPE],
  parse: parseGoogleAdk,
} as const satisfies ConventionReader<"google-adk">;
