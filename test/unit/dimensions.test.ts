import assert from 'node:assert/strict';
import { buildReport } from '../../rules/model/report';
import { dimensionMode, isBand } from '../../rules/numbers/dimensions';
import { totalBreakdown } from '../../rules/numbers/total-breakdown';

describe('bands of one dimension (rules/numbers/dimensions.ts)', () => {
  it('reads age bands by their construction and schooling levels from the data', () => {
    assert.equal(isBand('30岁以下'), true);
    assert.equal(isBand('年龄在31至50岁的'), true);
    assert.equal(isBand('61周岁及以上党员'), true);
    assert.equal(isBand('本科学历'), true);
    assert.equal(isBand('高中及以下'), true);
    assert.equal(isBand('35岁以下女党员'), false);
    assert.equal(isBand('在职党员'), false);
  });

  it('sums bands that cover the range, holds under the total bands that do not', () => {
    assert.equal(dimensionMode(['30岁以下', '31至50岁', '51岁以上']), 'sum');
    assert.equal(dimensionMode(['35岁以下', '35—50岁']), 'atMost');
    assert.equal(dimensionMode(['研究生', '本科', '大专及以下']), 'sum');
    assert.equal(dimensionMode(['本科学历', '大专学历']), 'atMost');
  });

  it('reads nothing from bands that overlap or from two dimensions', () => {
    assert.equal(dimensionMode(['35岁以下', '40岁以下']), null);
    assert.equal(dimensionMode(['大专及以上学历', '本科学历']), null);
    assert.equal(dimensionMode(['35岁以下', '本科学历']), null);
    assert.equal(dimensionMode(['30岁以下']), null);
  });
});

describe('total-breakdown: one construction, one warning', () => {
  it('reports the first part above the total and shows the others with it', () => {
    const problems = totalBreakdown.check(buildReport('储备后备干部18名，其中35岁以下27名，女性27名。\n'), {}).filter((p) => !p.passed);
    assert.equal(problems.length, 1);
    assert.equal(problems[0].messageId, 'partTooLarge');
    assert.equal(problems[0].related?.length, 2);
  });
});
