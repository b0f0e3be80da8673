/** Chinese names for the fictional district's places, roads and projects. */
import type { Random } from './random';

export const STREET_NAMES = ['海埂街道', '福海街道', '金湖街道', '云溪街道', '太和街道', '凤鸣街道'] as const;

export const VILLAGE_NAMES = [
  '下庄村', '上庄村', '福德村', '王家营', '陈家营', '大渔村', '小渔村', '海晏村', '河尾村', '宝丰村',
  '梁家村', '张官营', '李家地', '杨家湾', '官渡村', '石咀村', '金星村', '太平村', '螺蛳湾村', '清水村',
  '新河村', '马家庄', '何家营', '西庄村', '雨花村', '乌龙村', '龙头村', '苏家塘', '赵家堆', '白塔村',
  '高家庄', '柳坝村', '瓦窑村', '双龙村', '塘子巷村', '渔户村',
] as const;

const COMPOUND_PREFIXES = [
  '金星', '红旗', '东风', '建设', '人民', '胜利', '光华', '和平', '团结', '前进', '友谊', '青年', '工人', '向阳',
  '幸福', '永安', '福海', '太和', '铁路', '电力', '邮电', '机械厂', '纺织厂', '化肥厂', '印刷厂', '粮食局', '水利局',
  '师范', '卫校', '农机厂', '自来水厂', '汽修厂', '电缆厂', '烟草', '供销社', '棉纺', '云光', '春苑', '翠湖', '金湖',
  '明湖', '湖滨', '环湖', '白云', '北辰', '南屏', '双塔', '昆钢', '交通局', '税务局', '气象局', '商业局', '医药公司',
  '百货公司', '工商银行', '建行', '农行', '地质队', '勘察院', '设计院',
] as const;

const COMPOUND_SUFFIXES = ['小区', '新村', '宿舍区', '住宅区', '花园', '公寓'] as const;

/** Unique names like 金星小区, 铁路新村, 印刷厂宿舍区; later phases carry 二期, 三期 as real compounds do. */
export function compoundNames(random: Random, count: number): string[] {
  const pool: string[] = [];
  for (const prefix of COMPOUND_PREFIXES) {
    const factory = /厂|局|公司|院|队|银行|社/.test(prefix);
    const suffixes = factory ? ['宿舍区', '住宅区', '小区'] : COMPOUND_SUFFIXES;
    pool.push(`${prefix}${random.pick(suffixes)}`);
  }
  const names = random.shuffle(pool).slice(0, Math.min(pool.length, count));
  const phases = ['二期', '三期', '四期'];
  let i = 0;
  while (names.length < count) {
    const base = names[i % pool.length] ?? '湖滨小区';
    const phase = phases[Math.floor(i / pool.length) % phases.length] ?? '二期';
    const candidate = `${base}${phase}`;
    if (!names.includes(candidate)) names.push(candidate);
    i += 1;
  }
  return names;
}

/** Cross-shore roads (roughly north-east) and along-shore roads (roughly east-south-east). */
export const CROSS_ROAD_NAMES = [
  '海源路', '滇池路', '前卫路', '广福路', '关上路', '春城路', '福德路', '金马路', '太和路', '云溪路', '凤鸣路',
  '官南路', '宝象路', '螺蛳湾路', '新河路', '白塔路', '渔村路', '双龙路',
] as const;

export const ALONG_ROAD_NAMES = [
  '滨湖大道', '环湖北路', '福海路', '人民东路', '东风路', '青年路', '金湖路', '春苑路', '北辰大道', '明通路', '龙泉路',
  '白云路',
] as const;

export const SECONDARY_ROAD_NAMES = [
  '兴湖街', '福康街', '永平街', '和顺街', '安宁街', '金碧街', '正义街', '文明街', '民生街', '吉祥街', '长春街',
  '光明街', '景星街', '华山街', '翠园街', '书林街', '南强街', '甬道街', '钱局街', '华兴街', '同仁街', '威远街',
  '祥云街', '东寺街', '西寺街', '绣衣街', '洪化街', '拓东街', '崇仁街', '先生坡街', '报国街', '染布巷街',
] as const;

export const EXPRESSWAY_NAME = '北二环快速路';

export const NEW_ROAD_NAMES = [
  '滨湖大道延长线', '创新路', '云景路', '科苑路', '晨光路', '望湖路', '致远路', '金桂街', '明珠路', '翠堤路', '湖韵路',
  '启航路', '锦绣路', '观澜路', '兴业路', '春融街', '聚贤路', '惠民街',
] as const;

export const PARK_NAMES = [
  '湖滨公园', '太和公园', '金湖公园', '云溪公园', '福海公园', '青龙山公园', '凤鸣山公园', '海埂公园', '翠微公园',
  '明湖湿地公园', '清水河公园', '玉带公园', '春晖公园', '宝象公园',
] as const;

export const LAND_USE_IDLE = ['工业', '商业', '商住', '仓储', '住宅', '科教'] as const;
export const LAND_USE_INEFFICIENT = ['工业', '仓储', '村集体建设用地', '商业', '批发市场', '物流'] as const;

export const FACTORY_NAMES = [
  '云光机械厂', '湖滨农机厂', '明湖造纸厂', '金湖水泥厂', '福海砖瓦厂', '太和化工厂', '东风木材厂', '红星铸造厂',
  '前进橡胶厂', '湖滨针织厂', '昆湖食品厂', '春城电线厂', '宝象酒厂', '白塔印染厂', '金马冶炼厂', '云溪陶瓷厂',
  '湖滨粮库', '海源物流园', '南屏建材市场', '东风仓储站', '福德农资站', '湖滨五金城', '新河仓库', '双龙木器厂',
] as const;
