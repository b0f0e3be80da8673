import type { Locale } from '../plan/manifest';
import type { MeasuredLayer } from '../measure/measuredLayer';
import type { PlanFeature } from '../plan/planFeature';
import { centerLongitude } from './centerLongitude';
import { exportCsvText, type CsvLabels } from './exportCsvText';
import { exportGeoJsonText } from './exportGeoJsonText';
import { exportIndexes, type ExportScope } from './exportIndexes';
import { gaussKrugerProjection } from './gaussKrugerProjection';
import { gaussKrugerZoneOf, type GaussKrugerZone } from './gaussKrugerZone';

/**
 * GeoJSON in WGS 84 lon/lat (RFC 7946); GeoJSON in the CGCS2000 3° Gauss-Krüger zone of the data,
 * without or with the zone number in the easting; or a CSV of the attributes with measures.
 */
export type ExportFormat = 'geojson' | 'gauss-kruger' | 'gauss-kruger-prefixed' | 'csv';

export interface ExportRequest {
  format: ExportFormat;
  scope: ExportScope;
  /** The language of labels in a CSV. */
  locale: Locale;
  /** A CSV's headers and coded values: labels in a language, or codes; the labels of `locale` when absent. */
  csvLabels?: CsvLabels;
  /** YYYY-MM-DD, in the file name. */
  date: string;
  /**
   * Each feature also carries its status on this day (YYYY-MM-DD): set when the map shows a past
   * day. A CSV gets columns for it, GeoJSON the properties `status_as_of` and `status_as_of_date`.
   */
  statusAsOfDate?: string;
}

export interface ExportedFile {
  fileName: string;
  mediaType: string;
  text: string;
  featureCount: number;
  /** The CRS of the coordinates; absent for a CSV. */
  epsg?: number;
  /** The Gauss-Krüger zone, for a projected export. */
  zone?: number;
}

export type ExportResult = { ok: true; file: ExportedFile } | { ok: false; reason: 'no-gauss-kruger-zone' };

export const WGS84_EPSG = 4326;
const GEOJSON_MEDIA_TYPE = 'application/geo+json';
const CSV_MEDIA_TYPE = 'text/csv;charset=utf-8';

/** The features of the layer at `indexes`, in that order. */
function featuresAt(layer: MeasuredLayer, indexes: Uint32Array): PlanFeature[] {
  const features: PlanFeature[] = [];
  for (const index of indexes) {
    const feature = layer.features[index];
    if (feature) features.push(feature);
  }
  return features;
}

/** The Gauss-Krüger zone for exporting the features at `indexes`: the one around their centre longitude. */
export function exportZoneOf(layer: MeasuredLayer, indexes: Uint32Array): GaussKrugerZone | undefined {
  const longitude = centerLongitude(featuresAt(layer, indexes).map((feature) => feature.geometry));
  return longitude === undefined ? undefined : gaussKrugerZoneOf(longitude);
}

/**
 * One layer, or the part of it the view's filter shows, as a file: the single path the app's
 * export menu and `npm run export` share, so both write the same bytes for the same data.
 * A projected export needs features inside China's Gauss-Krüger zones (75°E–135°E).
 */
export function exportLayer(layer: MeasuredLayer, request: ExportRequest): ExportResult {
  const indexes = exportIndexes(layer, request.scope);
  const features = featuresAt(layer, indexes);
  const base = `${layer.definition.id}-${request.date}`;
  switch (request.format) {
    case 'geojson':
      return {
        ok: true,
        file: { fileName: `${base}.geojson`, mediaType: GEOJSON_MEDIA_TYPE, text: exportGeoJsonText(layer.definition, features, { statusAsOfDate: request.statusAsOfDate }), featureCount: features.length, epsg: WGS84_EPSG },
      };
    case 'csv': {
      const labels = request.csvLabels ?? request.locale;
      const options = request.statusAsOfDate === undefined ? { labels, locale: request.locale } : { labels, locale: request.locale, asOfDate: request.statusAsOfDate };
      return { ok: true, file: { fileName: `${base}.csv`, mediaType: CSV_MEDIA_TYPE, text: exportCsvText(layer, indexes, options), featureCount: features.length } };
    }
    case 'gauss-kruger':
    case 'gauss-kruger-prefixed': {
      const zone = exportZoneOf(layer, indexes);
      const prefixed = request.format === 'gauss-kruger-prefixed';
      const projection = zone && gaussKrugerProjection(prefixed ? zone.prefixedEpsg : zone.epsg);
      if (!zone || !projection) return { ok: false, reason: 'no-gauss-kruger-zone' };
      return {
        ok: true,
        file: {
          fileName: `${base}-cgcs2000-gk-${zone.zone}${prefixed ? '-prefixed' : ''}.geojson`,
          mediaType: GEOJSON_MEDIA_TYPE,
          text: exportGeoJsonText(layer.definition, features, { projection, statusAsOfDate: request.statusAsOfDate }),
          featureCount: features.length,
          epsg: projection.epsg,
          zone: zone.zone,
        },
      };
    }
  }
}
