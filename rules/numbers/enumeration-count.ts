/**
 * enumeration-count: a stated count against the items it announces.
 *
 * Counts it reads, and where it looks for their items:
 * - a quoted numbered slogan `“五个一”`: the 、-separated 一X items right before it in the
 *   same clause (`建立一套…、赠送一张…、…进行一次…“五个一”活动`), or a list it introduces;
 * - a quoted `“四大行动”`: a list it introduces, or the run of 一是… items that follows;
 * - `三个方面`: the 、-list right before it (`从思想、组织、作风三个方面`), a list it
 *   introduces, or the run of 一是… items, （一）… headings or bullets that follows;
 * - a count with a measure word and a noun introduced by a colon (`制定8项措施：…`);
 * - a 、-list right before a count of places (`镇靖、冯庄2村`, `*村、*村等7个村`), or a list
 *   of named items (each with its name in brackets or quotes) opened by a verb of making
 *   and closed by "noun + count" (`打造镇靖村（…）、范庙村（…）党建示范品牌2个`).
 * A list ending in 等 makes the count a lower bound. Items are counted by distinct names (a
 * redacted name such as `**` or `*村` is always its own item). Where the list cannot be
 * delimited with confidence — a 、-list ending at a comma, a last item joined by 和/及, a
 * run of 一是 items that does not show the slogan's shape — the rule stays quiet.
 *
 * Chinese numerals in quoted slogans are not in `report.quantities` (the layer leaves quoted
 * names out); they are read here with nzh through `chineseNumeralValue`.
 * The vocabulary is data: rules/data/enumeration-count.yaml.
 */
import type { List, Nodes } from 'mdast';
import { enumerationCountData as vocab } from '../data/enumeration-count';
import { chineseNumeralValue } from '../model/numerals';
import type { Quantity } from '../model/quantities';
import type { OrdinalItem, Report } from '../model/report';
import type { Problem, Rule } from '../types';
import { checked, isSpace } from './sentence';

/** A count as written, and where the text after it (its introducer, its list) begins. */
interface Announcement {
  start: number;
  end: number;
  label: string;
  n: number;
  /** Offset where a list it introduces may start (after the slogan or the noun). */
  after: number;
  line: number;
  /** What the items of a following run must show, if anything. */
  shape: ((itemText: string) => boolean) | null;
  /** Whether a run of items or headings on the next line may be its list. */
  nextLine: boolean;
}

/** The items found for a count. */
interface Listing {
  count: number;
  lower: boolean;
  start: number;
  end: number;
  summary: string;
}

const CN = '[一二三四五六七八九十两]{1,3}';
const SLOGAN = new RegExp(`“(${CN})(个一|大([\\p{Script=Han}]{1,6}))”`, 'gu');
/** How every SLOGAN match opens (no `u`: a faster scan), to find the lines worth reading. */
const SLOGAN_OPENING = new RegExp(`“${CN}[个大]`, 'g');
const ASPECTS = new RegExp(`(${CN}|\\d{1,2})个方面`, 'gu');
const OPEN = '（(“‘《【〔';
const CLOSE = '）)”’》】〕';
// Character classes for the scanners, looked up per character (no regex per character).
const OPENS = new Set(OPEN);
const CLOSES = new Set(CLOSE);
const CLAUSE_MARKS = new Set('，,。；;：:！？!?');
const SENTENCE_MARKS = new Set('。！？!?');
const SENTENCE = /[。！？!?]/u;
const MAX_BACK = 200;
const MAX_REACH = 500;
const ONE_ITEM = new RegExp(`一[${vocab.oneMeasures}]`, 'u');
const NAME_LIKE = /^[\p{Script=Han}*×XＸ]{1,8}$/u;
// An owner's name, then the item's name in brackets or quotes: 镇靖村（“六微”逐梦镇靖堡）.
const NAMED_ITEM = /^[\p{Script=Han}*×XＸ]{1,10}(?:[（(][^）)]+[）)]|“[^”]+”)$/u;
const REDACTED = /[*×]|XX|ＸＸ/u;
const JOINED = /和|及|与|并/u;
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
// What a character is to segmentsBefore's scan, by UTF-16 code unit: one typed-array read
// per character instead of Set lookups on one-character strings.
const OTHER = 0;
const OPENER = 1;
const CLOSER = 2;
const CLAUSE_MARK = 3;
const LIST_COMMA = 4;
const DIGIT = 5;
const CHAR_KIND = new Uint8Array(65536);
for (const c of OPEN) CHAR_KIND[c.charCodeAt(0)] = OPENER;
for (const c of CLOSE) CHAR_KIND[c.charCodeAt(0)] = CLOSER;
for (const c of CLAUSE_MARKS) CHAR_KIND[c.charCodeAt(0)] = CLAUSE_MARK;
CHAR_KIND['、'.charCodeAt(0)] = LIST_COMMA;
for (let c = 0x30; c <= 0x39; c++) CHAR_KIND[c] = DIGIT;
const NAMED_COUNT_NEXT = /[，,。；;：:！？!?、\r\n]/u;

