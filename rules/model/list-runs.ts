/**
 * Lists written as runs (rules/model/lists.ts): `一是…二是…` items, `（一）…（二）…` headings,
 * Markdown bullets on successive lines, and `①②`, `（1）（2）`, `1. 2.` inside a line; and the
 * one constructor of a list record. Reads the model's ordinal items, sections and mdast.
 */
import type { List, Nodes } from 'mdast';
import type { EnumeratedList, ListCount, ListForm, ListItem, ListSource } from './lists';
import type { OrdinalItem, Section } from './report';
import { isClauseStop } from './list-text';
import { chineseNumeralValue } from './numerals';
import { lowerBound } from './lower-bound';

/** A bullet's text up to its first clause mark (，。；：), at most 40 characters. */
function firstClause(text: string): string {
  const stop = text.slice(0, 40).search(/[，。；：,;:]/u);
  return stop < 0 ? text.slice(0, 40) : text.slice(0, stop);
}

/** A list record; `distinct` is the number of items unless given. */
export function newList(form: ListForm, line: number, items: ListItem[], extra: Partial<EnumeratedList> = {}): EnumeratedList {
  return {
    form,
    line,
    start: items[0].start,
    end: items[items.length - 1].end,
    items,
    separators: extra.separators ?? [],
    introducer: extra.introducer ?? null,
    closing: extra.closing ?? null,
    open: extra.open ?? false,
    conjunction: extra.conjunction ?? null,
    continues: extra.continues ?? false,
    distinct: extra.distinct ?? items.length,
    ranged: extra.ranged ?? 0,
    count: extra.count ?? null,
  };
}

/** What the items of a run must show, if anything (a slogan's shape: each item an 一X, a 行动). */
export type Shape = ((itemText: string) => boolean) | null;

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const MARKER_PATTERNS: [RegExp, (m: RegExpExecArray) => number][] = [
  [new RegExp(`[${CIRCLED}]`, 'gu'), (m) => CIRCLED.indexOf(m[0]) + 1],
  [/[（(](\d{1,2})[）)]/gu, (m) => Number(m[1])],
  [/(?<![\d.．])(\d{1,2})[.．、](?=[\p{Script=Han}“])/gu, (m) => Number(m[1])],
  [/第([一二三四五六七八九十]{1,2})[，,、]/gu, (m) => chineseNumeralValue(m[1])],
];

/** A marker as shown: `第一，` without its comma. */
function markerText(written: string): string {
  return written.startsWith('第') ? written.slice(0, -1) : written;
}

/** Finds runs in the report: the sections, items and bullet lists, indexed on first use. */
export class RunReader {
  /** Bullet lists by their first line, built at the second lookup. */
  private bulletLists: Map<number, List> | null = null;
  private bulletListLookups = 0;
  private roots: number[] | null = null;

  constructor(private readonly src: ListSource) {}

  /** Index of the first ordinal item starting at or after `offset` (items.length if none). */
  firstItemAfter(offset: number): number {
    return lowerBound(this.src.items, (item) => item.start < offset);
  }

  /**
   * The run 一是, 二是… from item `k` (value 1): consecutive values in one section. A number
   * repeated or one number skipped at the head of the next line (`（1）…` ⏎ `（2）…` ⏎ `（2）…`,
   * or ⏎ `（4）…`) is a slip in the numbering (numbering-sequence's), not the list's end: the
   * line is one more item, and the run holds the items written (three for （1）（2）（4）).
   */
  itemRun(k: number, shape: Shape): EnumeratedList | null {
    const items = this.src.items;
    const first = items[k];
    const run: OrdinalItem[] = [first];
    for (; k + 1 < items.length && items[k + 1].section === first.section; k++) {
      const next = items[k + 1];
      const last = run[run.length - 1];
      const slip = (next.value === last.value || next.value === last.value + 2) && next.atLineHead && last.atLineHead && next.line > last.line;
      if (next.value !== last.value + 1 && !slip) break;
      run.push(next);
    }
    if (shape && !run.every((item) => shape(this.itemClause(item)))) return null;
    return newList('ordinal', first.line, run.map((i) => ({ start: i.start, end: i.end, text: i.text })));
  }

