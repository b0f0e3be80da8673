import type { ServerResponse } from 'node:http';

/** A bilingual message: Chinese first, as the staff read it, then English. */
export interface BilingualText {
  zh: string;
  en: string;
}

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
 * Every API error is `{ error: <stable code>, message: "<zh> / <en>", ...details }`. Messages
 * are fixed texts: request input is never echoed into them (INPUT-CASES G7).
 */
export function sendError(
  response: ServerResponse,
  statusCode: number,
  code: string,
  message: BilingualText,
  details: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): void {
  sendJson(response, statusCode, { error: code, message: `${message.zh} / ${message.en}`, ...details }, headers);
}

export const NOT_FOUND: BilingualText = { zh: '没有这个资源', en: 'not found' };
