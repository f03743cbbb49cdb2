/**
 * Report templates (rules/data/templates.yaml) against the rules that judge reports: every
 * template holds the sections its kind requires, in order; its skeleton — with every
 * choice of every tab stop — lints with no structure finding; its snippet expands to that
 * skeleton; the static snippets written by the build are the same; and a missing section
 * inserted into a report (seeds and fixtures of our own) is recognised, numbered and
 * renumbered so that `required-sections` and `numbering-sequence` are quiet.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nextNumbers } from '../../rules/authoring/next';
import { renderSection, renderSkeleton } from '../../rules/authoring/render';
import { missingParts, missingSectionAt, planFixes, planInsertion, templateFor } from '../../rules/authoring/sections';
import { vscodeSnippets } from '../../rules/authoring/snippets';
import { reportKinds, SECTION_IDS } from '../../rules/data/index';
import { loadTemplates, templates } from '../../rules/data/templates';
import { applyFixes } from '../../rules/engine/fixes';
import { lint } from '../../rules/engine/lint';
import { rules } from '../../rules/index';
import { buildReport } from '../../rules/model/report';
import { itShared, ROOT, readSeeds } from '../support/paths';
import { expandSnippet } from '../support/snippets';

const YEAR = 2024;
const STRUCTURE = rules.filter((r) => r.meta.family === 'structure').map((r) => r.id);
const seeds = new Map(readSeeds().map((s) => [s.id, s.text]));

/** How many choices the template's widest choice tab stop offers. */
function widestChoice(t: (typeof templates.templates)[number]): number {
  return Math.max(1, ...t.sections.map((s) => s.titles.length), ...[t.title, t.preamble].flat().map((p) => (typeof p === 'string' ? 1 : p.choices.length)));
}

describe('report templates: data', () => {
  it('one template per report kind named in the issue, each of a kind report-kinds.yaml defines', () => {
    assert.deepEqual(
      templates.templates.map((t) => t.name),
      ['党组织书记抓基层党建工作述职报告', '党建工作总结（年度）', '上半年党建工作总结', '党支部工作总结', '专项工作汇报'],
    );
    for (const kind of reportKinds.kinds) assert.ok(templates.templates.some((t) => t.kind === kind.id), `no template for ${kind.id}`);
  });

  for (const t of templates.templates) {
    it(`${t.name} holds, in order, every section its kind (${t.kind}) requires`, () => {
      const requires = reportKinds.kinds.find((k) => k.id === t.kind)!.requires;
      const parts = t.sections.map((s) => s.part);
      for (const id of requires) assert.ok(parts.includes(id), `${t.id} lacks ${id}`);
      const ranks = parts.map((p) => SECTION_IDS.indexOf(p));
      assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b), `${t.id}: ${parts.join(' ')}`);
    });
  }

  const base = (sections: string) => `templates:\n  - id: t\n    name: 某\n    name_en: x\n    kind: 工作总结\n    prefix: t\n    description: 某\n    description_en: x\n    title: 某某总结\n    preamble: 现总结如下：\n    sections:\n${sections}`;
  const section = (part: string) => `      - part: ${part}\n        titles: [某某]\n        lead: 某某\n`;
  const rejects: [string, string, RegExp][] = [
    ['a missing required section', base(section('work') + section('plans')), /requires problems/],
    ['sections out of order', base(section('work') + section('plans') + section('problems')), /out of the conventional order/],
    ['an unknown part', base(section('results')), /must be one of work, problems, plans/],
    ['an unknown kind', base(section('work') + section('problems') + section('plans')).replace('kind: 工作总结', 'kind: 会议纪要'), /not a kind/],
    ['an unknown placeholder', base(section('work') + section('problems') + section('plans')).replace('title: 某某总结', "title: '{{@who}}总结'"), /unknown placeholder/],
    ['an unclosed tab stop', base(section('work') + section('problems') + section('plans')).replace('title: 某某总结', "title: '{{某某总结'"), /unclosed/],
  ];
  for (const [what, yaml, message] of rejects) {
    it(`the loader refuses ${what}, naming the file`, () => {
      assert.throws(() => loadTemplates(yaml), (e: Error) => message.test(e.message) && e.message.startsWith('rules/data/templates.yaml'));
    });
  }
});

