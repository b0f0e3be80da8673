import { GeodataError } from './fieldReader';

/** A response that is not 2xx, as the error that names the file: `<file>: HTTP 503 Service Unavailable`. */
export function httpFailure(file: string, response: Response): GeodataError {
  return new GeodataError(file, '', `HTTP ${response.status} ${response.statusText}`.trim());
}
