import { describe, expect, it } from 'vitest';
import { crsLabel } from '../../../../src/domain/import/crsLabel';

describe('the CRS of an imported file as staff read it', () => {
  it('names a recognised code in Chinese and English, whatever English name the .prj gives', () => {
    const label = crsLabel({ epsg: 'EPSG:4543', name: 'CGCS2000 / 3-degree Gauss-Kruger CM 102E' });
    expect(label.zh).toContain('CGCS2000 3 度带高斯-克吕格，中央经线 102°E');
    expect(label.en).toContain('CM 102°E');
    expect(crsLabel({ epsg: 'EPSG:4490', name: 'GCS_China_Geodetic_Coordinate_System_2000' }).zh).toContain('CGCS2000 经纬度');
    expect(crsLabel({ epsg: 'EPSG:4326', name: 'GCS_WGS_1984' }).zh).toContain('WGS 84 经纬度');
  });

  it('keeps the file\'s own name for a CRS the app does not know', () => {
    expect(crsLabel({ name: 'Xian_1980_3_Degree_GK_CM_102E' })).toEqual({ zh: 'Xian_1980_3_Degree_GK_CM_102E', en: 'Xian_1980_3_Degree_GK_CM_102E' });
    expect(crsLabel({ epsg: 'EPSG:2000', name: 'Anguilla 1957' })).toEqual({ zh: 'Anguilla 1957', en: 'Anguilla 1957' });
  });
});
