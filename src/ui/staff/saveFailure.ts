import type { LocalizedText } from '../../domain/plan/manifest';

/** What a save that threw (no answer from the server at all) says to the user. */
export interface SaveFailure {
  message: LocalizedText;
  /** The server was not reached: the message says the edits are kept, nothing more is needed around it. */
  unreachable: boolean;
}

const UNREACHABLE: LocalizedText = {
  zh: '无法连接服务器，修改仍保留在本机',
  en: 'Cannot reach the server; your changes are kept on this computer',
};

/**
 * fetch rejects with a TypeError when the request never got an answer (offline, server down,
 * connection reset); its text ("Failed to fetch", "NetworkError when attempting…") differs by
 * browser and is English only, so it is replaced.
 */
export function saveFailure(error: unknown): SaveFailure {
  if (error instanceof TypeError || (error instanceof DOMException && error.name === 'NetworkError')) return { message: UNREACHABLE, unreachable: true };
  const text = error instanceof Error ? error.message : String(error);
  return { message: { zh: text, en: text }, unreachable: false };
}
