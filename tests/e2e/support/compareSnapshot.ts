import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { PNG } from 'pngjs';

export interface SnapshotComparison {
  /** Share of pixels whose colour differs by more than the channel tolerance, 0..1. */
  differingFraction: number;
  written: boolean;
}

/** Averages `factor`×`factor` blocks: snapshots of 4K screens stay small in git. */
function downscale(source: PNG, factor: number): PNG {
  const width = Math.floor(source.width / factor);
  const height = Math.floor(source.height / factor);
  const target = new PNG({ width, height });
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      for (let channel = 0; channel < 4; channel += 1) {
        let sum = 0;
        for (let dy = 0; dy < factor; dy += 1) {
          for (let dx = 0; dx < factor; dx += 1) {
            sum += source.data[((y * factor + dy) * source.width + x * factor + dx) * 4 + channel] ?? 0;
          }
        }
        target.data[(y * width + x) * 4 + channel] = Math.round(sum / (factor * factor));
      }
    }
  }
  return target;
}

/**
 * Compares a screenshot with the committed snapshot (Observable Plot's habit): UPDATE_SNAPSHOTS=1
 * writes it; a mismatch, or a missing snapshot, fails and writes `<name>.actual.png` beside it for
 * review (a snapshot is only ever made on purpose).
 */
export function compareSnapshot(screenshot: Buffer, snapshotPath: string, factor: number, channelTolerance = 40): SnapshotComparison {
  const actual = downscale(PNG.sync.read(screenshot), factor);
  const encoded = PNG.sync.write(actual);
  if (process.env.UPDATE_SNAPSHOTS === '1') {
    mkdirSync(dirname(snapshotPath), { recursive: true });
    writeFileSync(snapshotPath, encoded);
    return { differingFraction: 0, written: true };
  }
  if (!existsSync(snapshotPath)) {
    mkdirSync(dirname(snapshotPath), { recursive: true });
    writeFileSync(snapshotPath.replace(/\.png$/, '.actual.png'), encoded);
    return { differingFraction: 1, written: false };
  }
  const expected = PNG.sync.read(readFileSync(snapshotPath));
  if (expected.width !== actual.width || expected.height !== actual.height) {
    writeFileSync(snapshotPath.replace(/\.png$/, '.actual.png'), encoded);
    return { differingFraction: 1, written: false };
  }
  let differing = 0;
  for (let offset = 0; offset < actual.data.length; offset += 4) {
    for (let channel = 0; channel < 3; channel += 1) {
      if (Math.abs((actual.data[offset + channel] ?? 0) - (expected.data[offset + channel] ?? 0)) > channelTolerance) {
        differing += 1;
        break;
      }
    }
  }
  const differingFraction = differing / (actual.width * actual.height);
  if (differingFraction > 0) writeFileSync(snapshotPath.replace(/\.png$/, '.actual.png'), encoded);
  return { differingFraction, written: false };
}
