/**
 * The 规范提法 dictionary and what slogan-canonical builds from it: the loader's checks, the
 * generated misquotes of each class, homophones and look-alikes, and the whole dictionary
 * run through the rule (every canonical form quiet, every generated misquote found and
 * fixed to its canonical form).
 */
import assert from 'node:assert/strict';
import { lint, lintAndFix } from '../../rules/engine/lint';
import { rules } from '../../rules/index';
import { loadSlogans, slogans, type SloganEntry } from '../../rules/data/slogans';
import { congresses, loadCongresses } from '../../rules/data/congresses';
import { loadLookalikes, loadNumeralMarks } from '../../rules/data/lookalikes';
import { createRequire } from 'node:module';
import { confusion, isHomophone, isLookalike, readingsOf } from '../../rules/wording/homophones';
import { RANGES, fuzzy } from '../../scripts/pinyin-readings.mjs';
import { exchangedForms, generateVariants } from '../../rules/wording/slogan-variants';

const rule = rules.find((r) => r.id === 'slogan-canonical')!;
const only = { rules: [rule] };

function entry(canonical: string, more: Partial<SloganEntry> = {}): SloganEntry {
  return { canonical, source: 'test', verified: true, variants: [], parts: [], nearMiss: false, dropMiss: false, required: [], quoted: canonical.includes('“'), pair: null, siblings: [], before: [], after: [], unquotedAfter: [], unquotedBefore: [], verb: null, exact: false, outdated: [], outdatedWith: [], outdatedHistory: [], since: null, ...more };
}

describe('slogans data', () => {
  it('has at least 300 formulations, each with a source', () => {
    assert.ok(slogans.entries.length >= 300, `${slogans.entries.length} entries`);
    for (const e of slogans.entries) assert.ok(e.source.trim().length > 0, e.canonical);
  });

  it('refuses a required word that is not in the formulation, and a pair that names no entry', () => {
    assert.throws(() => loadSlogans('entries:\n  - canonical: 两个维护\n    source: s\n    required: [习近平]\n'), /required word "习近平"/);
    assert.throws(() => loadSlogans('entries:\n  - canonical: 两个维护\n    source: s\n    pair: 两个确立\n'), /pair "两个确立" is no entry/);
  });

  it('refuses a look-alike pair that is not two different characters', () => {
    assert.throws(() => loadLookalikes('pairs:\n  - [治, 治]\n'), /pairs\[0\]/);
    assert.ok(loadLookalikes('pairs:\n  - [治, 冶]\n').has('冶治'));
  });

  it('reads the marks typed for a numeral, and refuses marks that are not single characters', () => {
    assert.deepEqual(loadNumeralMarks("numeral_marks:\n  一: ['—', 'ー']\n").get('一'), ['—', 'ー']);
    assert.equal(loadNumeralMarks('pairs: []\n').size, 0);
    assert.throws(() => loadNumeralMarks("numeral_marks:\n  一: ['——']\n"), /numeral_marks\.一/);
  });
});

