/**
 * A plenary session's document tied to another session, for `slogan-canonical`:
 * `党的二十届四中全会关于进一步全面深化改革的决定`, where that decision is the 三中全会's
 * (slogans.yaml `session_documents`: each document with the session that adopted it). Writers
 * shorten the title (…关于进一步全面深化改革的决定, dropping 推进中国式现代化) and keep its
 * head, so the head after 关于 names the document; the session written right before it
 * (`X届N中全会关于`, `X届N中全会通过的《中共中央关于`, `X届N中全会审议通过的《关于`) names
 * the session the writer ties it to. Only those joining words between: a session named
 * further off (`二十届四中全会精神，深入学习…关于进一步…`) is another topic.
 * Offsets are UTF-16 code units of the report text.
 */
import type { Report } from '../model/report';
import type { Problem } from '../types';
import { slogans, type SessionDocument } from '../data/slogans';
import { insidePhrase } from '../model/dictionary';

/**
 * A session name, then the words that tie a title to it, then 关于 (the document's head
 * follows). Bounded: linear in the text.
 */
const SESSION_BEFORE = /([一二三四五六七八九十]{1,3}届[一二三四五六七八九]中全会)(?:(?:审议)?通过的)?《?(?:中共中央)?关于$/u;
/**
 * A session name, then the words that tie a short name to it (审议通过的, 通过的, 作出的,
 * 制定的, 的), then an opening 《 or none: `二十届四中全会审议通过的“十五五”规划建议`.
 */
const SESSION_BEFORE_NAME = /([一二三四五六七八九十]{1,3}届[一二三四五六七八九]中全会)(?:(?:审议)?通过的|作出的|制定的|的)?《?$/u;
/** How far before a head the session is looked for (code units: the longest joining words and session). */
const REACH = 24;

/**
 * Adds to `problems` each session document of `report` tied to a session that did not adopt
 * it (message `wrong`, fixed by putting the right session's number in), unless it overlaps a
 * problem already there, lies in opaque text or inside the project dictionary's `quiet`
 * phrases. A document is found by its head after 关于 or by one of its short names
 * (“十五五”规划建议: pages corpus, 学习党的二十届四中全会审议通过的“十五五”规划建议).
 */
export function documentSessions(report: Report, problems: Problem[], quiet: readonly string[] | null): void {
  const before = problems.length;
  for (const doc of slogans.sessionDocuments) {
    if (doc.head !== '') tiedTo(report, doc, doc.head, SESSION_BEFORE, problems, quiet);
    for (const name of doc.names) tiedTo(report, doc, name, SESSION_BEFORE_NAME, problems, quiet);
  }
  if (problems.length > before) problems.sort((a, b) => a.start - b.start);
}

/**
 * Each place `words` (a head or a short name of `doc`) stands right after a session and the
 * joining words `pattern` reads, where the session is not the document's: one problem each.
 */
function tiedTo({ text, opaque }: Report, doc: SessionDocument, words: string, pattern: RegExp, problems: Problem[], quiet: readonly string[] | null): void {
  for (let at = text.indexOf(words); at !== -1; at = text.indexOf(words, at + 1)) {
    const m = pattern.exec(text.slice(Math.max(0, at - REACH), at));
    if (!m || m[1] === doc.session) continue;
    // Another document of the same head or name at that session would be the writer's.
    if (slogans.sessionDocuments.some((d) => d.session === m[1] && (d.head === words || d.names.includes(words)))) continue;
    const start = at - m[0].length;
    const end = at + words.length;
    if (opaque.overlaps(start, end) || (quiet !== null && insidePhrase(text, start, end, quiet))) continue;
    if (problems.some((q) => q.start < end && start < q.end)) continue;
    problems.push({
      messageId: 'wrong',
      data: { found: text.slice(start, end), canonical: `${doc.session}${doc.title}`, source: doc.source, char: m[1], expected: doc.session },
      start,
      end,
      fix: { start, end: start + m[1].length, text: doc.session },
    });
  }
}