export const enumerationCount: Rule = {
  id: 'enumeration-count',
  meta: {
    family: 'numbers',
    severity: 'warning',
    fixable: false,
    description: {
      'zh-CN': '所述数量与其列举的项数一致（“五个一”、“四大行动”、三个方面、党建示范品牌3个）',
      en: 'A stated count matches the number of items it announces',
    },
    messages: {
      mismatch: {
        'zh-CN': '{label}所述数量为{n}，实际列举{count}项（{summary}），不符 ✗',
        en: '{label} announces {n}, but {count} items are listed ({summary}) ✗',
      },
      match: {
        'zh-CN': '{label}所述数量为{n}，实际列举{count}项（{summary}），相符 ✓',
        en: '{label} announces {n}, and {count} items are listed ({summary}) ✓',
      },
      lowerMatch: {
        'zh-CN': '{label}所述数量为{n}，列举{count}项并以“等”概括（{summary}），未超出 ✓',
        en: '{label} announces {n}; {count} items are listed, ending in 等 ({summary}) ✓',
      },
      lowerMismatch: {
        'zh-CN': '{label}所述数量为{n}，但以“等”概括的列举已有{count}项（{summary}），多于所述数量 ✗',
        en: '{label} announces {n}, but the list ending in 等 already holds {count} items ({summary}) ✗',
      },
      items: {
        'zh-CN': '所列各项：{count}项',
        en: 'The items listed: {count}',
      },
    },
  },
  check(report: Report): Problem[] {
    const ctx = new Context(report);
    const problems: Problem[] = [];
    const add = (a: { start: number; end: number; label: string; n: number }, listing: Listing | null) => {
      if (!listing || listing.count < 1) return;
      const ok = listing.lower ? listing.count <= a.n : listing.count === a.n;
      const messageId = listing.lower ? (ok ? 'lowerMatch' : 'lowerMismatch') : ok ? 'match' : 'mismatch';
      const data = { label: a.label, n: a.n, count: listing.count, summary: listing.summary };
      const related = [{ messageId: 'items', data: { count: listing.count }, start: listing.start, end: listing.end }];
      problems.push(checked(ok, messageId, data, a.start, a.end, related));
    };
    for (const line of announcementLines(report)) {
      const lineText = report.lines.lineText(line);
      for (const a of ctx.announcements(line, lineText)) {
        const before = a.shape === ONE_SHAPE || a.label.endsWith('个方面”') ? ctx.precedingList(a, a.shape === ONE_SHAPE) : null;
        add(a, before ?? ctx.followingList(a));
      }
    }
    const quantities = report.quantities;
    // An index loop: for-of allocates an iterator result per step until the JIT optimizes.
    for (let i = 0; i < quantities.length; i++) {
      const q = quantities[i];
      if (q.bound !== 'exact' || !COUNT_UNITS.has(q.unit)) continue;
      // Both readers only read the text: the opaque lookup waits until one of them finds something.
      const counted = ctx.countedAnnouncement(q);
      const listing = counted ? null : ctx.listBeforeCount(q);
      if ((!counted && !listing) || ctx.opaque(q.start, q.end)) continue;
      if (counted) add(counted, ctx.followingList(counted));
      else if (listing) add({ start: q.start, end: q.end, label: listing.label, n: q.value }, listing);
    }
    return problems.sort((x, y) => x.start - y.start);
  },
};

