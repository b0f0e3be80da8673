import type { LocalizedText } from '../plan/manifest';
import type { TargetProgress } from '../progress/targetProgress';
import type { CityTargetRow, CityTargets } from './cityTargets';

export interface DistrictRank {
  districtId: string;
  name: LocalizedText;
  progress: TargetProgress;
}

/**
 * The districts that have a target, ranked by how far each has come toward its own target (percent;
 * for a share its own share against its own target), ties by the larger actual, then by id. Districts
 * differ in size, so a ranking by raw actuals would only rank their sizes.
 */
export function districtRanking(city: Pick<CityTargets, 'districts'>, row: Pick<CityTargetRow, 'districts'>): DistrictRank[] {
  return city.districts
    .flatMap((district, index) => {
      const progress = row.districts[index];
      return progress ? [{ districtId: district.id, name: district.name, progress }] : [];
    })
    .sort((left, right) => right.progress.percent - left.progress.percent || right.progress.actual - left.progress.actual || left.districtId.localeCompare(right.districtId));
}
