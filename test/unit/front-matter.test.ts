/**
 * rules/authoring/front-matter.ts: the edit behind 设置报告类型 declares the kind where the
 * report model reads it first, whatever front matter the report has, and touches nothing
 * else of the document.
 */
import assert from 'node:assert/strict';
import { setReportKindFix } from '../../rules/authoring/front-matter';
import { reportKinds } from '../../rules/data/index';
import { applyFixes } from '../../rules/engine/fixes';
import { buildReport } from '../../rules/model/report';

const BODY = '# 2024年第一党支部工作总结\n\n一、主要工作\n\n全年召开支部党员大会12次。\n';

/** `text` after setting `kind`, checked to declare it through the front matter. */
function setKind(text: string, kind: string): string {
  const fix = setReportKindFix(buildReport(text), kind);
  assert.ok(fix, 'no edit');
  const fixed = applyFixes(text, [fix]).text;
  const report = buildReport(fixed);
  assert.equal(report.kind.source, 'frontmatter', fixed);
  assert.equal(report.kind.id, kind, fixed);
  // Setting it again changes nothing.
  assert.equal(applyFixes(fixed, [setReportKindFix(report, kind)!]).text, fixed);
  return fixed;
}

describe('setting the report kind in the front matter', () => {
  it('creates a YAML block at the start when there is none, a blank line before the text', () => {
    const fixed = setKind(BODY, '述职报告');
    assert.equal(fixed, `---\n报告类型: 述职报告\n---\n\n${BODY}`);
  });

  it('keeps CRLF line endings and a BOM in front', () => {
    const crlf = `\uFEFF${BODY.replace(/\n/g, '\r\n')}`;
    const fixed = setKind(crlf, '专项工作汇报');
    assert.ok(fixed.startsWith('\uFEFF---\r\n报告类型: 专项工作汇报\r\n---\r\n\r\n# 2024'), JSON.stringify(fixed.slice(0, 40)));
    assert.ok(!/[^\r]\n/.test(fixed), 'a bare LF crept in');
  });

  it('replaces the value of an existing 报告类型, keeping the other keys and a trailing comment', () => {
    const text = `---\ntitle: 草稿\n报告类型: 工作总结 # 上级要求\nauthor: 张三\n---\n\n${BODY}`;
    const fixed = setKind(text, '述职报告');
    assert.equal(fixed, text.replace('报告类型: 工作总结 #', '报告类型: 述职报告 #'));
  });

  it('replaces a quoted key’s value and an unknown kind', () => {
    const text = `---\n"报告类型": "情况说明"\n---\n${BODY}`;
    assert.equal(setKind(text, '工作总结'), `---\n"报告类型": 工作总结\n---\n${BODY}`);
  });

  it('adds the key as the first line of a front matter without it (a nested 报告类型 is not the key)', () => {
    const text = `---\nmeta:\n  报告类型: 述职报告\n---\n${BODY}`;
    assert.equal(setKind(text, '工作总结'), `---\n报告类型: 工作总结\nmeta:\n  报告类型: 述职报告\n---\n${BODY}`);
  });

  it('fills an empty front matter', () => {
    assert.equal(setKind(`---\n---\n${BODY}`, '述职报告'), `---\n报告类型: 述职报告\n---\n${BODY}`);
  });

  it('gives no edit for a TOML front matter, whose keys the model does not read', () => {
    const text = `+++\n报告类型 = "述职报告"\n+++\n${BODY}`;
    assert.notEqual(buildReport(text).kind.source, 'frontmatter');
    assert.equal(setReportKindFix(buildReport(text), '述职报告'), null);
  });

  it('makes every kind of the data the report’s kind, the required sections following it', () => {
    for (const kind of reportKinds.kinds) {
      const report = buildReport(setKind(BODY, kind.id));
      assert.deepEqual(report.kind.requires, kind.requires);
    }
  });
});