  /** An item's first clause: from its `X是` to the first 。；, at most 40 characters. */
  private itemClause(item: OrdinalItem): string {
    const { text, lines } = this.src;
    const end = Math.min(lines.end(item.line), item.end + 40);
    let stop = item.end;
    while (stop < end && !isClauseStop(text.charCodeAt(stop))) stop++;
    return text.slice(item.end, stop);
  }

  /**
   * A run of 一是 items, （一） headings or bullets opening the next non-blank line; a run of
   * top-level headings (一、二、) only with `topLevel`.
   */
  nextLineStructure(line: number, shape: Shape, topLevel = true): EnumeratedList | null {
    const { lines, items, sections } = this.src;
    let next = line + 1;
    while (next < lines.count && lines.lineText(next).trim() === '') next++;
    if (next >= lines.count) return null;
    const k = this.firstItemAfter(lines.start(next));
    const item = items[k];
    if (item && item.line === next && item.atLineHead) return item.value === 1 ? this.itemRun(k, shape) : null;
    const section = this.sectionAt(next);
    if (section?.heading.marker) {
      const marker = section.heading.marker;
      if (marker.value !== 1 || (marker.level === 1 && !topLevel)) return null;
      const siblings = section.parent >= 0 ? sections[section.parent].children : this.rootSections();
      const run: Section[] = [section];
      for (let i = siblings.indexOf(section.index) + 1; i < siblings.length; i++) {
        const m = sections[siblings[i]].heading.marker;
        const prev = run[run.length - 1].heading.marker!.value;
        // A repeated or skipped number (`（2）` ⏎ `（2）`, `（2）` ⏎ `（4）`) is a numbering slip,
        // the heading one more item.
        if (!m || m.level !== marker.level || (m.value !== prev + 1 && m.value !== prev && m.value !== prev + 2)) break;
        run.push(sections[siblings[i]]);
      }
      // A slogan's headings must show its shape too: （一）读一本书 under “三个一”.
      if (shape && !run.every((s) => shape(s.heading.title.text))) return null;
      const runItems = run.map((s) => ({ start: s.heading.start, end: s.heading.end, text: s.heading.marker!.text }));
      return newList('heading', next, runItems);
    }
    const list = this.bulletListAt(next);
    if (!list?.position || list.children.length === 0) return null;
    const bullets: ListItem[] = [];
    for (const child of list.children) {
      const s = child.position!.start.offset!;
      const e = child.position!.end.offset!;
      // The item's words start with its first block, past the bullet mark.
      const head = child.children[0]?.position?.start.offset ?? s;
      bullets.push({ start: s, end: e, text: this.src.text.slice(head, Math.min(e, lines.end(lines.lineAt(head)))).trim() });
    }
    // A slogan's bullets must show its shape in their first clause: `- 强化组织覆盖。…` under “三个强化”.
    if (shape && !bullets.every((b) => shape(firstClause(b.text)))) return null;
    return { ...newList('bullet', next, bullets), start: list.position.start.offset!, end: list.position.end.offset! };
  }

  /**
   * The run of nextLineStructure after one bridging line: `存在4个方面问题，…。` ⏎ `针对上述
   * 问题，…。` ⏎ `（1）针对…的问题…`. The bridge must be a plain line (no heading, no item or
   * bullet, no count of aspects of its own, not ending in an introducer ：), and every item
   * must name `thing`, the noun the count counts (问题 of 4个方面问题): a run that names it
   * item by item is the count's list, not another one the bridge began.
   */
  bridgedStructure(line: number, thing: string): EnumeratedList | null {
    const { lines, items } = this.src;
    let bridge = line + 1;
    while (bridge < lines.count && lines.lineText(bridge).trim() === '') bridge++;
    if (bridge >= lines.count || this.sectionAt(bridge)) return null;
    const item = items[this.firstItemAfter(lines.start(bridge))];
    if (item && item.line === bridge) return null;
    const words = lines.lineText(bridge).replace(/[\s*]+$/u, '');
    if (words === '' || /[：:]$/u.test(words) || words.includes('个方面') || this.bulletListAt(bridge)) return null;
    return this.nextLineStructure(bridge, (t) => t.includes(thing), false);
  }

