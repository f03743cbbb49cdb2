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
 * so another speaker's speech (`县委书记在全县大会上的讲话精神`) stays quiet. A second
 * occasion joined by 和 (`…考察时和在…会议上的讲话精神`) is read as the occasion (和 is no
 * clause mark): real reports write 重要讲话精神 there too.
 *
 * Without 精神, only with the title 总书记 as the speaker (`认真学习习近平总书记在…全会上的
 * 讲话`): a published text is titled under the bare name (`习近平：在…上的讲话`), so `习近平在…
 * 上的讲话` and `习近平同志在…` may name it, but with the title the writer names the speech, and
 * the 中央 and 新华社 texts call it the 重要讲话 (real reports in the pages corpus write
 * `学习习近平总书记在…上的重要讲话` alike). Not inside a title in 《》 (`《习近平总书记在…上的讲话》`).
 */
import type { Report } from '../model/report';
import type { Problem } from '../types';
import { insidePhrase } from '../model/dictionary';

/**
 * Speaker, occasion (2–40 characters of one clause, shortest first), then 上的 or 时的 and
 * 讲话精神. One bounded repeat: linear in the text.
 */
const SPEECH = /(?:习近平总书记|习近平同志|习近平|总书记)(在[^、，,。；;：:！？!?“”"\n]{2,40}?[上时]的)讲话精神/gu;

/**
 * The title 总书记 as the speaker, the occasion as in SPEECH (no 《》 in it either), then 讲话
 * not followed by 精神 (SPEECH's), 稿 (the draft, a document), a bracket (a citation with its
 * date: `…上的讲话（2021年7月1日）` names the text) or a closing quotation mark (a topic named by
 * the speech's title: 以“习近平总书记在…大会上的讲话”为主题). Not right after 《 (nor 总书记 of a
 * 《习近平总书记…, which the second look-behind keeps from matching on its own).
 */
const SPEECH_TITLED = /(?<!《)(?:习近平总书记|(?<!习近平)总书记)(在[^、，,。；;：:！？!?“”"《》\n]{2,40}?[上时]的)讲话(?!精神|稿|（|\(|”|")/gu;

/** Where the convention is written (the message names it). */
const SOURCE = '中央文件的称谓，如中共中央办公厅《关于认真学习宣传贯彻习近平总书记“七一”重要讲话精神的通知》（2021年）';

/**
 * Adds to `problems` each speech of the General Secretary named `在…上的讲话精神` without 重要
 * (message `required`, fixed by inserting 重要 before 讲话), unless it lies in opaque text,
 * overlaps a problem already there, or lies inside the project dictionary's `quiet` phrases.
 */
export function speechesWithoutWord({ text, opaque }: Report, problems: Problem[], quiet: readonly string[] | null): void {
  const before = problems.length;
  for (const re of [SPEECH, SPEECH_TITLED]) findSpeeches(re, text, opaque, problems, quiet);
  if (problems.length > before) problems.sort((a, b) => a.start - b.start);
}

/** The matches of `re` (SPEECH or SPEECH_TITLED: group 1 is `在…上的`, then 讲话 and maybe 精神) as `required` problems. */
function findSpeeches(re: RegExp, text: string, opaque: Report['opaque'], problems: Problem[], quiet: readonly string[] | null): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const tail = m[0].endsWith('精神') ? '讲话精神' : '讲话';
    const start = m.index + m[0].length - m[1].length - tail.length;
    const end = m.index + m[0].length;
    if (opaque.overlaps(start, end) || (quiet !== null && insidePhrase(text, start, end, quiet))) continue;
    if (problems.some((p) => p.start < end && start < p.end)) continue;
    const found = text.slice(start, end);
    const at = start + m[1].length;
    const canonical = `${m[1]}重要${tail}`;
    problems.push({ messageId: 'required', data: { found, word: '重要', canonical, source: SOURCE }, start, end, fix: { start: at, end: at, text: '重要' } });
  }
}
