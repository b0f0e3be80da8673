import type { CityTargetRow } from '../../domain/city/cityTargets';
import { fillMessage } from '../fillMessage';
import { useTranslation } from '../LocaleContext';
import { KpiHeadline } from '../present/KpiHeadline';

interface CityKpiTileProps {
  row: CityTargetRow;
  districtCount: number;
  focused: boolean;
  hidden: boolean;
  onChoose: () => void;
}

/** A comparable target summed over the city, drawn as the district present mode's KPI tiles are (present.css). */
export function CityKpiTile({ row, districtCount, focused, hidden, onChoose }: CityKpiTileProps) {
  const t = useTranslation();
  const { city } = row;
  const counted = row.districts.filter((progress) => progress !== null).length;
  return (
    <button type="button" className={`kpi-tile${focused ? ' is-focused' : ''}`} aria-pressed={focused} data-row-key={row.key} hidden={hidden} onClick={onChoose}>
      <span className="kpi-title">
        <span className="kpi-swatch" style={{ background: row.color }} aria-hidden="true" />
        <span className="kpi-name">{t.text(row.layerName)}</span>
      </span>
      <KpiHeadline progress={city} color={row.color} />
      <span className="kpi-total">{fillMessage(t('cityDistrictsIn'), { count: String(counted), all: String(districtCount) })}</span>
    </button>
  );
}
