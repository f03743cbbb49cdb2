/**
 * The counts of a report and the lists they announce or close (rules/model/lists.ts).
 *
 * Counts, and where their items are looked for:
 * - a quoted slogan `“五个一”`, `“四大行动”`, `“三个聚焦”`, `“三联”`: a 、-list right before it
 *   in its clause whose items show its shape (each an 一X, each holding its noun), else a
 *   list it introduces (after a short name: `“五个一”主题活动，即…`), a bracket after it
 *   (`“四大行动”（…）`), or the run of 一是… that follows, each item showing the shape;
 * - `三个方面`: the 、-list right before it (`从思想、组织、作风三个方面`), a list it
 *   introduces, or the run of 一是… items, （一）… headings or bullets that follows;
 * - a count of the quantity layer with a list unit and a noun, then an introducer
 *   (`制定8项措施：…`, `两个阵地，即…`);
 * - a count after a 、-list: of places (`镇靖、冯庄2村`, `*村、*村等7个村`), of named items
 *   opened by a verb of making (`打造镇靖村（…）、范庙村（…）党建示范品牌2个`), or of short
 *   items closed by count + noun (`甲队、乙队等三支队伍`; `“学、讲、做”三个环节`): list-closed.ts;
 * - `三大行动` unquoted, with an introducer or a list right before (`…五大建设`).
 * A list introduced by a complete introducer and delimited with confidence is recorded;
 * a slogan's list may stop at a comma where its shaped items end (`即聚焦A、聚焦B，推动…`).
 * The quoted slogans are read by list-slogans.ts, the other counts and the introducers by
 * list-counts.ts, the items after an introducer or inside a bracket by list-plain.ts; this
 * module decides which reading a count gets.
 */
import { listsData as vocab } from '../data/lists';
import type { EnumeratedList, ListSource } from './lists';
import { bracketAfterCount, isPersonName, LIST_UNIT, listBeforeCount, NAME_LIKE, QUOTED_ITEM, UNIT_KIND } from './list-closed';
import { dengOneShort, inlineList, joinsShapedPair, quotedListBefore, textsOf } from './list-inline';
import { datesBeforeCount } from './list-dates';
import { backWordBefore, clauseListBefore, runBefore } from './list-backref';
import { aspects, backCount, bigCounts, clauseThenColon, countedAnnouncement, introducerAt, kindCounts, sessionAfter } from './list-counts';
import { digitNameLists, quotedPartCounts } from './list-quoted';
import { compoundTagLists } from './list-compound';
import { earlierItemsTail, includesWholeSet, sharedHead } from './list-heads';
import { aspectsWithCounts, bracketList, shapedClause } from './list-plain';
import { counted, RunReader, type Shape } from './list-runs';
import { laterJi, listAt, oneClauseAfter, verbObjects, wordRun } from './list-after-slogan';
import { sequenceRun } from './list-sequence';
import { type Announcement, sloganAnnouncements, takenUp } from './list-slogans';
import { labelSeriesMember, pairedAfterSlogan } from './list-context';
import { hanPrefixLength, leadInEnd, MAX_REACH, segmentsBefore, sentenceEndFrom, splitQuoted, withoutComments, withoutDeng } from './list-text';

/** A count of a list's measure (`两项`, `3个`, `五方面`) in the words after a pointing count's sentence. */
const OTHER_COUNT = new RegExp(`[一二两三四五六七八九十几\\d]+(?:${vocab.listUnits.join('|')})`, 'u');

/** Finds the counts of a report and their lists (see the module comment). */
export class ListFinder {
  private readonly text: string;
  private readonly runs: RunReader;

  constructor(private readonly src: ListSource) {
    this.text = src.text;
    this.runs = new RunReader(src);
  }