const ONE_SHAPE = (itemText: string) => ONE_ITEM.test(itemText);

/** An item without its bracketed asides and a trailing 等: `镇靖村（…）等` → `镇靖村`. */
function bareName(item: string): string {
  return item.replace(/[（(][^）)]*[）)]/gu, '').replace(/等$/u, '');
}

/** An item as shown in a summary: without asides, at most 8 characters. */
function shortItem(raw: string): string {
  const t = raw.replace(/[（(][^）)]*[）)]/gu, '').trim() || raw;
  return t.length > 8 ? `${t.slice(0, 7)}…` : t;
}

/** `listing` with the label its count is shown by (a plain literal: V8 builds a spread slowly). */
function labelled(listing: Listing, label: string): Listing & { label: string } {
  const { count, lower, start, end, summary } = listing;
  return { count, lower, start, end, summary, label };
}

/** First code units of the introducers: most positions are rejected by one lookup. */
const INTRODUCER_FIRST = new Set(vocab.introducers.map((w) => w.charCodeAt(0)));
/**
 * Every unit a count read from the quantity layer may carry: a list count (countedAnnouncement),
 * a count of places or of named items (listBeforeCount). Other quantities are skipped at once.
 */
const COUNT_UNITS = new Set([...vocab.listUnits, ...vocab.placeUnits, ...vocab.namedUnits, '个', '家']);

/**
 * The lines that may hold an announcement, ascending: those where a SLOGAN match may open
 * (SLOGAN_OPENING) or with `个方面` (ASPECTS). Two searches of the whole text, not two
 * regexes run on every line: few lines qualify. `方面` is searched and its `个` tested
 * after: V8 finds a pattern much faster when its first character is rare, and 个 is common.
 */
function announcementLines(report: Report): number[] {
  const { text, lines } = report;
  const found = new Set<number>();
  SLOGAN_OPENING.lastIndex = 0;
  for (let m = SLOGAN_OPENING.exec(text); m; m = SLOGAN_OPENING.exec(text)) found.add(lines.lineAt(m.index));
  for (let i = text.indexOf('方面'); i >= 0; i = text.indexOf('方面', i + 1)) {
    if (text.charCodeAt(i - 1) === 0x4e2a /* 个 */) found.add(lines.lineAt(i));
  }
  return [...found].sort((a, b) => a - b);
}

/** First code units of the place nouns: most words after a 个 open with none of them. */
const PLACE_NOUN_FIRST = new Set(vocab.placeNouns.map((w) => w.charCodeAt(0)));

/** The place noun (`村`, `社区`, `党支部`…) the words after a count open with, if any. */
function placeNounAfter(after: string): string | undefined {
  if (!PLACE_NOUN_FIRST.has(after.charCodeAt(0))) return undefined;
  const noun = /^[\p{Script=Han}]*/u.exec(after)?.[0] ?? '';
  return vocab.placeNouns.find((w) => noun.startsWith(w));
}

/** The report and the indices the rule reads it through. */
class Context {
  readonly text: string;
  private readonly bulletLists = new Map<number, List>();
  /** Section index by its heading's line; the top-level sections in order. */
  private readonly sectionAtLine = new Map<number, number>();
  private readonly roots: number[] = [];

  /** Whether the indices above are built (indexStructure). */
  private structureIndexed = false;

  constructor(readonly report: Report) {
    this.text = report.text;
  }

