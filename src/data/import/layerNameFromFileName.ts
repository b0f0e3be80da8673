/*
 * A display name for a layer from a file name or a path inside an archive. The name is data,
 * never a path (docs/input-rules.md, G3): directories and the extension are dropped, control characters
 * and NUL removed, the length capped; storage uses server-generated ids.
 */

const MAX_NAME_LENGTH = 100;

export function layerNameFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const withoutExtension = base.includes('.') && !base.startsWith('.') ? base.slice(0, base.lastIndexOf('.')) : base;
  // eslint-disable-next-line no-control-regex -- removing control characters is the point here
  const clean = withoutExtension.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').trim();
  const characters = Array.from(clean);
  const name = characters.length > MAX_NAME_LENGTH ? characters.slice(0, MAX_NAME_LENGTH).join('') : clean;
  return name === '' ? 'layer' : name;
}
