/**
 * A speech of the General Secretary named by its occasion without 重要, for
 * `slogan-canonical`: `习近平总书记在中央全面依法治国工作会议上的讲话精神` where the Party's
 * documents write `…上的重要讲话精神` (中共中央办公厅《关于认真学习宣传贯彻习近平总书记
 * “七一”重要讲话精神的通知》, 2021; the 中央 and 新华社 texts that relay each such speech).
 * The named speeches of the data (`“七一”重要讲话精神`) have `required: [重要]`; this is the
 * same rule for any occasion, which no list could hold.
 *
 * Only with 精神 after 讲话 (`…上的讲话精神`): the title of the published text is `在…上的
 * 讲话` (`学习习近平在…上的讲话` names the text, and is correct), while its 精神 is always
 * the 重要讲话精神. Only with the speaker right before 在 (习近平, 习近平总书记, 总书记,
 * 习近平同志), and the occasion within one clause (no 、，。；： or quotation mark in it),
 * so another speaker's speech (`县委书记在全县大会上的讲话精神`) and a second occasion
 * joined by 和 stay quiet.
 */
import type { Report } from '../model/report';
import type { Problem } from '../types';
import { insidePhrase } from '../model/dictionary';

/**
 * Speaker, occasion (2–40 characters of one clause, shortest first), then 上的 or 时的 and
 * 讲话精神. One bounded repeat: linear in the text.
 */
const SPEECH = /(?:习近平总书记|习近平同志|习近平|总书记)(在[^、，,。；;：:！？!?“”"\n]{2,40}?[上时]的)讲话精神/gu;

/** Where the convention is written (the message names it). */
const SOURCE = '中央文件的称谓，如中共中央办公厅《关于认真学习宣传贯彻习近平总书记“七一”重要讲话精神的通知》（2021年）';

/**
 * Adds to `problems` each speech of the General Secretary named `在…上的讲话精神` without 重要
 * (message `required`, fixed by inserting 重要 before 讲话), unless it lies in opaque text,
 * overlaps a problem already there, or lies inside the project dictionary's `quiet` phrases.
 */
export function speechesWithoutWord({ text, opaque }: Report, problems: Problem[], quiet: readonly string[] | null): void {
  const before = problems.length;
  SPEECH.lastIndex = 0;
  for (let m = SPEECH.exec(text); m !== null; m = SPEECH.exec(text)) {
    const start = m.index + m[0].length - m[1].length - 4;
    const end = m.index + m[0].length;
    if (opaque.overlaps(start, end) || (quiet !== null && insidePhrase(text, start, end, quiet))) continue;
    if (problems.some((p) => p.start < end && start < p.end)) continue;
    const found = text.slice(start, end);
    const at = start + m[1].length;
    const canonical = `${m[1]}重要讲话精神`;
    problems.push({ messageId: 'required', data: { found, word: '重要', canonical, source: SOURCE }, start, end, fix: { start: at, end: at, text: '重要' } });
  }
  if (problems.length > before) problems.sort((a, b) => a.start - b.start);
}