  /** Every counted list, by start of its count. */
  find(): EnumeratedList[] {
    const out: EnumeratedList[] = [];
    for (const a of [...sloganAnnouncements(this.src), ...aspects(this.src), ...bigCounts(this.src, this.runs)]) {
      const preceding = a.preceding ? this.precedingList(a) : null;
      const back = preceding ? undefined : this.referredBack(a.count.start, a.line, a.shape);
      const list = preceding ?? (back === undefined ? this.followingList(a) : back && counted(back, { ...a.count, side: 'after' }, null, false));
      // “三必三有”（必须…，必须…，必须…；有声、有影、有文字）: items that do not each show
      // every word (as 赛…创… does) are one group per word, or every word's items one by
      // one: the slogan's own reading, not a miscount.
      if (list && a.groups !== undefined && (list.distinct === a.groups || list.distinct === a.count.value * a.groups) && !list.items.every((i) => a.shape!(i.text))) continue;
      if (list) out.push(list);
    }
    const quantities = this.src.quantities;
    for (let i = 0; i < quantities.length; i++) {
      const q = quantities[i];
      if (q.bound !== 'exact') continue;
      // `1个工作日内办结`, `3个月`: a duration (lists.yaml duration_nouns), no count of items.
      if (q.unit === '个' && vocab.durationNouns.some((w) => this.text.startsWith(w, q.end))) continue;
      const kind = UNIT_KIND.get(q.unit);
      // `全镇有6所村小，分别为：A、B…`: institutions counted in a measure word of no list
      // unit, announced by 分别为/分别是, which names every one.
      const people = vocab.peopleUnits.includes(q.unit);
      if (!((kind ?? 0) & LIST_UNIT) && (people || vocab.namedCountUnits.includes(q.unit))) {
        const list = this.namedByRespectively(q, people);
        if (list) {
          out.push(list);
          continue;
        }
      }
      if (kind === undefined) {
        // `先后于3月12日、5月8日两次召开…`: the dates, one per time.
        const dates = q.unit === '次' ? datesBeforeCount(this.src, q) : null;
        if (dates && !this.src.opaque.overlaps(q.start, q.end)) out.push(dates);
        continue;
      }
      // `通过以上三项举措`: a count that refers back to the items just stated.
      // (`上述三个方面` is read by aspects.)
      const back = kind & LIST_UNIT && !q.after.startsWith('方面') ? this.referredBack(q.start, q.line, null) : undefined;
      if (back !== undefined) {
        if (back && !this.src.opaque.overlaps(q.start, q.end)) out.push(counted(back, backCount(this.text, q), null, false));
        continue;
      }
      const a = kind & LIST_UNIT ? countedAnnouncement(this.src, this.runs, q) : null;
      const following = a ? this.followingList(a) : null;
      // `共有六项内容，会上进行五项内容：一是…六是…`: the items answer to the whole count stated
      // before in the sentence; the count right before them names the part of it done there.
      if (following && a && following.distinct !== q.value && this.wholeStatedBefore(i, a.count.noun, following.distinct)) continue;
      const list = following ?? listBeforeCount(this.src, q, kind) ?? bracketAfterCount(this.src, q, kind);
      if (list && !this.src.opaque.overlaps(q.start, q.end)) out.push(list);
    }
    // “巡查护宣”五字工作法, “县—乡—村”三级联动: the parts of a quotation, counted after it.
    out.push(...quotedPartCounts(this.src));
    // “1234”支部工作法（一个中心、两项职责、三个坚持）: a digit name spelled out in its bracket.
    out.push(...digitNameLists(this.src));
    // 部 is a measure word of the quantity layer too (获奖作品9部): a title count it read above
    // (`《A》《B》两部法规`) is not read again.
    const read = new Set(out.map((l) => l.count!.start));
    for (const q of [...kindCounts(this.src), ...kindCounts(this.src, '部'), ...kindCounts(this.src, '款')]) {
      if (read.has(q.start)) continue;
      const list = listBeforeCount(this.src, q, UNIT_KIND.get(q.unit) ?? 0);
      if (list) out.push(list);
    }
    // `提出三点要求：一是…`, `主要有以下三点体会：` ⏎ `（一）…`: points (a measure word the
    // quantity layer leaves to clocks) announce the list after them as any counted noun does.
    for (const q of kindCounts(this.src, '点')) {
      if (this.src.opaque.overlaps(q.start, q.end)) continue;
      const a = countedAnnouncement(this.src, this.runs, q);
      const list = a ? this.followingList(a) : null;
      if (list) out.push(list);
    }
    // “一网两微三端”（…）, “三亮三比三评”（…）: a compound tag's bracket, read group by group,
    // replaces any other reading of the tag.
    const compound = compoundTagLists(this.src);
    const tags = new Set(compound.map((l) => l.count!.start));
    // `甲、乙、丙等四个领域`: all but one named before 等 and the count is a dropped item, so
    // that 等 closes the list (list-inline.ts `dengOneShort`): complete, not open.
    for (const l of out) if (dengOneShort(this.text, l)) l.open = false;
    // A "list" of one item (a lone `一、` heading) tells nothing of how many were meant.
    return [...out.filter((l) => !tags.has(l.count!.start)), ...compound].filter((l) => l.items.length >= 2).sort((x, y) => x.count!.start - y.count!.start);
  }