describe('report templates: the new-report skeletons lint clean', () => {
  for (const t of templates.templates) {
    it(`${t.name}: every choice of every tab stop gives a report with no structure finding`, () => {
      for (let choice = 0; choice < widestChoice(t); choice++) {
        for (const blankLines of [true, false]) {
          const { text } = renderSkeleton(t, { mode: 'plain', year: YEAR, choice, blankLines });
          const result = lint(text);
          const structure = result.findings.filter((f) => STRUCTURE.includes(f.ruleId));
          assert.deepEqual(structure.map((f) => `${f.ruleId}: ${f.message}`), [], `${t.id} choice ${choice}\n${text}`);
          assert.equal(result.report.kind.id, t.kind, `${t.id} choice ${choice} reads as ${result.report.kind.id}`);
          assert.deepEqual(result.report.parts.map((p) => p.id), t.sections.map((s) => s.part));
        }
      }
    });

    it(`${t.name}: the only findings on the defaults are the placeholders left to fill, one per 【…】`, () => {
      const { text } = renderSkeleton(t, { mode: 'plain', year: YEAR });
      const result = lint(text);
      assert.deepEqual([...new Set(result.findings.map((f) => f.ruleId))], ['placeholder']);
      const blanks = [...text.matchAll(/【[^】]*】/g)].map((m) => m.index);
      assert.deepEqual(result.findings.map((f) => f.start), blanks);
    });

    it(`${t.name}: its snippet, every default accepted, is the skeleton; a report of it is written to it`, () => {
      const snippet = renderSkeleton(t, { mode: 'snippet', year: YEAR }).text;
      const plain = renderSkeleton(t, { mode: 'plain', year: YEAR }).text;
      assert.equal(expandSnippet(snippet), plain);
      assert.equal(expandSnippet(renderSkeleton(t, { mode: 'snippet', yearVariable: true }).text, { CURRENT_YEAR: String(YEAR) }), plain);
      assert.equal(templateFor(buildReport(plain)).id, t.id);
    });
  }

  it('a named tab stop is one tab stop: the unit typed once fills the title and the preamble', () => {
    const snippet = renderSkeleton(templates.templates[1], { mode: 'snippet', year: YEAR }).text;
    assert.match(snippet, /^\$\{1:【填写单位名称】\}\$\{2:2024\}年党建工作总结\n\n\$\{2\}年，\$\{1\}/);
  });

  it('dist/snippets.json (written by the build) holds every skeleton and the three required sections, from the same data', () => {
    const built = JSON.parse(readFileSync(join(ROOT, 'dist', 'snippets.json'), 'utf8')) as ReturnType<typeof vscodeSnippets>;
    assert.deepEqual(built, vscodeSnippets(), 'dist/snippets.json is stale: run npm run build');
    for (const t of templates.templates) {
      const entry = built[`报告模板：${t.name}`];
      assert.ok(entry, `no snippet for ${t.name}`);
      assert.deepEqual(entry.prefix, [t.name, t.prefix]);
      assert.equal(`${expandSnippet(entry.body.join('\n'), { CURRENT_YEAR: String(YEAR) })}\n`, renderSkeleton(t, { mode: 'plain', year: YEAR }).text);
    }
    for (const id of SECTION_IDS) {
      const entry = built[`报告章节：${reportKinds.sections[id].name}`];
      assert.ok(entry, `no section snippet for ${id}`);
      assert.match(expandSnippet(entry.body.join('\n')), /^一、/);
    }
  });
});

