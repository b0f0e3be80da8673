/** What the tiled layer's browser rows (runTileBrowser.ts) measure, per size, view and contender. */

/** A street, where parcels are drawn one by one (at a million, the z15 tiles hold every second one: docs/tiles.md). */
export const TILE_STREET_ZOOM = 15;

export type TileView = 'district' | 'street';

export interface TileBrowserRepetition {
  firstFullRenderMs: number;
  filterLatencyMs: number[];
  panFrameMs: number;
  pssBytes: number;
  /** Tile responses the page had received by its first full render. */
  tilesAtFirstFullRender: number;
  errors: string[];
}

/** The app at the same view with every layer hidden: what it costs before it draws a tile. */
export interface TileViewFloor {
  firstFullRenderMs: number;
  panFrameMs: number;
  pssBytes: number;
}

export interface TileViewResult {
  view: TileView;
  ours: TileBrowserRepetition[];
  baseline: TileBrowserRepetition[];
  floor: TileViewFloor;
}

export interface TileBrowserResult {
  size: number;
  repetitions: number;
  /** The 1-minute load average before and after this size's pages: the two cores are shared. */
  loadAverage: { before: number; after: number };
  views: TileViewResult[];
}