describe('generated misquotes', () => {
  it('drops a required word, alone and with the required quotation marks', () => {
    const forms = generateVariants([entry('“七一”重要讲话', { required: ['重要'] })], new Set()).map((v) => [v.kind, v.form]);
    assert.deepEqual(forms, [
      ['required', '“七一”讲话'],
      ['required', '七一讲话'],
      ['quotes', '七一重要讲话'],
    ]);
  });

  it('confuses 届 with 大 (or 次 for a plenary session) for congress numbers only', () => {
    assert.deepEqual(generateVariants([entry('十九届四中全会')], new Set()).filter((v) => v.kind === 'session').map((v) => v.form), ['十九大四中全会', '十九次四中全会', '十九四中全会']);
    assert.deepEqual(generateVariants([entry('党的二十大精神')], new Set()).filter((v) => v.kind === 'session').map((v) => v.form), ['党的二十届精神', '党的二十精神']);
    assert.deepEqual(generateVariants([entry('党的二十大')], new Set()).filter((v) => v.kind === 'session'), []);
    assert.deepEqual(generateVariants([entry('四大考验精神')], new Set()).filter((v) => v.kind === 'session'), []);
  });

  it('puts one of a pair with the other one’s words, and fixes only the name', () => {
    const list = [entry('两个确立', { pair: '两个维护', before: ['拥护'], after: ['的决定性意义'] }), entry('两个维护', { pair: '两个确立', before: ['做到'] })];
    const pairs = generateVariants(list, new Set()).filter((v) => v.kind === 'pair');
    const wrong = pairs.map((v) => v.form);
    assert.ok(wrong.includes('做到“两个确立”') && wrong.includes('拥护“两个维护”') && wrong.includes('两个维护的决定性意义'));
    const v = pairs.find((p) => p.form === '做到“两个确立”')!;
    assert.equal(v.form.slice(0, v.fixAt) + v.fixText + v.form.slice(v.fixAt + v.fixLen), '做到“两个维护”');
  });

  it('splits an unquoted formulation with quotation marks, unless the quoted part is itself a formulation', () => {
    const split = generateVariants([entry('全面从严治党')], new Set(['从严治党'])).filter((v) => v.kind === 'split').map((v) => v.form);
    assert.ok(split.includes('“全面从严”治党') && split.includes('全面从严“治党”'));
    assert.ok(!split.includes('全面“从严治党”'));
  });

  it('counts a number-named formulation with another measure word, only where it has parts', () => {
    assert.deepEqual(generateVariants([entry('四个意识', { parts: ['政治意识'] })], new Set()).filter((v) => v.kind === 'measure').map((v) => v.form), ['四种意识', '四项意识', '四大意识', '四条意识']);
    assert.deepEqual(generateVariants([entry('四个意识')], new Set()).filter((v) => v.kind === 'measure'), []);
  });

  it('drops some 顿号 of a series and keeps others, but never drops them all (the run-together form is established usage)', () => {
    const forms = generateVariants([entry('学纪、知纪、明纪、守纪')], new Set()).filter((v) => v.kind === 'separator').map((v) => v.form);
    assert.deepEqual(forms.sort(), ['学纪、知纪、明纪守纪', '学纪、知纪明纪、守纪', '学纪、知纪明纪守纪', '学纪知纪、明纪、守纪', '学纪知纪、明纪守纪', '学纪知纪明纪、守纪'].sort());
    assert.deepEqual(generateVariants([entry('不忘初心、牢记使命')], new Set()).filter((v) => v.kind === 'separator'), []);
  });

  it('puts a superseded wording after the entry’s verbs, and fixes only the name', () => {
    const list = [entry('四个自信', { before: ['坚定'], outdated: ['三个自信'], outdatedWith: ['四个意识'] })];
    const old = generateVariants(list, new Set()).filter((v) => v.kind === 'outdated');
    assert.deepEqual(old.map((v) => v.form), ['坚定“三个自信”', '坚定三个自信']);
    for (const v of old) assert.equal(v.form.slice(0, v.fixAt) + v.fixText + v.form.slice(v.fixAt + v.fixLen), v.form.replace('三', '四'));
  });

  it('runs an inserted word into an exact named thought only, and fixes by taking it out', () => {
    const forms = generateVariants([entry('习近平生态文明思想', { exact: true }), entry('习近平外交思想')], new Set(), ['建设', '工作']).filter((v) => v.kind === 'inserted');
    // And 新时代 run in after the name, the era word of the one thought named with it.
    assert.deepEqual(forms.map((v) => v.form), ['习近平生态文明建设思想', '习近平生态文明工作思想', '习近平新时代生态文明思想']);
    for (const v of forms) assert.equal(v.form.slice(0, v.fixAt) + v.fixText + v.form.slice(v.fixAt + v.fixLen), '习近平生态文明思想');
  });

  it('exchanges the last words of two parallel halves only after a shared verb', () => {
    assert.deepEqual(exchangedForms('为中国人民谋幸福，为中华民族谋复兴').map((x) => x.form), ['为中国人民谋复兴、为中华民族谋幸福', '为中国人民谋复兴，为中华民族谋幸福']);
    assert.deepEqual(exchangedForms('为党育人、为国育才')[0], { form: '为党育才、为国育人', word: '人、才' });
    assert.deepEqual(exchangedForms('不忘初心、牢记使命'), []);
    assert.deepEqual(exchangedForms('人民城市人民建、人民城市为人民'), []);
    const forms = generateVariants([entry('为中国人民谋幸福，为中华民族谋复兴')], new Set()).filter((v) => v.kind === 'exchanged');
    for (const v of forms) assert.equal(v.form.slice(0, v.fixAt) + v.fixText + v.form.slice(v.fixAt + v.fixLen), '为中国人民谋幸福，为中华民族谋复兴');
  });

  it('rejects a superseded wording without the verbs or the formulations that date it', () => {
    assert.throws(() => loadSlogans('entries:\n  - canonical: 四个自信\n    source: s\n    outdated: [三个自信]\n'), /outdated needs before or after, and outdated_with/);
  });

  it('puts a near word in every formulation holding the word, with 、 or ，, and fixes the one character', () => {
    const forms = generateVariants([entry('不忘初心、牢记使命'), entry('全面从严治党')], new Set(), [], [['初心', '初衷'], ['从严', '从紧']]).filter((v) => v.kind === 'near');
    assert.deepEqual(forms.map((v) => v.form), ['不忘初衷、牢记使命', '不忘初衷，牢记使命', '全面从紧治党']);
    const fixed = forms.map((v) => v.form.slice(0, v.fixAt) + v.fixText + v.form.slice(v.fixAt + v.fixLen));
    assert.deepEqual(fixed, ['不忘初心、牢记使命', '不忘初心，牢记使命', '全面从严治党']);
  });

  it('refuses a near-word pair that is not one or two characters apart with one kept', () => {
    // Two characters apart, one kept in place: a near word of everyday use (责任制 for 负责制).
    assert.deepEqual(loadSlogans('entries:\n  - canonical: 院长负责制\n    source: s\nnear_words:\n  - [负责制, 责任制]\n').nearWords, [['负责制', '责任制']]);
    // Every character changed: another word, not a near one.
    assert.throws(() => loadSlogans('entries:\n  - canonical: 第一议题\n    source: s\nnear_words:\n  - [议题, 课程]\n'), /near_words\[0\]/);
    assert.throws(() => loadSlogans('entries:\n  - canonical: 第一议题\n    source: s\nnear_words:\n  - [议题, 会议议程]\n'), /near_words\[0\]/);
    assert.throws(() => loadSlogans('entries:\n  - canonical: 第一议题\n    source: s\nnear_words:\n  - [议题, 议题]\n'), /near_words\[0\]/);
    assert.deepEqual(loadSlogans('entries:\n  - canonical: 第一议题\n    source: s\nnear_words:\n  - [议题, 课题]\n').nearWords, [['议题', '课题']]);
  });

  it('gives a counted formulation of a long word every other number, but not a short word nor a count of aspects', () => {
    const count = (c: string, good = new Set<string>()) => generateVariants([entry(c)], good).filter((v) => v.kind === 'count').map((v) => v.form);
    assert.deepEqual(count('六个必须坚持', new Set(['八个必须坚持'])), ['一个必须坚持', '两个必须坚持', '三个必须坚持', '四个必须坚持', '五个必须坚持', '七个必须坚持', '九个必须坚持', '十个必须坚持']);
    assert.deepEqual(count('十个坚持'), []);
    assert.deepEqual(count('十三个方面成就'), []);
    const [v] = generateVariants([entry('两个一以贯之')], new Set()).filter((x) => x.kind === 'count');
    assert.equal(v.form.slice(0, v.fixAt) + v.fixText + v.form.slice(v.fixAt + v.fixLen), '两个一以贯之');
  });

  it('generates nothing for an unverified entry', () => {
    assert.deepEqual(generateVariants([entry('“七一”重要讲话', { required: ['重要'], verified: false })], new Set()), []);
  });
});