  /** Inline markers after an introducer: ①②③, （1）（2）, 1. 2., 第一，第二， — counted in order from 1. */
  inlineMarkers(at: number, lineEnd: number): EnumeratedList | null {
    const s = this.src.text.slice(at, lineEnd);
    for (const [re, value] of MARKER_PATTERNS) {
      re.lastIndex = 0;
      const first = re.exec(s);
      if (!first || first.index !== 0 || value(first) !== 1) continue;
      const found: ListItem[] = [{ start: at, end: at + first[0].length, text: markerText(first[0]) }];
      let elided = false;
      for (let m = re.exec(s); m; m = re.exec(s)) {
        if (value(m) === found.length + 1) {
          // `第一、第二、第三党支部`: ordinals with no words of their own between them share the
          // name after the last (GB/T 15834-2011 4.5's 顿号 between coordinated words); they
          // name things, they mark no items.
          if (at + m.index === found[found.length - 1].end) elided = true;
          found.push({ start: at + m.index, end: at + m.index + m[0].length, text: markerText(m[0]) });
        } else if (value(m) === 1) break;
      }
      if (found.length < 2 || elided) return null;
      const line = this.src.lines.lineAt(at);
      // The run ends at its last marker's first character (the marker stands for its item).
      const last = found[found.length - 1];
      return { ...newList('marker', line, found), end: last.start + 1 };
    }
    return null;
  }

  /** The section whose heading stands on `line`, if any (sections are in line order). */
  private sectionAt(line: number): Section | undefined {
    const { sections } = this.src;
    let lo = 0;
    let hi = sections.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = sections[mid].heading.line;
      if (at === line) return sections[mid];
      if (at < line) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  private rootSections(): number[] {
    return (this.roots ??= this.src.sections.filter((s) => s.parent === -1).map((s) => s.index));
  }

  /**
   * The bullet list starting on `line` (0-based), if any. The first lookup walks only the
   * nodes whose lines hold `line`; a second one indexes every list once, so a long report
   * with many lookups stays linear. Paragraphs, headings and tables hold no lists.
   */
  private bulletListAt(line: number): List | undefined {
    if (++this.bulletListLookups > 1) return (this.bulletLists ??= this.indexBulletLists()).get(line);
    let found: List | undefined;
    const visit = (node: Nodes) => {
      const pos = node.position;
      if (pos && (pos.start.line - 1 > line || pos.end.line - 1 < line)) return;
      if (node.type === 'list' && !node.ordered && pos && pos.start.line - 1 === line) found = node;
      if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'table') return;
      if ('children' in node) for (const child of node.children) visit(child as Nodes);
    };
    visit(this.src.tree);
    return found;
  }

  private indexBulletLists(): Map<number, List> {
    const lists = new Map<number, List>();
    const visit = (node: Nodes) => {
      if (node.type === 'list' && !node.ordered && node.position) lists.set(node.position.start.line - 1, node);
      if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'table') return;
      if ('children' in node) for (const child of node.children) visit(child as Nodes);
    };
    visit(this.src.tree);
    return lists;
  }
}

/** Attaches `count` (and the introducer, if any) to a list found for it. */
export function counted(list: EnumeratedList, count: ListCount, introducer: EnumeratedList['introducer'], partial: boolean): EnumeratedList {
  list.count = count;
  if (introducer) list.introducer = introducer;
  if (partial) list.open = true;
  return list;
}
