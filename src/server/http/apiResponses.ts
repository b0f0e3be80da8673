import type { ServerResponse } from 'node:http';
import type { LocalizedText } from '../../domain/plan/localizedText';

/** A message in both UI languages, whole: the client shows the user's language and never splits a text. */
export type BilingualText = LocalizedText;

export function sendJson(response: ServerResponse, statusCode: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.statusCode = statusCode;
  response.setHeader('Content-Type', 'application/json; charset=utf-8');
  response.setHeader('Cache-Control', 'no-store');
  response.setHeader('X-Content-Type-Options', 'nosniff');
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
  response.setHeader('Content-Length', Buffer.byteLength(text));
  response.end(text);
}

/**
 * Every API error is `{ error: <stable code>, message: { zh, en }, ...details }`. Messages are
 * fixed texts: request input is never echoed into them (docs/input-rules.md, "Hostile content").
 */
export function sendError(
  response: ServerResponse,
  statusCode: number,
  code: string,
  message: BilingualText,
  details: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): void {
  sendJson(response, statusCode, { error: code, message, ...details }, headers);
}

export const NOT_FOUND: BilingualText = { zh: '没有这个资源', en: 'not found' };
