/**
 * The General Secretary's remarks, or thought, on a subject named without 重要, for `slogan-canonical`:
 * `习近平总书记关于“三农”工作的论述` where the Party's documents and the reports that quote
 * them write `…关于“三农”工作的重要论述` (中共中央办公厅 and 新华社 texts: 深入学习贯彻习近平
 * 总书记关于…的重要论述; the pages corpus writes it so throughout). The same convention as
 * slogan-speech.ts (`总书记在…上的重要讲话`), for 关于…的论述. The named thoughts on a
 * subject take 重要 the same way (习近平总书记关于党的建设的重要思想, 全国组织工作会议 2023;
 * …关于青年工作的重要思想, 团章 2023; pages corpus), so `…关于青年工作的思想` is reported
 * too, but not before a word naming a part of it (`…的思想精髓`, `…的思想内涵`).
 *
 * Only with the title 总书记 as the speaker (`习近平总书记`, or `总书记` alone): the books of
 * excerpts are titled under the bare name without 重要 or 的 (《习近平关于“三农”工作论述
 * 摘编》), so `习近平关于…论述` may name a book, and academic prose writes `习近平关于“三农”
 * 重要论述`. Not inside a title in 《》, not before 摘编/选编 (a book), the subject within one
 * clause (no 、，。；：！？ or 《》 in it, at most SUBJECT_MAX characters, no 论述 in it, so a
 * second 关于 after a correct 重要论述 is read on its own), and 的 right before 论述
 * (`…的重要论述`, `…的系列重要论述` are correct and do not match).
 * Offsets are UTF-16 code units of the report text.
 */
import type { Report } from '../model/report';
import type { Problem } from '../types';
import { insidePhrase } from '../model/dictionary';

/**
 * 总书记 (not after 《, nor a bare 总书记 of 习近平总书记 matched again), 关于, a subject of
 * 1–30 characters of one clause without 论述 or 思想, then 的论述 or 的思想 not followed by
 * 摘编/选编 or a part (精髓…). One
 * bounded lazy repeat: linear in the text.
 */
const REMARKS = /(?<!《)(?:习近平总书记|(?<!习近平)总书记)关于((?:(?!论述|思想)[^、，,。；;：:！？!?《》\n]){1,30}?的)(论述|思想)(?!摘编|选编|精髓|内涵|精华|要义|实质|方法|观点)/gu;

/** Where the convention is written (the message names it), by the noun: a body of remarks, or a named thought. */
const SOURCE: Readonly<Record<string, string>> = {
  论述: '中央文件和新华社稿件的称谓：习近平总书记关于……的重要论述',
  思想: '《中国共产主义青年团章程》（2023年）总则（习近平总书记关于青年工作的重要思想）；全国组织工作会议（2023年6月）（习近平总书记关于党的建设的重要思想）',
};

/**
 * Adds to `problems` each `总书记关于…的论述` without 重要 (message `required`, fixed by
 * inserting 重要 before 论述), unless it lies in opaque text, overlaps a problem already
 * there, or lies inside the project dictionary's `quiet` phrases.
 */
export function remarksWithoutWord({ text, opaque }: Report, problems: Problem[], quiet: readonly string[] | null): void {
  const before = problems.length;
  REMARKS.lastIndex = 0;
  for (let m = REMARKS.exec(text); m !== null; m = REMARKS.exec(text)) {
    const end = m.index + m[0].length;
    const start = end - m[1].length - m[2].length - '关于'.length;
    if (opaque.overlaps(start, end) || (quiet !== null && insidePhrase(text, start, end, quiet))) continue;
    if (problems.some((p) => p.start < end && start < p.end)) continue;
    const found = text.slice(start, end);
    const at = end - 2;
    const canonical = `关于${m[1]}重要${m[2]}`;
    problems.push({ messageId: 'required', data: { found, word: '重要', canonical, source: SOURCE[m[2]] }, start, end, fix: { start: at, end: at, text: '重要' } });
  }
  if (problems.length > before) problems.sort((a, b) => a.start - b.start);
}