  /**
   * The list a count `q` in a measure word of lists.yaml `named_count_units` (所, 家…)
   * announces after its noun and 分别为/分别是 (with or without a comma or colon), or null.
   * A count of `people` (名, 位, 人: `3名委员，分别是张某、李某`) announces only personal names
   * (posts such as 组织委员 are values paired with them, for respectively-count).
   */
  private namedByRespectively(q: ListSource['quantities'][number], people: boolean): EnumeratedList | null {
    if (this.src.opaque.overlaps(q.start, q.end)) return null;
    const a = countedAnnouncement(this.src, this.runs, q);
    if (!a || a.nextLine || !introducerAt(this.text, a.after)?.w.includes('分别')) return null;
    const list = this.followingList(a);
    if (list && people && (list.form !== 'inline' || !list.items.every((i) => isPersonName(i.text)))) return null;
    // `评出标兵4名，分别是A、B、C，通过…宣传`: the names end where a clause opens with no
    // name (nor a word adding one: 以及…); 分别是 then named every one of them.
    if (list && people && list.continues && !this.nameMayFollow(list.end)) list.continues = false;
    return list;
  }

  /**
   * Whether the clause after a comma at `end` may be one more personal name: its first
   * 、-segment is one, or it opens with a word that adds one (以及, 还有, 和…).
   */
  private nameMayFollow(end: number): boolean {
    const { text } = this;
    if (text[end] !== '，' && text[end] !== ',') return true;
    const m = /^[^、，,。；;：:！？\n]*/u.exec(text.slice(end + 1, end + 1 + MAX_REACH))!;
    const next = m[0].trim();
    return next === '' || isPersonName(next) || /^(?:以及|还有|另有|和|及|与|同)/u.test(next);
  }

  /**
   * Whether the sentence before quantity `i` states another count of the same measure word
   * and noun with `value` (`共有六项内容，会上进行五项内容`): the list after the later count
   * may enumerate the earlier one. Only the count's own sentence is read (no 。 between).
   */
  private wholeStatedBefore(i: number, noun: string, value: number): boolean {
    const qs = this.src.quantities;
    const q = qs[i];
    if (noun === '') return false;
    for (let k = i - 1; k >= 0 && qs[k].line === q.line; k--) {
      const p = qs[k];
      if (/[。！？!?]/u.test(this.text.slice(p.end, q.start))) return false;
      if (p.unit === q.unit && p.value === value && p.bound === 'exact' && p.after.startsWith(noun)) return true;
    }
    return false;
  }

  /**
   * Whether the count at `start` (a quantity on line `line`) restates an earlier count of its
   * line: the same value and measure word, its noun (the Han characters after the measure word
   * up to 的, at most four) among the first characters after the earlier one (`3个党支部` …
   * `这3个支部`). The back word then points at that count, not at a list.
   */
  private restatesCount(start: number, line: number): boolean {
    const qs = this.src.quantities;
    let i = qs.findIndex((x) => x.start === start || x.numberStart === start);
    if (i < 0) return false;
    const q = qs[i];
    const noun = /^(?:(?!的)\p{Script=Han}){1,4}/u.exec(q.after)?.[0];
    if (!noun) return false;
    for (i--; i >= 0 && qs[i].line === line; i--) {
      const p = qs[i];
      if (p.value === q.value && p.unit === q.unit && p.bound === 'exact' && p.after.slice(0, noun.length + 2).includes(noun)) return true;
    }
    return false;
  }

