/** The colours of a basemap theme, for the GeoJSON basemap, the OpenMapTiles style and the app's own outlines and labels. */
export interface BasemapPalette {
  background: string;
  paper: string;
  hill: string;
  contour: string;
  water: string;
  waterLabel: string;
  road: string;
  expressway: string;
  roadCasing: string;
  text: string;
  textStrong: string;
  hillText: string;
  halo: string;
  boundary: string;
  streetBoundary: string;
  chosenStreet: string;
}

/** The land colours of the two palettes; tests blend plan colours over them. */
export const LIGHT_PAPER = '#f4f2ed';
export const DARK_PAPER = '#172231';

export const PALETTES: Record<'light' | 'dark', BasemapPalette> = {
  light: {
    background: '#e9eef1', paper: LIGHT_PAPER, hill: '#e3e6d3', contour: '#c9c8b0', water: '#a9d3ea',
    waterLabel: '#2f6f99', road: '#ffffff', expressway: '#fbe3b0', roadCasing: '#d5d0c6', text: '#4a4f55',
    textStrong: '#2b2f36', hillText: '#6d7a4a', halo: 'rgba(255,255,255,0.9)', boundary: '#5b6170', streetBoundary: '#8a8f99',
    chosenStreet: '#1d5fd1',
  },
  dark: {
    background: '#0b1320', paper: DARK_PAPER, hill: '#1d2a2c', contour: '#2a3a3a', water: '#0d2f4a',
    waterLabel: '#6fa8d6', road: '#2b394c', expressway: '#4a4330', roadCasing: '#202c3c', text: '#a9b6c8',
    textStrong: '#e4ebf5', hillText: '#8fa07a', halo: 'rgba(8,14,24,0.9)', boundary: '#8da2c0', streetBoundary: '#5d6f88',
    chosenStreet: '#ffd27a',
  },
};
