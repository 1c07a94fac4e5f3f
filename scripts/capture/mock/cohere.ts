/**
 * Cohere v1 API for the mock provider (the `cohere-ai` SDK's `CohereClient`, pointed here with
 * its `baseUrl` option):
 *
 *   `POST /v1/rerank` -> documents ranked by a fixed rule (those mentioning the query's last word
 *                        first), relevance scores 0.9, 0.5, 0.1, ...; the documents' text is
 *                        returned when `return_documents` is set; one billed search unit
 *   `POST /v1/chat`   -> text answer chosen by the message; `temperature` above 1 -> HTTP 400
 */
import type http from "node:http";

import { asArray, isObject, type JsonObject, type RouteHandler, sendJson } from "./http.js";

const HEADERS = { "x-request-id": "req-fixture-cohere-0001" };
const REPLIES: Readonly<Record<string, string>> = { "What is the capital of France?": "The capital of France is Paris." };

function docText(doc: unknown): string {
  if (typeof doc === "string") return doc;
  return isObject(doc as never) && typeof (doc as JsonObject)["text"] === "string" ? ((doc as JsonObject)["text"] as string) : "";
}

function rerank(body: JsonObject, res: http.ServerResponse): void {
  const query = typeof body["query"] === "string" ? body["query"] : "";
  const word = (query.match(/\w+/g) ?? []).pop()?.toLowerCase() ?? "";
  const docs = asArray(body["documents"]).map((doc, index) => ({ index, text: docText(doc) }));
  const ranked = [...docs].sort((a, b) => {
    const hit = (d: { text: string }): number => (d.text.toLowerCase().includes(word) ? 0 : 1);
    return hit(a) - hit(b) || a.index - b.index;
  });
  const topN = typeof body["top_n"] === "number" ? body["top_n"] : ranked.length;
  const withDocs = body["return_documents"] === true;
  sendJson(
    res,
    200,
    {
      id: "rerank-fixture-0001",
      results: ranked.slice(0, topN).map((d, rank) => ({
        index: d.index,
        relevance_score: Math.max(0.9 - rank * 0.4, 0.1),
        ...(withDocs ? { document: { text: d.text } } : {}),
      })),
      meta: { api_version: { version: "1" }, billed_units: { search_units: 1 } },
    },
    HEADERS,
  );
}

function chat(body: JsonObject, res: http.ServerResponse): void {
  const t = body["temperature"];
  if (typeof t === "number" && t > 1) {
    sendJson(res, 400, { message: "invalid request: temperature must be between 0 and 1" }, HEADERS);
    return;
  }
  const message = typeof body["message"] === "string" ? body["message"] : "";
  const text = REPLIES[message] ?? "This is a fixed reply from the mock provider.";
  sendJson(
    res,
    200,
    {
      response_id: "chat-fixture-0001",
      text,
      generation_id: "gen-fixture-0001",
      chat_history: [
        { role: "USER", message },
        { role: "CHATBOT", message: text },
      ],
      finish_reason: "COMPLETE",
      meta: {
        api_version: { version: "1" },
        billed_units: { input_tokens: 17, output_tokens: 8 },
        tokens: { input_tokens: 83, output_tokens: 8 },
      },
    },
    HEADERS,
  );
}

export const cohereRoute: RouteHandler = (route, body, res) => {
  if (route === "POST /v1/rerank") rerank(body, res);
  else if (route === "POST /v1/chat") chat(body, res);
  else return false;
  return true;
};
