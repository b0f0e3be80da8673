/**
 * <geodata>/datum-shifts.json: a bureau's named datum-shift profiles, each bringing one source CRS
 * whose datum has no published shift (Xi'an 1980, Beijing 1954, a city grid) to CGCS2000
 * (docs/input-rules.md, C10–C12). This contract is the one definition of the file: the types, the
 * parser (parseDatumShifts) and geodata/schema/datum-shifts.schema.json, written by
 * scripts/write-schemas.ts, all come from it.
 */
import { array, named, number, object, oneOf, optional, string, tuple, values } from '../contract/contractBuilders';
import type { Infer } from '../contract/Contract';
import { contractIssues } from '../contract/contractIssues';
import type { ValidationIssue } from '../validation/validationReport';

const epsgCode = string({ pattern: '^EPSG:[0-9]{4,5}$', description: 'EPSG 代码，如 EPSG:2383 / an EPSG code such as EPSG:2383' });
const meters = (what: string): ReturnType<typeof number> => number({ description: `${what}（米）/ ${what} in metres` });
const arcSeconds = (what: string): ReturnType<typeof number> => number({ description: `${what}（角秒）/ ${what} in arc-seconds` });
const scalePpm = number({ description: '尺度参数（百万分之一，ppm）/ scale difference in parts per million' });

const controlPoint = named('controlPoint', object({
  id: string({ minLength: 1, description: '控制点名 / control point name' }),
  source: tuple([number(), number()], { description: '源坐标系中的坐标 [x 东坐标或经度, y 北坐标或纬度] / coordinates in the source CRS [easting or longitude, northing or latitude]' }),
  target: tuple([number(), number()], { description: '目标坐标系（targetCrs）中的坐标，同样顺序 / coordinates in the target CRS (targetCrs), same order' }),
}, { description: '两套坐标系中都已知的控制点，用于计算残差 / a point known in both systems, for residuals' }));

const name = string({ pattern: '^[^\\s/\\\\]([^/\\\\]*[^\\s/\\\\])?$', description: '参数名，命令行 --datum-shift 和导入界面用它选择 / profile name, chosen with --datum-shift and on the import screen' });
const description = optional(string({ description: '来源与说明，如“2019 年市测绘院 12 个控制点” / where the parameters come from' }));

const bursaWolf = named('bursaWolf', object({
  name,
  description,
  method: values(['bursa-wolf-7'], { description: '七参数布尔莎-沃尔夫（空间直角坐标）/ 7-parameter Bursa-Wolf on geocentric coordinates' }),
  sourceCrs: epsgCode,
  convention: values(['position-vector', 'coordinate-frame'], { description: '旋转约定：位置矢量（EPSG 9606，proj4 +towgs84）或坐标框架（EPSG 9607，旋转符号相反）/ rotation convention: position vector (EPSG 9606, as proj4 +towgs84) or coordinate frame (EPSG 9607, rotations of opposite sign)' }),
  dxMeters: meters('X 平移 dX'),
  dyMeters: meters('Y 平移 dY'),
  dzMeters: meters('Z 平移 dZ'),
  rxArcSeconds: arcSeconds('X 轴旋转 rX'),
  ryArcSeconds: arcSeconds('Y 轴旋转 rY'),
  rzArcSeconds: arcSeconds('Z 轴旋转 rZ'),
  scalePpm,
  targetCrs: optional(epsgCode),
  controlPoints: optional(array(controlPoint)),
}, { description: '七参数：源大地基准到 CGCS2000 / seven parameters from the source datum to CGCS2000; control point targets in targetCrs (default EPSG:4490 longitude/latitude)' }));

const planeFour = named('planeFour', object({
  name,
  description,
  method: values(['plane-4'], { description: '平面四参数（在投影平面上）/ 4-parameter plane similarity in the projected plane' }),
  sourceCrs: epsgCode,
  targetCrs: epsgCode,
  dxMeters: meters('东向平移 dE'),
  dyMeters: meters('北向平移 dN'),
  rotationArcSeconds: arcSeconds('旋转角（自东轴向北轴为正，即逆时针）'),
  scalePpm,
  controlPoints: optional(array(controlPoint)),
}, { description: '四参数：源平面坐标（东, 北）到 CGCS2000 投影平面 targetCrs / four parameters from source plane (easting, northing) to the CGCS2000 plane targetCrs: E′ = dE + k(E cosθ − N sinθ), N′ = dN + k(E sinθ + N cosθ), k = 1 + ppm × 10⁻⁶' }));

export const DATUM_SHIFTS_CONTRACT = object({
  $schema: optional(string()),
  profiles: array(oneOf([bursaWolf, planeFour]), { description: '命名的转换参数 / the named profiles' }),
}, { description: '坐标转换参数（西安 80、北京 54 等到 CGCS2000）/ datum-shift profiles to CGCS2000 (Xi’an 1980, Beijing 1954, local grids)' });

export type DatumShifts = Infer<typeof DATUM_SHIFTS_CONTRACT>;
export type DatumShiftProfile = DatumShifts['profiles'][number];
export type BursaWolfProfile = Infer<typeof bursaWolf>;
export type PlaneFourProfile = Infer<typeof planeFour>;
export type ControlPoint = Infer<typeof controlPoint>;

/** The profiles of a datum-shifts.json document, or what is wrong with it (two profiles of one name included). */
export function parseDatumShifts(value: unknown): { ok: true; value: DatumShifts } | { ok: false; issues: ValidationIssue[] } {
  const issues = contractIssues(DATUM_SHIFTS_CONTRACT, value);
  if (issues.length > 0) return { ok: false, issues };
  // Checked above against the contract.
  const shifts = value as DatumShifts;
  const seen = new Set<string>();
  shifts.profiles.forEach((profile, index) => {
    if (seen.has(profile.name))
      issues.push({ path: `/profiles/${index}/name`, code: 'DUPLICATE_ID', message: { zh: `参数名“${profile.name}”重复`, en: `the profile name "${profile.name}" is used twice` } });
    seen.add(profile.name);
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: shifts };
}