  /**
   * The items a count at `start` refers back to (list-backref.ts): undefined when no word
   * pointing back stands before it (`以上`, `上述`, `这`); null when one does but no items
   * are found: such a count announces nothing after it, but for 这, which may also point
   * forward (`这三项工作是：…`), whose count is then read as any other (undefined).
   */
  private referredBack(start: number, line: number, shape: Shape): EnumeratedList | null | undefined {
    const lineStart = this.src.lines.start(line);
    const back = backWordBefore(this.text, start, lineStart);
    if (back < 0) return undefined;
    // `对排名靠后的3个党支部，…帮助分析原因、制定整改措施，年底这3个支部…`: 这 takes up the
    // earlier count, not the actions listed between.
    if (this.restatesCount(start, line)) return null;
    const list = runBefore(this.src, this.runs, back, line) ?? clauseListBefore(this.src, back, lineStart, shape);
    return list ?? (this.text[back] === '这' ? undefined : null);
  }


  /** The 、-list that ends right at the count, in its clause: `建立一套…、…“五个一”`, `从思想、组织、作风三个方面`. */
  private precedingList(a: Announcement): EnumeratedList | null {
    const lineStart = this.src.lines.start(a.line);
    // “读一本书、写一篇体会、办一件实事”“三个一”: the list inside the quotes right before,
    // or before 的 (`按照“有场所、有牌子、有制度”的“三有”标准`).
    const end = this.text[a.count.start - 1] === '的' ? a.count.start - 1 : a.count.start;
    if (a.shape && this.text.charCodeAt(end - 1) === 0x201d /* ” */) {
      const quoted = quotedListBefore(this.text, end, lineStart);
      if (quoted && quoted.texts.every(a.shape)) return counted(inlineList(this.src, quoted.segments, quoted.texts), { ...a.count, side: 'after' }, null, false);
    }
    let segments = splitQuoted(this.text, segmentsBefore(this.text, a.count.start, lineStart, false));
    // `坚持集中学、研讨学、实践学，以“三学”联动…`: a slogan with no measure word that takes
    // up the clause before it; every item there must show its noun.
    const back = a.preceding === 'shaped' && a.count.measure === '' && segments.length < 2 ? takenUp(this.text, a.count.start, lineStart) : -1;
    if (back >= 0) {
      segments = splitQuoted(this.text, segmentsBefore(this.text, back, lineStart, false));
      if (segments.length < 2 || !textsOf(this.text, segments).every(a.shape!)) return null;
    }
    // `镇党委、政府围绕乡村产业、人才、文化、生态、组织5个方面`: a verb that leads the list in
    // (围绕, 聚焦…) inside a later segment starts it; what stands before is the sentence's subject.
    for (let k = segments.length - 1; k >= 1; k--) {
      const lead = leadInEnd(this.text, segments[k][0], segments[k][1], vocab.listLeadIns);
      if (lead < 0) continue;
      segments = [[lead, segments[k][1]] as [number, number], ...segments.slice(k + 1)];
      break;
    }
    if (segments.length < 2) return null;
    // `即理论武装三个抓手、舆论引导四大战役`: a label that is one member of a series of numbered
    // labels counts none of its siblings (its own items are stated elsewhere, if at all).
    if (a.preceding !== 'one' && labelSeriesMember(this.text, segments, sessionAfter)) return null;
    const texts = textsOf(this.text, segments);
    // `政治建设、业务融合…等“六个方面”`: 等 right before a quoted slogan closes the list it
    // counts, whatever its items show; they are read as names.
    const closedByDeng = a.count.quoted && this.text[a.count.start - 1] === '等';
    let names = a.preceding === 'names' || a.preceding === null;
    if (!names) {
      const shape = a.shape!;
      let shaped = 0;
      for (const t of texts) if (shape(t)) shaped++;
      const fits = shape(texts[texts.length - 1]) && shaped * 2 >= texts.length && (a.preceding !== 'shaped' || shaped >= texts.length - 1);
      if (!fits && !closedByDeng) return null;
      names = !fits;
    }
    // `“巾帼建功”“巾帼护蕾”…等“五大行动”`: quoted names, adjacent or 、-separated, are names too.
    if (names) for (let i = 1; i < texts.length; i++) if (!NAME_LIKE.test(withoutDeng(texts[i])) && !QUOTED_ITEM.test(texts[i])) return null;
    const conjunctionLast = a.preceding === 'names' || (a.shape != null && joinsShapedPair(texts[texts.length - 1], a.shape));
    return counted(inlineList(this.src, segments, texts, conjunctionLast), { ...a.count, side: 'after' }, null, false);
  }