describe('the extension manifest', () => {
  const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
  const pkg = JSON.parse(read('package.json')) as {
    contributes: { snippets: { language: string; path: string }[]; commands: { command: string; title: string }[] };
  };

  it('contributes dist/snippets.json for Markdown and ships it in the VSIX', () => {
    assert.deepEqual(pkg.contributes.snippets, [{ language: 'markdown', path: './dist/snippets.json' }]);
    assert.match(read('.vscodeignore'), /^!dist\/snippets\.json$/m);
  });

  it('declares every command the client registers, each titled in English and Chinese', () => {
    const clientFiles = readdirSync(join(ROOT, 'client')).filter((f) => f.endsWith('.ts'));
    const registered = clientFiles.flatMap((f) => [...read(`client/${f}`).matchAll(/registerCommand\('([^']+)'/g)].map((m) => m[1])).sort();
    assert.deepEqual(pkg.contributes.commands.map((c) => c.command).sort(), registered);
    assert.ok(registered.includes('partyReport.newReport') && registered.includes('partyReport.insertSection'));
    const en = JSON.parse(read('package.nls.json')) as Record<string, string>;
    const zh = JSON.parse(read('package.nls.zh-cn.json')) as Record<string, string>;
    for (const c of pkg.contributes.commands) {
      const key = c.title.replace(/^%|%$/g, '');
      assert.ok(en[key] && zh[key], `${key} is not localised`);
    }
    assert.equal(zh['command.newReport'], '新建报告');
    assert.equal(zh['command.insertSection'], '插入章节');
  });
});

describe('inserting a missing section', () => {
  /** Inserts every missing required section in turn and returns the text. */
  const insertMissing = (text: string): string => {
    let current = text;
    for (;;) {
      const report = buildReport(current);
      const [part] = missingParts(report);
      if (!part) return current;
      current = applyFixes(current, planFixes(planInsertion(report, part)!, { year: YEAR }).fixes).text;
    }
  };
  const quiet = (text: string, ids: string[]) => lint(text).findings.filter((f) => ids.includes(f.ruleId)).map((f) => `${f.ruleId}: ${f.message}`);

  itShared('seed 000 lacks 存在的问题: it goes between 一、 and 二、, numbered 二、, and 二、下半年工作计划 becomes 三、', () => {
    const seed = seeds.get('000')!;
    const report = buildReport(seed);
    assert.deepEqual(missingParts(report), ['problems']);
    const plan = planInsertion(report, 'problems')!;
    assert.equal(plan.numbering.marker, '二、');
    const { fixes, titleStart, titleEnd } = planFixes(plan, { year: YEAR });
    const after = applyFixes(seed, fixes).text;
    assert.equal(after.slice(titleStart, titleEnd), '存在的问题和不足');
    const lines = after.split('\n');
    const at = lines.indexOf('二、存在的问题和不足');
    assert.equal(at, 17, 'right after the last line of 一、');
    assert.deepEqual(lines.slice(at + 1, at + 4), ['一是【待补充：具体问题及表现】。', '二是【待补充：具体问题及表现】。', '三是【待补充：具体问题及表现】。']);
    assert.equal(lines[at + 4], '三、下半年工作计划');
    assert.deepEqual(quiet(after, ['required-sections', 'numbering-sequence', 'section-order', 'numbering-style', 'heading-punctuation', 'empty-section']), []);
    // Nothing but the inserted lines and the one renumbered number changed.
    assert.equal(after.replace(/二、存在的问题和不足\n(?:.是【待补充：具体问题及表现】。\n){3}/, '').replace('三、下半年', '二、下半年'), seed);
  });

  for (const id of ['003', '004']) {
    itShared(`seed ${id}: inserting every missing section leaves required-sections, section-order and numbering-sequence quiet`, () => {
      const after = insertMissing(seeds.get(id)!);
      assert.deepEqual(quiet(after, ['required-sections', 'section-order', 'numbering-sequence']), []);
    });
  }

  itShared('seed 004: 存在的问题 goes before the closing 下一步… paragraph that stands for the plans, numbered 四、', () => {
    const seed = seeds.get('004')!;
    const after = insertMissing(seed);
    const lines = after.split('\n');
    const at = lines.indexOf('四、存在的问题和不足');
    assert.ok(at > 0, after);
    assert.match(lines[at + 4], /^下一步，/);
  });

  it('a report of #-headings with blank lines gets a #-heading, blank lines, and renumbered #-headings after it', () => {
    const text = [
      '# 某社区党委2024年党建工作总结',
      '',
      '2024年，社区党委坚持党建引领。现将全年工作总结如下：',
      '',
      '## 一、主要工作及成效',
      '',
      '组织集中学习12次。',
      '',
      '## 二、下一步工作计划',
      '',
      '一是深化理论武装。',
      '',
    ].join('\n');
    const after = insertMissing(text);
    assert.equal(
      after,
      [
        '# 某社区党委2024年党建工作总结',
        '',
        '2024年，社区党委坚持党建引领。现将全年工作总结如下：',
        '',
        '## 一、主要工作及成效',
        '',
        '组织集中学习12次。',
        '',
        '## 二、存在的问题和不足',
        '',
        '一是【待补充：具体问题及表现】。',
        '',
        '二是【待补充：具体问题及表现】。',
        '',
        '三是【待补充：具体问题及表现】。',
        '',
        '## 三、下一步工作计划',
        '',
        '一是深化理论武装。',
        '',
      ].join('\n'),
    );
  });

  it('a duty report lacking its problems and plans gets both, in order, after its last line, CRLF kept', () => {
    const text = '关于2024年度抓基层党建工作的述职报告\r\n现将本人履行基层党建第一责任人职责情况报告如下：\r\n一、履职情况\r\n（一）抓理论武装。全年开展集中学习12次。\r\n<!-- 备注 -->\r\n';
    const after = insertMissing(text);
    assert.ok(!/[^\r]\n/.test(after), 'a bare \\n in a CRLF document');
    const headings = after.split('\r\n').filter((l) => /^[一二三四]、/.test(l));
    assert.deepEqual(headings, ['一、履职情况', '二、存在的主要问题及原因', '三、下一步工作打算']);
    assert.ok(after.endsWith('<!-- 备注 -->\r\n'), 'a trailing comment stays last');
    assert.deepEqual(quiet(after, STRUCTURE), []);
  });

  it('renders a section for the place it goes: its subsections one level down', () => {
    const t = templates.templates[1];
    const work = t.sections[0];
    const { text, titleStart, titleEnd } = renderSection(work, { marker: '三、', level: 1 }, { mode: 'plain', blankLines: false });
    assert.equal(text.split('\n')[0], '三、主要工作及成效');
    assert.equal(text.slice(titleStart, titleEnd), '主要工作及成效');
    assert.deepEqual(text.split('\n').filter((l) => l.startsWith('（')).map((l) => l.slice(0, 3)), ['（一）', '（二）', '（三）', '（四）']);
  });
});

describe('what may come next at a line start', () => {
  const next = (text: string, line: number) => nextNumbers(buildReport(text), line).map((n) => n.text);
  const withBlankLineAfter = (text: string, line: number) => {
    const lines = text.split('\n');
    lines.splice(line, 0, '');
    return lines.join('\n');
  };

  itShared('seed 000: after 五是 inside （二） the next item 六是 first, then 1. below （二）; （三） and 二、 follow already', () => {
    // A new line after line 11 (五是…); （三） and 二、 stand below it.
    const text = withBlankLineAfter(seeds.get('000')!, 11);
    assert.deepEqual(next(text, 11), ['六是', '1.']);
  });

  itShared('seed 000: after the last line of 一、 (四是 of （三）) offers 五是, （四）, 1., and the missing 存在的问题 as 二、', () => {
    const text = withBlankLineAfter(seeds.get('000')!, 17);
    assert.deepEqual(next(text, 17), ['五是', '（四）', '1.']);
    const plan = missingSectionAt(buildReport(text), 17);
    assert.ok(plan);
    assert.equal(plan.part, 'problems');
    assert.equal(plan.numbering.marker, '二、');
    assert.equal(plan.numbering.renumber.length, 1);
  });

  itShared('seed 001: after 3. under 二、 comes 4., then （1）; after 三是 of 三、存在的问题 comes 四是, then （一）', () => {
    const seed = seeds.get('001')!;
    assert.deepEqual(next(withBlankLineAfter(seed, 7), 7), ['4.', '（1）']);
    assert.deepEqual(next(withBlankLineAfter(seed, 11), 11), ['四是', '（一）']);
  });

  itShared('between 2. and 3. nothing repeats 3.', () => {
    assert.deepEqual(next(withBlankLineAfter(seeds.get('001')!, 6), 6), ['（1）']);
  });

  itShared('inside a body paragraph (the next line is body text) no missing section is offered', () => {
    const text = withBlankLineAfter(seeds.get('000')!, 9);
    assert.equal(missingSectionAt(buildReport(text), 9), null);
  });

  it('a lead-in ending with ： asks for 一是', () => {
    const text = '2024年工作总结\n一、存在的问题\n存在问题的主要原因：\n\n';
    assert.deepEqual(next(text, 3)[0], '一是');
  });

  itShared('a report with everything present offers no missing section', () => {
    const seed = seeds.get('001')!;
    assert.equal(missingSectionAt(buildReport(`${seed}\n`), buildReport(`${seed}\n`).lines.count - 1), null);
  });
});
