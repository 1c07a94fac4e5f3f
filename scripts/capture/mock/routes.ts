/**
 * Provider endpoints of the mock that live in their own files; mock-provider.ts tries each of
 * these, in order, for a route it does not know itself.
 */
import { bedrockRoute } from "./bedrock.js";
import { cohereRoute } from "./cohere.js";
import { openaiResponsesRoute } from "./openai-responses.js";
import type { RouteHandler } from "./http.js";

export const EXTRA_ROUTES: readonly RouteHandler[] = [openaiResponsesRoute, bedrockRoute, cohereRoute];