  /** A list the count introduces, or the run of items after it (same line or next). */
  private followingList(a: Announcement): EnumeratedList | null {
    if (a.bridged) return this.bridgedList(a, a.after);
    let at = a.after;
    // `“三带”指A带、B带、C带`: 指 right after a quoted slogan defines it (lists.yaml not_after_zhi).
    const zhi = a.count.quoted && this.text[at] === '指' && !vocab.notAfterZhi.includes(this.text[at + 1]);
    // A short name between a slogan and its introducer: “五个一”主题活动，即…
    if (a.count.quoted && !zhi) {
      const noun = hanPrefixLength(this.text.slice(at, at + vocab.sloganNounsMax + 1), vocab.sloganNounsMax + 1);
      if (noun <= vocab.sloganNounsMax) at += noun;
    }
    const intro = zhi ? { w: '指', partial: false } : introducerAt(this.text, at);
    if (intro) {
      const end = at + intro.w.length;
      const list = listAt(this.src, this.runs, end, a.shape, a.count.noun, a.count.value);
      // `“五个明确”、“四个规范”。即明确A、明确B…；“四个规范”是…`: two slogans announced together,
      // then expanded in order: a first item that does not show the second's word opens the
      // first's items (the second's follow, re-quoted: `“四个规范”是…`).
      if (list && a.count.quoted && a.shape && pairedAfterSlogan(this.text, a.count.start) && !a.shape(list.items[0].text)) return null;
      if (list) splitShapedLast(this.text, list, a.shape ?? nounEnding(a.count.noun));
      // `包括朝阳站、滨河站、新苑站和锦绣站` counted as 站点: the items' own common ending.
      if (list && !a.shape && list.conjunction) splitShapedLast(this.text, list, tailEnding(list));
      // `制定5项制度，包括A制度；B制度；C制度`: items set apart by ； (no 等) are the
      // writer's full enumeration, whatever the introducer says; so are items sharing the
      // counted noun written once at the end (`包括A、B、C先锋队`: list-heads.ts).
      const formal = list !== null && list.closing === null && list.separators.length > 0 && list.separators.every((s) => s.text === '；' || s.text === ';');
      // Far fewer such items than the count (`品牌12个，包括A、B品牌`) are examples.
      const shared = list !== null && list.closing === null && list.form === 'inline' && list.items.length * 2 > a.count.value && sharedHead(list.items.map((i) => i.text), a.count.noun) !== '';
      if (shared) list!.continues = false;
      // `制定7项制度，包括A制度、…、F制度，推动…`: all but a few of the set, each showing
      // what is counted, with no 等, is the writer's whole list (list-heads.ts).
      const whole = list !== null && intro.partial && !formal && !shared && includesWholeSet(list, a.count.noun, a.count.value, a.count.quoted ? a.shape : null);
      return list && counted(list, a.count, { start: at, end, text: intro.w }, intro.partial && !formal && !shared && !whole);
    }
    // `围绕“三个讲好”组织宣讲团进社区，即讲好A、讲好B`: a 即 later in the slogan's sentence,
    // after one clause of what was done with it, opens its items when every one shows its shape.
    const later = a.count.quoted && a.shape ? laterJi(this.src, this.runs, a, at) : null;
    if (later) return later;
    // `党组提出“五项举措”，着力减少信访问题：一是…`: a purpose clause, then the colon of the
    // slogan's items (list-counts.ts clauseThenColon), whose run need not show its shape.
    const colon = a.count.quoted ? clauseThenColon(this.text, at, this.src.lines.end(a.line), false) : -1;
    const bridged = colon >= 0 ? this.bridgedList(a, colon) : null;
    if (bridged) return bridged;
    // `“四无”标准，做到无A、无B、无C`: a verb of attaining leads the slogan's shaped items in.
    if (a.count.quoted && a.shape && (this.text[at] === '，' || this.text[at] === ',')) {
      const verb = vocab.sloganAttainVerbs.find((v) => this.text.startsWith(v, at + 1));
      if (verb) {
        const from = at + 1 + verb.length;
        const lineEnd = this.src.lines.end(a.line);
        const end = sentenceEndFrom(this.text, from, Math.min(lineEnd, from + MAX_REACH));
        const list = shapedClause(this.src, from, end, a.shape);
        return list && counted(list, a.count, null, false);
      }
      // `开展“三带头”承诺践诺，党员带头A、带头B，…`: the clause after the comma is a 、-run of
      // the slogan's word, each item opening with it (the first after a short subject).
      const subjectRun = wordRun(this.src, a, at + 1);
      if (subjectRun) return counted(subjectRun, a.count, null, false);
    }
    // `实施“四个一”工程。每名党员联系一个宿舍、指导一个社团`: a 个一 slogan's name closes its
    // clause, and the next clause is its 一-items.
    const ones = a.count.quoted ? oneClauseAfter(this.src, a, at) : null;
    if (ones) return ones;
    // `开展“五进”活动42场，走进学校、社区、军营`: the slogan's verb opens a clause of the places
    // it goes to, after a count of what was held.
    const visits = a.count.quoted ? verbObjects(this.src, a, at) : null;
    if (visits) return visits;
    const found = this.runAfter(a, at);
    return found && counted(found, a.count, null, false);
  }

