/** The read side of the LiveKit Agents module (detection and parser): what translation needs; index.ts adds the rest. */
import type { ConventionReader } from "../types.js";
import { LK_DETECTION } from "./keys.js";
import { parseLivekit } from "./parse.js";

export const livekitReader = {
  id: "livekit",
  detect: LK_DETECTION,
  parse: parseLivekit,
} as const satisfies ConventionReader<"livekit">;