  /**
   * Builds the section and bullet-list indices on first use: only a count looking for its
   * list on the next line reads them, and many reports have none, so no check walks the
   * tree for nothing.
   */
  private indexStructure(): void {
    if (this.structureIndexed) return;
    this.structureIndexed = true;
    for (const s of this.report.sections) {
      this.sectionAtLine.set(s.heading.line, s.index);
      if (s.parent === -1) this.roots.push(s.index);
    }
    const visit = (node: Nodes) => {
      if (node.type === 'list' && !node.ordered && node.position) this.bulletLists.set(node.position.start.line - 1, node);
      // Paragraphs, headings and tables hold phrasing content only: never a list.
      if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'table') return;
      if ('children' in node) for (const child of node.children) visit(child as Nodes);
    };
    visit(this.report.tree);
  }

  opaque(start: number, end: number): boolean {
    return this.report.opaque.overlaps(start, end);
  }

  /** Quoted slogans (“五个一”, “四大行动”) and `N个方面` on one line (see announcementLines). */
  announcements(line: number, lineText: string): Announcement[] {
    const from = this.report.lines.start(line);
    const out: Announcement[] = [];
    for (const m of lineText.matchAll(SLOGAN)) {
      const start = from + (m.index ?? 0);
      const end = start + m[0].length;
      const n = chineseNumeralValue(m[1].replace(/两/g, '二'));
      if (n < 2 || this.opaque(start, end)) continue;
      const noun = m[3];
      out.push({
        start,
        end,
        label: m[0],
        n,
        after: end,
        line,
        // The items of “四大行动” name a 行动 each; those of “五个一” an 一X each.
        shape: noun ? (t: string) => t.includes(noun) : ONE_SHAPE,
        nextLine: true,
      });
    }
    for (const m of lineText.matchAll(ASPECTS)) {
      const start = from + (m.index ?? 0);
      const end = start + m[0].length;
      const n = /\d/.test(m[1]) ? Number(m[1]) : chineseNumeralValue(m[1].replace(/两/g, '二'));
      if (n < 2 || this.opaque(start, end) || this.insideQuotes(lineText, m.index ?? 0)) continue;
      out.push({ start, end, label: `“${m[0]}”`, n, after: end, line, shape: null, nextLine: true });
    }
    return out;
  }

  /** `制定8项措施：…`: a count with a list unit and a noun, then an introducer. */
  countedAnnouncement(q: Quantity): Announcement | null {
    if (!vocab.listUnits.includes(q.unit) || q.after.startsWith('方面')) return null;
    // The introducer follows a noun of at most 8 characters: without a character that may
    // open one in reach, there is no need to read the noun.
    if (!this.introducerMayStart(q.end, q.end + 8)) return null;
    const noun = /^[\p{Script=Han}]{0,8}/u.exec(q.after)?.[0] ?? '';
    const at = q.end + noun.length;
    if (!this.introducerAt(at)) return null;
    return {
      start: q.start,
      end: at,
      label: `“${this.text.slice(q.start, at)}”`,
      n: q.value,
      after: at,
      line: q.line,
      shape: null,
      nextLine: false,
    };
  }

  /** Whether a character in `[from, to]` may open an introducer. */
  private introducerMayStart(from: number, to: number): boolean {
    for (let i = from; i <= to; i++) if (INTRODUCER_FIRST.has(this.text.charCodeAt(i))) return true;
    return false;
  }

  /** The introducer (`：`, `，即`…) starting at `at`, if any; returns its end. */
  private introducerAt(at: number): number | null {
    if (!INTRODUCER_FIRST.has(this.text.charCodeAt(at))) return null;
    for (const w of vocab.introducers) if (this.text.startsWith(w, at)) return at + w.length;
    return null;
  }

  /** Whether index `i` of `lineText` stands inside “…” (slogans are names, not counts). */
  private insideQuotes(lineText: string, i: number): boolean {
    const before = lineText.slice(Math.max(0, i - 12), i);
    const open = before.lastIndexOf('“');
    return open >= 0 && open > before.lastIndexOf('”') && lineText.slice(i, i + 16).includes('”');
  }

  /**
   * The 、-list that ends right at the announcement, in its clause: `建立一套…、…进行一次…“五个一”`
   * (each item an 一X when `oneItems`), `从思想、组织、作风三个方面`.
   */
  precedingList(a: Announcement, oneItems: boolean): Listing | null {
    const segments = this.splitQuoted(this.segmentsBefore(a.start, this.report.lines.start(a.line), false));
    if (segments.length < 2) return null;
    const texts = segments.map(([s, e]) => this.text.slice(s, e));
    if (oneItems) {
      const shaped = texts.filter((t) => ONE_ITEM.test(t)).length;
      if (!ONE_ITEM.test(texts[texts.length - 1]) || shaped * 2 < texts.length) return null;
    } else if (!texts.slice(1).every((t) => NAME_LIKE.test(t.replace(/等$/u, '')))) {
      return null;
    }
    return this.listing(segments, texts);
  }

  /** A list the announcement introduces, or the run of items on the next line. */
  followingList(a: Announcement): Listing | null {
    let at = a.after;
    // A short name between a slogan and its introducer: “五个一”活动：
    if (a.shape) {
      const noun = /^[\p{Script=Han}]*/u.exec(this.text.slice(at, at + vocab.sloganNounsMax + 1))?.[0] ?? '';
      if (noun.length <= vocab.sloganNounsMax) at += noun.length;
    }
    const introduced = this.introducerAt(at);
    if (introduced !== null) return this.listAt(introduced);
    if (a.shape && (this.text[at] === '（' || this.text[at] === '(')) return this.bracketList(at);
    if (!a.nextLine) return null;
    // No introducer: `从三个方面推进。一是…` on the same line…
    const lineEnd = this.report.lines.end(a.line);
    const k = this.firstItemAfter(a.end);
    const item = this.report.items[k];
    if (item && item.line === a.line) {
      const gap = this.text.slice(a.end, item.start);
      // The gap is the rest of the count's own clause: `推进组织建设：`, `推进。`.
      if (item.value !== 1 || gap.length > 30 || !/^[^，,。；;：:！？!?]*[：:。，；]\s*\**$/u.test(gap)) return null;
      return this.itemRun(k, a.shape);
    }
    // …or a run opening the next line. A slogan's run must show the slogan's shape (each
    // item a 行动 of “四大行动”); `三个方面` must stand in its line's last sentence.
    if (!a.shape && !this.inLastSentence(a.after, lineEnd)) return null;
    return this.nextLineStructure(a.line, a.shape);
  }

  /**
   * Whether no sentence ends between `from` and the line's last sentence mark (looking at
   * most MAX_REACH characters ahead, so a long line costs linear time).
   */
  private inLastSentence(from: number, lineEnd: number): boolean {
    if (lineEnd - from > MAX_REACH) return false;
    const rest = this.text.slice(from, lineEnd).replace(/<!--.*?-->/gu, '').replace(/[\s*]+$/u, '');
    const stop = rest.search(SENTENCE);
    return stop < 0 || stop === rest.length - 1;
  }

  /** The list after an introducer at `pos`: items, markers, or a 、/；-separated list. */
  private listAt(pos: number): Listing | null {
    const line = this.report.lines.lineAt(pos);
    const lineEnd = this.report.lines.end(line);
    let at = pos;
    while (at < lineEnd && /[\s*]/u.test(this.text[at])) at++;
    // A list is read within MAX_REACH characters: a long line costs linear time.
    const reach = Math.min(lineEnd, at + MAX_REACH);
    const rest = this.text.slice(at, reach).replace(/<!--.*?-->/gu, '').trim();
    if (rest === '') return this.nextLineStructure(line, null);
    const k = this.firstItemAfter(at);
    const item = this.report.items[k];
    if (item && item.start === at) return item.value === 1 ? this.itemRun(k, null) : null;
    const markers = this.inlineMarkers(at, reach);
    if (markers) return markers;
    // A plain list up to the sentence end.
    let end = at;
    let depth = 0;
    for (; end < reach; end++) {
      const c = this.text[end];
      if (OPENS.has(c)) depth++;
      else if (CLOSES.has(c)) depth = Math.max(0, depth - 1);
      else if (depth === 0 && SENTENCE_MARKS.has(c)) break;
      if (this.text.startsWith('<!--', end)) break;
    }
    if (end === reach && reach < lineEnd) return null;
    return this.plainList(at, end);
  }

  /**
   * A list in `[from, to)` separated by ；, or else by 、. A 、-list is read only when no
   * comma stands in it at depth 0: `抓好党建、促进发展，推进乡村振兴` may go on after the
   * comma. Items holding a number are sub-counts (`其中思想方面5条、作风方面7条`), not items.
   */
  private plainList(from: number, to: number): Listing | null {
    if (/\d/u.test(this.text.slice(from, to))) return null;
    const semis = this.split(from, to, '；;');
    if (semis.length >= 2) {
      const last = semis[semis.length - 1];
      if (last[1] - last[0] === 0) semis.pop();
      if (semis.length < 2) return null;
      return this.listing(semis, semis.map(([s, e]) => this.text.slice(s, e)));
    }
    if (this.split(from, to, '，,').length > 1) return null;
    const segments = this.splitQuoted(this.split(from, to, '、'));
    if (segments.length < 2) return null;
    const texts = segments.map(([s, e]) => this.text.slice(s, e));
    if (/^其中/u.test(texts[0]) || JOINED.test(texts[texts.length - 1].replace(/[“（(][^”）)]*[”）)]/gu, ''))) return null;
    return this.listing(segments, texts);
  }

  /** The 、/；-list inside the bracket opening at `open`: “四大行动”（A行动、B行动…）. */
  private bracketList(open: number): Listing | null {
    const reach = Math.min(this.text.length, open + MAX_REACH);
    let depth = 0;
    for (let i = open; i < reach; i++) {
      const c = this.text[i];
      if (c === '\n' || c === '\r') return null;
      if (OPENS.has(c)) depth++;
      else if (CLOSES.has(c) && --depth === 0) return this.plainList(open + 1, i);
    }
    return null;
  }

  /** Inline markers after an introducer: ①②③, （1）（2）, 1. 2. — counted in order. */
  private inlineMarkers(at: number, lineEnd: number): Listing | null {
    const s = this.text.slice(at, lineEnd);
    const patterns: [RegExp, (m: RegExpExecArray) => number][] = [
      [new RegExp(`[${CIRCLED}]`, 'gu'), (m) => CIRCLED.indexOf(m[0]) + 1],
      [/[（(](\d{1,2})[）)]/gu, (m) => Number(m[1])],
      [/(?<![\d.．])(\d{1,2})[.．、](?=[\p{Script=Han}“])/gu, (m) => Number(m[1])],
    ];
    for (const [re, value] of patterns) {
      re.lastIndex = 0;
      const first = re.exec(s);
      if (!first || first.index !== 0 || value(first) !== 1) continue;
      let count = 1;
      let last = first.index;
      for (let m = re.exec(s); m; m = re.exec(s)) {
        if (value(m) === count + 1) {
          count++;
          last = m.index;
        } else if (value(m) === 1) break;
      }
      if (count < 2) return null;
      const end = at + last + 1;
      return { count, lower: false, start: at, end, summary: `${s.slice(0, first[0].length)}至${s.slice(last).match(re)?.[0] ?? ''}` };
    }
    return null;
  }

  /** Index of the first ordinal item starting at or after `offset` (items.length if none). */
  private firstItemAfter(offset: number): number {
    const items = this.report.items;
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (items[mid].start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The run 一是, 二是… from item `k` (value 1): consecutive values in one section. */
  private itemRun(k: number, shape: ((t: string) => boolean) | null): Listing | null {
    const items = this.report.items;
    const first = items[k];
    const run = [first];
    while (k + 1 < items.length && items[k + 1].value === run[run.length - 1].value + 1 && items[k + 1].section === first.section) {
      run.push(items[++k]);
    }
    if (shape && !run.every((item) => shape(this.itemClause(item)))) return null;
    const last = run[run.length - 1];
    return { count: run.length, lower: false, start: first.start, end: last.end, summary: run.length > 1 ? `${first.text}至${last.text}` : first.text };
  }

  /** An item's first clause: from its `X是` to the first 。；, at most 40 characters. */
  private itemClause(item: OrdinalItem): string {
    const lineEnd = this.report.lines.end(item.line);
    const s = this.text.slice(item.end, Math.min(lineEnd, item.end + 40));
    const stop = s.search(/[。；;！？]/u);
    return stop < 0 ? s : s.slice(0, stop);
  }

  /** A run of 一是 items, （一） headings or bullets opening the next non-blank line. */
  private nextLineStructure(line: number, shape: ((t: string) => boolean) | null): Listing | null {
    this.indexStructure();
    const { lines } = this.report;
    let next = line + 1;
    while (next < lines.count && lines.lineText(next).trim() === '') next++;
    if (next >= lines.count) return null;
    const k = this.firstItemAfter(lines.start(next));
    const item = this.report.items[k];
    if (item && item.line === next && item.atLineHead) return item.value === 1 ? this.itemRun(k, shape) : null;
    if (shape) return null;
    const index = this.sectionAtLine.get(next);
    const section = index === undefined ? undefined : this.report.sections[index];
    if (section?.heading.marker) {
      const marker = section.heading.marker;
      if (marker.value !== 1) return null;
      const siblings = section.parent >= 0 ? this.report.sections[section.parent].children : this.roots;
      const run = [section];
      for (let i = siblings.indexOf(section.index) + 1; i < siblings.length; i++) {
        const m = this.report.sections[siblings[i]].heading.marker;
        if (!m || m.level !== marker.level || m.value !== run.length + 1) break;
        run.push(this.report.sections[siblings[i]]);
      }
      const last = run[run.length - 1].heading;
      return { count: run.length, lower: false, start: section.heading.start, end: last.end, summary: run.length > 1 ? `${marker.text}至${last.marker!.text}` : marker.text };
    }
    const list = this.bulletLists.get(next);
    if (list?.position) {
      return { count: list.children.length, lower: false, start: list.position.start.offset!, end: list.position.end.offset!, summary: `${list.children.length}个列表项` };
    }
    return null;
  }

  /**
   * The 、-list right before a count: `镇靖、冯庄2村`, `*村、*村等7个村` (places), or
   * `打造A村（…）、B村（…）党建示范品牌2个` (named items closed by noun + count).
   */
  listBeforeCount(q: Quantity): (Listing & { label: string }) | null {
    if (this.text.charCodeAt(q.start - 1) === 0x5404 /* 各 */) return null;
    // Which shape the count may close, from the quantity alone, before any scan back: a
    // count of places, or a named-items count ending its clause. Most counts are neither.
    const placeUnit = vocab.placeUnits.includes(q.unit);
    const placeNoun = q.unit === '个' || q.unit === '家' ? placeNounAfter(q.after) : undefined;
    const places = placeUnit || placeNoun !== undefined;
    const next = this.text[q.end];
    const named = q.after === '' && vocab.namedUnits.includes(q.unit) && (next === undefined || NAMED_COUNT_NEXT.test(next));
    if (!places && !named) return null;
    const lineStart = this.report.lines.start(q.line);
    // A list belongs to the count after it: it starts after a segment holding a number.
    const segments = this.segmentsBefore(q.start, lineStart, true);
    if (segments.length < 2) return null;
    const texts = segments.map(([s, e]) => this.text.slice(s, e));
    const written = this.text.slice(q.start, q.end);

    if (places && segments[segments.length - 1][1] === q.start) {
      if (!texts.slice(1).every((t) => NAME_LIKE.test(bareName(t)))) return null;
      return labelled(this.listing(segments, texts), `“${written}${placeUnit ? '' : (placeNoun ?? '')}”`);
    }

    // Named items, then noun and count closing the clause (or an item of a longer list).
    if (!named) return null;
    const opening = texts[0].replace(/^[\s*]+/u, '');
    const verb = vocab.creationVerbs.find((v) => opening.startsWith(v));
    if (!verb) return null;
    // Each item is an owner's name with the item's own name in brackets or quotes
    // (`镇靖村（“六微”逐梦镇靖堡）`): one thing each. Bare quoted names (“优秀党员”) may be
    // categories holding many, and are not counted.
    const last = texts[texts.length - 1];
    const noun = last.slice(Math.max(last.lastIndexOf('）'), last.lastIndexOf(')'), last.lastIndexOf('”')) + 1);
    const items = texts.map((t, i) => (i === texts.length - 1 ? t.slice(0, t.length - noun.length) : t));
    items[0] = items[0].replace(/^[\s*]+/u, '').slice(verb.length);
    if (!/^[\p{Script=Han}]/u.test(noun) || !items.every((t) => NAMED_ITEM.test(t))) return null;
    return labelled(this.listing(segments, items), `“${noun.replace(/^等/u, '')}${written}”`);
  }

  /** Counts a list's segments by distinct names; a trailing 等 makes it a lower bound. */
  private listing(segments: [number, number][], texts: string[]): Listing {
    const names = new Set<string>();
    let count = 0;
    for (const t of texts) {
      const name = t.replace(/等等?$/u, '').trim();
      if (REDACTED.test(name) || !names.has(name)) count++;
      names.add(name);
    }
    const lower = /等等?$/u.test(texts[texts.length - 1].trim());
    const shown = texts.length > 6 ? [...texts.slice(0, 3).map(shortItem), '…', shortItem(texts[texts.length - 1])] : texts.map(shortItem);
    return { count, lower, start: segments[0][0], end: segments[segments.length - 1][1], summary: shown.join('、') };
  }

  /**
   * The 、-separated segments of the clause that ends at `pos`, found walking back: to the
   * last clause mark (，。；：！？) or unmatched opening bracket at depth 0. With `afterDigit`,
   * the list starts after the nearest segment holding a digit (`品牌2个、示范点1个`: the
   * second count has a list of its own). Looks back at most MAX_BACK characters; a clause
   * longer than that is not delimited (empty result).
   */
  private segmentsBefore(pos: number, lineStart: number, afterDigit: boolean): [number, number][] {
    const stop = Math.max(lineStart, pos - MAX_BACK);
    // Allocated at the first 、: many clauses scanned hold none.
    let separators: number[] | null = null;
    let depth = 0;
    let start = -1;
    for (let i = pos - 1; i >= stop; i--) {
      const kind = CHAR_KIND[this.text.charCodeAt(i)];
      if (kind === OTHER) continue;
      if (afterDigit && kind === DIGIT) {
        const next = separators?.pop();
        if (next === undefined) return [];
        start = next + 1;
        break;
      }
      if (kind === CLOSER) depth++;
      else if (kind === OPENER) {
        if (depth === 0) {
          start = i + 1;
          break;
        }
        depth--;
      } else if (depth === 0 && kind === CLAUSE_MARK) {
        start = i + 1;
        break;
      } else if (depth === 0 && kind === LIST_COMMA) (separators ??= []).push(i);
    }
    if (start < 0) {
      if (stop > lineStart) return [];
      start = stop;
    }
    const out: [number, number][] = [];
    let from = start;
    if (separators) {
      for (let k = separators.length - 1; k >= 0; k--) {
        out.push(this.trim(from, separators[k]));
        from = separators[k] + 1;
      }
    }
    out.push(this.trim(from, pos));
    return out;
  }

  /** Splits `[from, to)` at `seps` standing at bracket depth 0; segments are trimmed. */
  private split(from: number, to: number, seps: string): [number, number][] {
    const out: [number, number][] = [];
    let depth = 0;
    let start = from;
    for (let i = from; i < to; i++) {
      const c = this.text[i];
      if (OPENS.has(c)) depth++;
      else if (CLOSES.has(c)) depth = Math.max(0, depth - 1);
      else if (depth === 0 && seps.includes(c)) {
        out.push(this.trim(start, i));
        start = i + 1;
      }
    }
    out.push(this.trim(start, to));
    return out;
  }

  /**
   * Splits segments between adjacent quoted items: GB/T 15834-2011 puts no 顿号 between
   * them, so `“一次党课”“一次观摩”等` is two items.
   */
  private splitQuoted(segments: [number, number][]): [number, number][] {
    const out: [number, number][] = [];
    for (const [s, e] of segments) {
      const segment = this.text.slice(s, e);
      let start = s;
      for (let i = segment.indexOf('”“'); i >= 0; i = segment.indexOf('”“', i + 1)) {
        out.push([start, s + i + 1]);
        start = s + i + 1;
      }
      out.push([start, e]);
    }
    return out;
  }

  private trim(s: number, e: number): [number, number] {
    while (s < e && isSpace(this.text.charCodeAt(s))) s++;
    while (e > s && isSpace(this.text.charCodeAt(e - 1))) e--;
    return [s, e];
  }
}