describe('homophones and look-alikes', () => {
  it('matches syllables without tones, any reading of a polyphone', () => {
    assert.equal(isHomophone('维', '为'), true);
    assert.equal(isHomophone('党', '当'), true);
    assert.equal(isHomophone('维', '度'), false);
    assert.equal(isHomophone('识', '度'), false);
  });

  it('hears fuzzy pinyin as input methods forgive it: zh/ch/sh as z/c/s, ang/eng/ing as an/en/in', () => {
    assert.equal(isHomophone('识', '思'), true); // shi / si: 四个意思 for 四个意识
    assert.equal(isHomophone('程', '陈'), true); // cheng / chen
    assert.equal(isHomophone('争', '真'), true); // zheng / zhen → zen
    assert.equal(isHomophone('识', '西'), false); // shi / xi: no fuzzy pair
    assert.equal(isHomophone('党', '蛋'), true); // dang / dan
  });

  it('reads from the generated table what pinyin-pro answers, in every range and outside them', () => {
    type Pinyin = (text: string, options: object) => string[];
    const { pinyin } = createRequire(import.meta.url)('pinyin-pro') as { pinyin: Pinyin };
    const asked = (c: string) => [...new Set(pinyin(c, { toneType: 'none', type: 'array', multiple: true }).map(fuzzy))].sort();
    // Every 37th code point of each range, its ends, polyphones, and characters outside (a letter, a mark).
    const chars = ['行', '重', '长', '了', '〇', 'a', '，', 'ü'];
    for (const [lo, hi] of RANGES) {
      for (let cp = lo; cp <= hi; cp += 37) chars.push(String.fromCodePoint(cp));
      chars.push(String.fromCodePoint(hi));
    }
    for (const c of chars) assert.deepEqual([...readingsOf(c)].sort(), asked(c), c);
  });

  it('reads the listed look-alikes both ways', () => {
    assert.equal(isLookalike('治', '冶'), true);
    assert.equal(isLookalike('冶', '治'), true);
    assert.equal(confusion('冶', '治'), 'lookalike');
    assert.equal(confusion('球', '求'), 'homophone');
    assert.equal(confusion('度', '护'), null);
  });
});

