import assert from 'node:assert/strict';
import { buildReport } from '../../rules/model/report';
import { sumExact } from '../../rules/model/quantities';

const quantities = (text: string) =>
  buildReport(text).quantities.map((q) => `${q.qualifiers.filter((w) => !['达', '达到', '共'].includes(w)).join('')}${q.value}${q.unit}${q.bound === 'exact' ? '' : `/${q.bound}`}`);

describe('quantity layer', () => {
  it('reads numbers, scales, measure words and qualifiers (GB/T 15835-2011 approximations)', () => {
    assert.deepEqual(quantities('开展学习12次，覆盖2.5万余人，约300人参加，党员40名左右，占比58.7%，投资1.3亿元。'), [
      '12次',
      '余25000人/lower',
      '约300人/approx',
      '左右40名/approx',
      '58.7%',
      '130000000元',
    ]);
  });

  it('reads Chinese numerals with nzh, but not a bare 一 nor numerals inside words', () => {
    assert.deepEqual(quantities('共调整十七名干部，从三个方面推进，一个村，一村一策，三会一课。'), ['17名', '3个']);
  });

  it('reads no count from two digit numerals side by side (三四个, 两三次), but a grade name\'s count (初二两个)', () => {
    assert.deepEqual(quantities('各支部有三四个党小组，开展两三次活动，一两个支部，五六十人，十二三个村，二〇二三年。'), []);
    assert.deepEqual(quantities('初一、初二两个年级，高二两个班，共有二十二个支部。'), ['2个', '2个', '22个']);
  });

  it('leaves out dates, ordinals, ranks, codes and quoted names', () => {
    assert.deepEqual(
      quantities('2023年7月，第一次会议，荣获一等奖，创建五星级党组织，编号XL-07件，开展“五个一”活动，“1+3+N”模式，十三届四次、五次全会，百万村3个。'),
      ['3个'],
    );
  });

  it('records the scope word of a whole (全镇12个村)', () => {
    const [q] = buildReport('全镇共有12个村，').quantities;
    assert.deepEqual([q.scope, q.value, q.unit], ['全镇', 12, '个']);
  });

  it('sums decimals exactly as written', () => {
    assert.deepEqual(sumExact([{ value: 0.1, decimals: 1 }, { value: 0.2, decimals: 1 }]), { value: 0.3, decimals: 1 });
  });
});

describe('quantity layer: words and units', () => {
  it('does not read 约 at the end of a word as "about" (村规民约13份, 签约12个)', () => {
    assert.deepEqual(quantities('修订村规民约13份，签约12个项目，约300人参加。'), ['13份', '12个', '约300人/approx']);
  });
  it('gives 30余万元 and 100万元 one unit and scale', () => {
    assert.deepEqual(quantities('投资30余万元，奖补100万元。'), ['余300000元/lower', '1000000元']);
  });
});
