import type { CityPage } from '../../domain/city/cityPage';
import { metricUnitText } from '../../domain/format/formatMeasure';
import { fillMessage } from '../fillMessage';
import { useTranslation } from '../LocaleContext';
import { CityCell } from './CityCell';
import { districtHref, type CityView } from './cityUrl';

/** Rows are the comparable targets, columns the districts (each a link to its map) and the city's total. */
export function CityTable({ page, view }: { page: CityPage; view: CityView }) {
  const t = useTranslation();
  const all = page.districts.length;
  return (
    <table className="city-table">
      <thead>
        <tr>
          <th scope="col">{t('cityTargetColumn')}</th>
          {page.districts.map((district) => (
            <th scope="col" key={district.id} data-district-id={district.id}>
              <a href={districtHref(district.path, view)}>{t.text(district.name)}</a>
            </th>
          ))}
          <th scope="col" className="city-total-heading">{t('cityTotal')}</th>
        </tr>
      </thead>
      <tbody>
        {page.targets.rows.map((row) => {
          const unit = metricUnitText(row.city, t.locale);
          const counted = row.districts.filter((progress) => progress !== null).length;
          return (
            <tr key={row.key} data-row-key={row.key}>
              <th scope="row">
                <span className="city-layer"><span className="city-swatch" style={{ background: row.color }} aria-hidden="true" />{t.text(row.layerName)}</span>
                <span className="city-target-label">{t.text(row.city.label)}{unit ? ` (${unit})` : ''}</span>
                {counted < all && <span className="city-counted">{fillMessage(t('cityDistrictsIn'), { count: String(counted), all: String(all) })}</span>}
              </th>
              {row.districts.map((progress, index) => <CityCell key={page.districts[index]?.id ?? index} progress={progress} />)}
              <CityCell progress={row.city} />
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