describe('the whole dictionary through slogan-canonical', () => {
  it('stays quiet on every formulation written in a sentence', () => {
    // A name the source quotes after 坚持 (unquoted_after: 坚持“三会一课”) is written so: bare it is a misquote.
    const text = slogans.entries.map((e) => `坚持${e.unquotedAfter.includes('坚持') ? `“${e.canonical}”` : e.canonical}，推动工作落实。`).join('\n');
    const found = lint(text, only).findings.map((f) => text.slice(f.start, f.end));
    assert.deepEqual(found, []);
  });

  it('finds every generated misquote of a verified formulation, and fixes it', () => {
    const good = new Set([...slogans.entries.map((e) => e.canonical), ...slogans.correct.map((c) => c.phrase)]);
    const verified = slogans.entries.filter((e) => e.verified);
    const variants = generateVariants(verified, good, slogans.insertedWords, slogans.nearWords);
    // One misquote a line: a finding never spans lines, so the lines cannot interfere. A
    // superseded wording counts only beside a formulation that dates the line.
    // Another number in a short counted name (五个意识) counts only beside its pair's name.
    const shortCount = (v: (typeof variants)[number]): boolean => v.kind === 'count' && v.form.length - v.word.length - 1 < 3;
    const dated = (v: (typeof variants)[number]): string =>
      v.kind === 'outdated' ? `，牢固树立“${verified[v.entry].outdatedWith[0]}”` : shortCount(v) ? `，坚持“${verified[v.entry].pair}”` : '';
    // A short near-word misquote (第一课题) or a short remainder of a dropped name (生态文明思想)
    // counts only where the text names the formulation.
    const shortName = (v: (typeof variants)[number]): boolean => v.kind === 'required' && v.fixAt === 0 && v.form.length < 8 && v.fixText.startsWith(v.word);
    // So does a count in digits (4个意识), which is also a plain count of things.
    const digits = (v: (typeof variants)[number]): boolean => v.kind === 'numeral' && /^[0-9]/u.test(v.form);
    const named = (v: (typeof variants)[number]): string => ((v.kind === 'near' && v.form.length < 6) || shortName(v) || digits(v) ? '落实' : '');
    const text = variants.map((v) => `全体党员${named(v)}${v.form}${dated(v)}，推动工作落实。`).join('\n');
    const result = lint(text, only);
    const reported = new Set(result.findings.map((f) => result.report.lines.lineAt(f.start)));
    assert.deepEqual(variants.filter((_, i) => !reported.has(i)).map((v) => v.form), []);
    const fixed = variants.map((v) => `全体党员${named(v)}${v.form.slice(0, v.fixAt) + v.fixText + v.form.slice(v.fixAt + v.fixLen)}${dated(v)}，推动工作落实。`);
    assert.deepEqual(lintAndFix(text, only).output.split('\n'), fixed);
  });
});

