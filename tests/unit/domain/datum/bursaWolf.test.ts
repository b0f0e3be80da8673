import { describe, expect, it } from 'vitest';
import { applyHelmert, helmertParameters } from '../../../../src/domain/datum/bursaWolf';
import { GRS80, geocentricToGeodetic, geodeticToGeocentric } from '../../../../src/domain/datum/geocentric';

// EPSG Guidance Note 7-2 (2019), §4.3.3 (method 9606, position vector) and §4.3.4 (9607, coordinate frame).

const parameters = { dxMeters: 21.6, dyMeters: -85.3, dzMeters: -47.1, rxArcSeconds: 1.21, ryArcSeconds: -0.86, rzArcSeconds: 2.37, scalePpm: -2.8 };

describe('the Bursa-Wolf transformation', () => {
  it('reproduces the guidance note’s worked example of the position-vector method (WGS 72 to WGS 84)', () => {
    // GN 7-2 §4.3.3.1: tX 0, tY 0, tZ +4.5 m, rZ +0.554″, dS +0.219 ppm on (3 657 660.66, 255 768.55, 5 201 382.11).
    const helmert = helmertParameters({ convention: 'position-vector', dxMeters: 0, dyMeters: 0, dzMeters: 4.5, rxArcSeconds: 0, ryArcSeconds: 0, rzArcSeconds: 0.554, scalePpm: 0.219 });
    const [x, y, z] = applyHelmert(helmert, [3657660.66, 255768.55, 5201382.11]);
    // The note rounds its result to the centimetre.
    expect(Math.abs(x - 3657660.78)).toBeLessThan(0.01);
    expect(Math.abs(y - 255778.43)).toBeLessThan(0.01);
    expect(Math.abs(z - 5201387.75)).toBeLessThan(0.01);
  });

  it('reads coordinate-frame rotations as position-vector rotations of the opposite sign', () => {
    const positionVector = helmertParameters({ convention: 'position-vector', ...parameters });
    const coordinateFrame = helmertParameters({ convention: 'coordinate-frame', ...parameters, rxArcSeconds: -1.21, ryArcSeconds: 0.86, rzArcSeconds: -2.37 });
    expect(coordinateFrame).toEqual(positionVector);
  });

  it('goes to geocentric coordinates and back within a micrometre of the start', () => {
    const [x, y, z] = geodeticToGeocentric(GRS80, 102.7, 25.03, 1890);
    const [lon, lat, height] = geocentricToGeodetic(GRS80, x, y, z);
    expect(lon).toBeCloseTo(102.7, 11);
    expect(lat).toBeCloseTo(25.03, 11);
    expect(height).toBeCloseTo(1890, 5);
  });
});
