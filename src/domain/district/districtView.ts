import type { MultiPolygon, Polygon } from 'geojson';
import type { DistrictDefinition } from '../plan/manifest';

export type DistrictView = Pick<DistrictDefinition, 'center' | 'zoom' | 'bounds'>;

/** A map of about this size shows the whole district at the zoom chosen (a laptop's map pane). */
const VIEW_WIDTH_PIXELS = 1000;
const VIEW_HEIGHT_PIXELS = 700;
/** Web Mercator tiles are 512 px wide at zoom 0 in MapLibre. */
const TILE_PIXELS = 512;
const MIN_ZOOM = 3;
const MAX_ZOOM = 18;

/** Six decimals of a degree are about 0.1 m: enough for a camera, short to read. */
const rounded = (degrees: number): number => Math.round(degrees * 1e6) / 1e6;

function mercatorY(latitudeDegrees: number): number {
  const phi = (latitudeDegrees * Math.PI) / 180;
  return Math.log(Math.tan(Math.PI / 4 + phi / 2));
}

/**
 * The initial camera and extent of layers.json for a district boundary in lon/lat: bounds of every
 * ring, the middle of the bounds in Web Mercator (so the district sits centred on screen), and the
 * largest whole zoom at which the bounds fit a typical map pane.
 */
export function districtView(boundaries: readonly (Polygon | MultiPolygon)[]): DistrictView {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const boundary of boundaries) {
    const polygons = boundary.type === 'Polygon' ? [boundary.coordinates] : boundary.coordinates;
    for (const ring of polygons.flat()) {
      for (const position of ring) {
        const [longitude = west, latitude = south] = position;
        west = Math.min(west, longitude);
        east = Math.max(east, longitude);
        south = Math.min(south, latitude);
        north = Math.max(north, latitude);
      }
    }
  }
  if (!Number.isFinite(west)) throw new RangeError('districtView needs at least one ring');
  const spanXRadians = Math.max(((east - west) * Math.PI) / 180, 1e-9);
  const spanYRadians = Math.max(mercatorY(north) - mercatorY(south), 1e-9);
  const zoomX = Math.log2((VIEW_WIDTH_PIXELS * 2 * Math.PI) / (TILE_PIXELS * spanXRadians));
  const zoomY = Math.log2((VIEW_HEIGHT_PIXELS * 2 * Math.PI) / (TILE_PIXELS * spanYRadians));
  const zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, Math.floor(Math.min(zoomX, zoomY))));
  const middleY = (mercatorY(north) + mercatorY(south)) / 2;
  const centerLatitude = ((2 * Math.atan(Math.exp(middleY)) - Math.PI / 2) * 180) / Math.PI;
  return {
    center: [rounded((west + east) / 2), rounded(centerLatitude)],
    zoom,
    bounds: [rounded(west), rounded(south), rounded(east), rounded(north)],
  };
}