describe('slogan-words: characters, not code units', () => {
  it('reads a Han character outside the BMP as one character, no word by itself', async () => {
    const { wordAcross, wholeWords } = await import('../../rules/wording/slogan-words');
    // 𠀀 (U+20000, CJK Extension B) is two UTF-16 code units; ICU gives it a segment of its own.
    assert.equal(wordAcross('𠀀，的', 0, false), false);
    assert.equal(wholeWords('学习𠀀'), false);
    // Twins in the BMP: a two-character word is one.
    assert.equal(wordAcross('学习，', 0, false), true);
    assert.equal(wholeWords('学习'), true);
  });
});

describe('congresses (rules/data/congresses.yaml)', () => {
  const base = "verbs: [学习贯彻]\nobjects: [精神]\nhistory: [以来]\npresent_since: [今年以来]\nseries:\n  - name: 甲\n    source: s\n    forms: ['甲{n}大']\n";
  it('reads each series with its meetings in order', () => {
    const data = loadCongresses(base + "    meetings:\n      - { n: 十二, met: '2018-10' }\n      - { n: 十三, met: '2023-10' }\n");
    assert.deepEqual(data.series[0].meetings, [{ n: '十二', year: 2018, month: 10 }, { n: '十三', year: 2023, month: 10 }]);
    const form = data.series[0].forms[0];
    assert.deepEqual(form.match('学习贯彻甲十二大精神', 5, '十二'), { before: 1, after: 1 });
    assert.equal(form.match('学习贯彻乙十二大精神', 5, '十二'), null);
  });
  it('rejects a malformed month, meetings out of order and a form without one {n}', () => {
    assert.throws(() => loadCongresses(base + "    meetings:\n      - { n: 十二, met: '2018' }\n      - { n: 十三, met: '2023-10' }\n"), /needs an ordinal \(n: 十九\) and a month/);
    assert.throws(() => loadCongresses(base + "    meetings:\n      - { n: 十三, met: '2023-10' }\n      - { n: 十二, met: '2018-10' }\n"), /in the order they met/);
    assert.throws(() => loadCongresses(base.replace('甲{n}大', '甲大') + "    meetings:\n      - { n: 十二, met: '2018-10' }\n      - { n: 十三, met: '2023-10' }\n"), /forms holding \{n\}/);
  });
  it("names each shipped series' congresses as reports write them, and not another series'", () => {
    const seriesOf = (text: string, n: string) => congresses.series.filter((s) => s.forms.some((f) => f.match(text, text.indexOf(n), n) !== null)).map((s) => s.name);
    assert.deepEqual(seriesOf('学习贯彻党的十九大精神', '十九'), ['中国共产党全国代表大会']);
    assert.deepEqual(seriesOf('学习贯彻党的十九届三中全会精神', '十九'), ['中国共产党全国代表大会']);
    assert.deepEqual(seriesOf('落实中国妇女第十二次全国代表大会部署', '十二'), ['中国妇女全国代表大会']);
    assert.deepEqual(seriesOf('学习贯彻团十九大精神', '十九'), ['中国共产主义青年团全国代表大会']);
    assert.deepEqual(seriesOf('学习贯彻团十九届二中全会精神', '十九'), []);
    assert.deepEqual(seriesOf('学习贯彻工会十八大精神', '十八'), ['中国工会全国代表大会']);
  });
});
