import { importMessage } from './importMessage';
import type { ImportResult } from './importResult';
import { readKml } from './readKml';
import type { ZipFile } from './readZip';

/*
 * A KMZ is a zip whose main document is doc.kml at the root, or failing that the first .kml
 * in the archive (Google's KMZ convention, adopted in OGC 07-147r2 Annex C). Images and other
 * resources are not needed for features.
 */
export function readKmz(fileName: string, files: readonly ZipFile[]): ImportResult {
  const kmlFiles = files.filter((file) => file.name.toLowerCase().endsWith('.kml'));
  const main = kmlFiles.find((file) => file.name.toLowerCase() === 'doc.kml') ?? kmlFiles[0];
  if (!main) return { ok: false, problems: [importMessage('KMZ_NO_KML', 'KMZ 压缩包中没有 .kml 文件', 'the KMZ archive holds no .kml file')] };
  return readKml(fileName, main.bytes);
}
