/**
 * Small reply helpers shared by the provider endpoints in this folder (the older endpoints in
 * mock-provider.ts keep their own copies, so that file stays as it was).
 */
import type http from "node:http";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export function sendJson(res: http.ServerResponse, status: number, payload: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(payload);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** SSE frames; `event:` lines only when a frame names one. */
export function sendSse(
  res: http.ServerResponse,
  frames: ReadonlyArray<{ event?: string; data: string }>,
  headers: Record<string, string> = {},
): void {
  res.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache", ...headers });
  for (const frame of frames) {
    const eventLine = frame.event !== undefined ? `event: ${frame.event}\n` : "";
    res.write(`${eventLine}data: ${frame.data}\n\n`);
  }
  res.end();
}

export function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function asArray(value: Json | undefined): Json[] {
  return Array.isArray(value) ? value : [];
}

/** One reply handler: returns false when the route is not its own. */
export type RouteHandler = (route: string, body: JsonObject, res: http.ServerResponse) => boolean;

/** A fixed value that satisfies a (simple) JSON schema, for structured-output requests. */
export function sample(schema: Json | undefined): Json {
  if (!isObject(schema)) return null;
  const alternatives = asArray(schema["anyOf"] ?? schema["oneOf"]);
  if (alternatives.length > 0) {
    const first = alternatives.find((a) => !(isObject(a) && a["type"] === "null"));
    return sample(first);
  }
  const enumValues = asArray(schema["enum"]);
  if (enumValues.length > 0) return enumValues[0] ?? null;
  const type = Array.isArray(schema["type"]) ? schema["type"].find((t) => t !== "null") : schema["type"];
  switch (type) {
    case "object": {
      const props = isObject(schema["properties"]) ? schema["properties"] : {};
      return Object.fromEntries(Object.entries(props).map(([key, sub]) => [key, sample(sub)]));
    }
    case "array":
      return [sample(schema["items"])];
    case "string":
      return schema["format"] === "date" ? "2025-01-01" : "Paris";
    case "number":
      return 0.5;
    case "integer":
      return 1;
    case "boolean":
      return true;
    default:
      return null;
  }
}