  /**
   * The items after the colon at `colon` that ends a clause of what is done with the count
   * (`五项举措推进…：`): a run of 一是…/（1）… or a list set apart by ；, the writer's full
   * enumeration. A 、-list there may be the clause's own objects, so it is not read; null then.
   */
  private bridgedList(a: Announcement, colon: number): EnumeratedList | null {
    const list = listAt(this.src, this.runs, colon + 1, null, a.count.noun, a.count.value);
    if (!list || (list.form === 'inline' && (list.separators.length === 0 || !list.separators.every((s) => s.text === '；' || s.text === ';')))) return null;
    return counted(list, a.count, { start: colon, end: colon + 1, text: this.text[colon] }, false);
  }

  /** Without an introducer: a bracket after a slogan, a run on the count's line, or on the next. */
  private runAfter(a: Announcement, at: number): EnumeratedList | null {
    const { text } = this;
    // `“四大行动”（…）`, `5个方面18项措施（…）` (aspects: list-counts.ts points `after` at the bracket).
    if (a.count.quoted && (text[at] === '（' || text[at] === '(')) return bracketList(this.src, at);
    if (a.count.noun === '方面' && (text[at] === '（' || text[at] === '(')) return aspectsWithCounts(this.src, at) ?? bracketList(this.src, at);
    // `围绕“三项机制”，首先…，其次…，再次…，最后…`: a sequence run on the count's line.
    const sequence = sequenceRun(text, a.count.end, this.src.lines.end(a.line), a.line, a.shape);
    if (sequence) return sequence;
    if (!a.nextLine) return null;
    // “三个代表”重要思想: a name, announcing no run after it.
    if (a.count.quoted && vocab.sloganNameHeads.some((w) => text.startsWith(w, a.count.end))) return null;
    const lineEnd = this.src.lines.end(a.line);
    const k = this.runs.firstItemAfter(a.count.end);
    const item = this.src.items[k];
    if (item && item.line === a.line) {
      const gap = text.slice(a.count.end, item.start);
      // The gap is the rest of the count's own clause: `推进组织建设：`, `推进。`.
      if (item.value !== 1 || gap.length > 30 || !/^[^，,。；;：:！？!?]*[：:。，；]\s*\**$/u.test(gap)) return null;
      return this.runs.itemRun(k, a.shape);
    }
    // A run opening the next line: a slogan's must show its shape; `三个方面` must stand in
    // its line's last sentence, unless a word pointing ahead says the list follows
    // (`抓好以下四个方面工作。总的考虑是：…` ⏎ `一是…`).
    if (!a.shape && !this.inLastSentence(a.after, lineEnd) && !this.pointsAhead(a, lineEnd)) return null;
    // A count read from the quantity layer announces no run of top-level sections (一、二、):
    // a preamble's `抓好三项工作。` is no announcement of the report's parts.
    const structure = this.runs.nextLineStructure(a.line, a.shape, a.count.noun === '方面' || a.count.quoted);
    if (structure || a.count.noun !== '方面') return structure;
    // `存在4个方面问题，…。` ⏎ `针对上述问题，…。` ⏎ `（1）…`: one plain line may bridge, when
    // every item names what the count counts (问题).
    const thing = aspectThing(text, a.count.end);
    return thing ? this.runs.bridgedStructure(a.line, thing) : null;
  }

