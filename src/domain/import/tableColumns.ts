import { coordinateValue } from './coordinateValue';

/*
 * Which columns of a table (CSV, Excel) hold its geometry, guessed from the header names common
 * in Chinese ledgers and from the values, and always shown for the user to confirm:
 * - `xy`: `x` is the east-west value (longitude or easting), `y` the north-south one.
 * - `wkt`: one column of well-known text (POINT, LINESTRING, POLYGON…).
 * In Chinese surveying X is the northing (纵坐标) and Y the easting (横坐标), the other way round
 * from mathematics and from most GIS; columns named only "X" and "Y" are therefore told apart by
 * their values: an easting of a 3° or 6° Gauss-Krüger zone is below 1 000 000 m, or 8 digits with
 * its zone number in front, while a northing in China lies between about 1 900 000 and 5 900 000 m.
 */

export type TableColumns = { kind: 'xy'; x: string; y: string } | { kind: 'wkt'; wkt: string };

export type TableCell = string | number | null;

export interface ColumnGuess {
  columns?: TableColumns;
  /** The guess took columns named X and Y as northing and easting (the survey convention). */
  surveyOrder?: boolean;
}

const normalise = (header: string): string => header.trim().toLowerCase().replace(/[\s_（）()]/g, '');

const LONGITUDE = /^(经度|lon|lng|long|longitude|经度坐标|东经)$/;
const LATITUDE = /^(纬度|lat|latitude|纬度坐标|北纬)$/;
const EASTING = /^(横坐标|东坐标|东向坐标|easting|east|e|y横坐标|横坐标y)$/;
const NORTHING = /^(纵坐标|北坐标|北向坐标|northing|north|n|x纵坐标|纵坐标x)$/;
const X = /^(x|x坐标|坐标x|xcoord|pointx)$/;
const Y = /^(y|y坐标|坐标y|ycoord|pointy)$/;
const WKT = /^(wkt|geom|geometry|shape|the_geom|几何|图形|坐标|坐标串|空间坐标|边界坐标|范围坐标)$/;
const WKT_VALUE = /^\s*(SRID=\d+;\s*)?(POINT|LINESTRING|POLYGON|MULTIPOINT|MULTILINESTRING|MULTIPOLYGON)\s*(ZM|Z|M)?\s*(\(|EMPTY)/i;

function firstValues(rows: readonly TableCell[][], column: number, count = 20): TableCell[] {
  const values: TableCell[] = [];
  for (const row of rows) {
    const value = row[column];
    if (value !== null && value !== undefined && String(value).trim() !== '') values.push(value);
    if (values.length >= count) break;
  }
  return values;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** An easting: under 1 000 000 m, or a zone number and 6 digits (13–23 for 6° zones, 25–45 for 3° ones). */
const looksLikeEasting = (value: number): boolean => (value > 0 && value < 1_000_000) || (value >= 13_000_000 && value < 46_000_000);
const looksLikeNorthing = (value: number): boolean => value >= 1_000_000 && value < 7_000_000;

export function guessTableColumns(headers: readonly string[], rows: readonly TableCell[][]): ColumnGuess {
  const names = headers.map(normalise);
  const find = (pattern: RegExp): string | undefined => headers[names.findIndex((name) => pattern.test(name))];
  const longitude = find(LONGITUDE);
  const latitude = find(LATITUDE);
  if (longitude && latitude) return { columns: { kind: 'xy', x: longitude, y: latitude } };
  const easting = find(EASTING);
  const northing = find(NORTHING);
  if (easting && northing) return { columns: { kind: 'xy', x: easting, y: northing } };
  const wktIndex = names.findIndex((name, index) => WKT.test(name) && firstValues(rows, index, 3).some((value) => WKT_VALUE.test(String(value))));
  const wkt = headers[wktIndex];
  if (wkt !== undefined) return { columns: { kind: 'wkt', wkt } };
  const x = find(X);
  const y = find(Y);
  if (x && y) {
    const xs = firstValues(rows, headers.indexOf(x)).map(coordinateValue).filter((value): value is number => value !== undefined);
    const ys = firstValues(rows, headers.indexOf(y)).map(coordinateValue).filter((value): value is number => value !== undefined);
    const mx = median(xs);
    const my = median(ys);
    if (looksLikeNorthing(mx) && looksLikeEasting(my)) return { columns: { kind: 'xy', x: y, y: x }, surveyOrder: true };
    return { columns: { kind: 'xy', x, y } };
  }
  // A column whose values are WKT, whatever its name.
  const anyWkt = headers.findIndex((_, index) => firstValues(rows, index, 3).some((value) => WKT_VALUE.test(String(value))));
  const named = headers[anyWkt];
  return named === undefined ? {} : { columns: { kind: 'wkt', wkt: named } };
}
