import type { Geometry, Position } from 'geojson';

/*
 * RFC 7946 §3.1.6: exterior rings counterclockwise, holes clockwise. Rings of a valid polygon
 * are reversed where needed; the set of points, and so the area, does not change (docs/input-rules.md,
 * D9). The sign comes from the shoelace formula in lon/lat, enough for rings that do not cross
 * the antimeridian (those are rejected earlier).
 */

function signedArea(ring: readonly Position[]): number {
  let twiceArea = 0;
  for (let index = 0, previous = ring.length - 1; index < ring.length; previous = index++) {
    const [x1 = 0, y1 = 0] = ring[previous] ?? [];
    const [x2 = 0, y2 = 0] = ring[index] ?? [];
    twiceArea += (x1 - x2) * (y1 + y2);
  }
  return twiceArea / 2;
}

function rewindPolygon(rings: Position[][]): { rings: Position[][]; rewound: boolean } {
  let rewound = false;
  const result = rings.map((ring, index) => {
    const counterclockwise = signedArea(ring) > 0;
    if (counterclockwise === (index === 0)) return ring;
    rewound = true;
    return [...ring].reverse();
  });
  return { rings: result, rewound };
}

/** The geometry with RFC 7946 ring orientation, and whether any ring had to be reversed. */
export function rewindGeometry(geometry: Geometry): { geometry: Geometry; rewound: boolean } {
  if (geometry.type === 'Polygon') {
    const { rings, rewound } = rewindPolygon(geometry.coordinates);
    return { geometry: rewound ? { ...geometry, coordinates: rings } : geometry, rewound };
  }
  if (geometry.type === 'MultiPolygon') {
    let rewound = false;
    const coordinates = geometry.coordinates.map((polygon) => {
      const result = rewindPolygon(polygon);
      rewound ||= result.rewound;
      return result.rings;
    });
    return { geometry: rewound ? { ...geometry, coordinates } : geometry, rewound };
  }
  if (geometry.type === 'GeometryCollection') {
    let rewound = false;
    const geometries = geometry.geometries.map((member) => {
      const result = rewindGeometry(member);
      rewound ||= result.rewound;
      return result.geometry;
    });
    return { geometry: rewound ? { ...geometry, geometries } : geometry, rewound };
  }
  return { geometry, rewound: false };
}