  /**
   * Whether a word right before the count points ahead (lists.yaml `ahead_words`: 以下, 如下,
   * 下列), so the run on the next line is its list even when more sentences follow it on its
   * line; the rest of the line must announce no list of its own (no other count, no line-ending
   * introducer), which would be the next run's announcement instead.
   */
  private pointsAhead(a: Announcement, lineEnd: number): boolean {
    const start = a.count.start;
    if (!vocab.aheadWords.some((w) => this.text.startsWith(w, start - w.length))) return false;
    const stop = sentenceEndFrom(this.text, a.after, Math.min(lineEnd, a.after + MAX_REACH));
    const rest = withoutComments(this.text.slice(stop, lineEnd)).replace(/[\s*]+$/u, '');
    if (rest.length > MAX_REACH || /[：:]$/u.test(rest)) return false;
    return !OTHER_COUNT.test(rest);
  }

  /** Whether no sentence ends between `from` and the line's last sentence mark. */
  private inLastSentence(from: number, lineEnd: number): boolean {
    if (lineEnd - from > MAX_REACH) return false;
    const rest = withoutComments(this.text.slice(from, lineEnd)).replace(/[\s*]+$/u, '');
    const stop = rest.search(/[。！？!?]/u);
    return stop < 0 || stop === rest.length - 1;
  }

}

/**
 * The noun right after `N个方面` at `end` (`问题` of `4个方面问题`, `不足` of `三个方面的不足`):
 * two to four Han characters closed by a clause mark, or '' if there is none.
 */
function aspectThing(text: string, end: number): string {
  const at = text[end] === '的' ? end + 1 : end;
  const m = /^\p{Script=Han}{2,4}(?=[，,。；;！!？?\s]|$)/u.exec(text.slice(at, at + 6));
  return m ? m[0] : '';
}

/** Items that end with the counted noun (`制度` of `三项制度：A制度、B制度`), if there is one. */
function nounEnding(noun: string): Shape {
  return noun.length >= 2 ? (t: string) => t.endsWith(noun) : null;
}

/** Items that end as every item before the last does (list-heads.ts `earlierItemsTail`), if they share an ending. */
function tailEnding(list: EnumeratedList): Shape {
  const tail = earlierItemsTail(list.items.map((i) => i.text));
  return tail === '' ? null : (t: string) => t.endsWith(tail) && t.length > tail.length;
}

/**
 * `A带、B带、C带和D带`: a 和/及/与 in the last item of an inline list whose two sides each
 * show the shape (a slogan's noun, or the counted noun ending each side) joins two items,
 * not two words of one: the last item is split there, in place.
 */
function splitShapedLast(text: string, list: EnumeratedList, shape: Shape): void {
  const joint = list.conjunction;
  if (!shape || !joint || list.form !== 'inline' || list.open) return;
  const last = list.items[list.items.length - 1];
  if (joint.start <= last.start || joint.end >= last.end) return;
  const left = text.slice(last.start, joint.start).trim();
  const right = text.slice(joint.end, last.end).trim();
  if (!shape(left) || !shape(right) || left === right) return;
  list.items.splice(list.items.length - 1, 1, { start: last.start, end: joint.start, text: left }, { start: joint.end, end: last.end, text: right });
  list.separators.push({ start: joint.start, end: joint.end, text: text.slice(joint.start, joint.end) });
  list.distinct += 1;
  list.conjunction = null;
}
