/**
 * duplicate-char's verdicts on a doubled content character (rules/wording/duplicate-char.ts):
 * a character that is neither a suspect nor listed as right doubled, or one listed as right
 * doubled whose copy stands stranded. Each verdict says whether the pair at `i`, `i + 1` of
 * line `s` (offsets in UTF-16 code units) is certainly a slip, fixed by dropping one copy;
 * a warning on correct text costs more than a missed slip, so every doubt answers false.
 * Each makes ICU's segmenter only after the cheap list tests pass. The mirror of
 * `strandedCopy`, a noun's first copy stranded (会员|企|企业), is duplicate-first-copy.ts.
 */
import { placeholders } from '../data/index';
import { reduplication } from '../data/reduplication';
import { isHanCode } from '../model/script';
import { chineseSegmenter } from '../model/segmenter';
import { known, leftReadsWhole, listedLong, pairWord, longerWordHolds, mergedReadsBetter, wordCovers, wordCovers2, wordEndingAt, wordHolds, wordStartingAt } from './duplicate-words';

/**
 * What every slip `contentSlip` finds needs, checked on the list alone (ICU's segmenter is
 * a hundred times dearer than a lookup, and text can hold many doubled pairs): a clause
 * opening on the pair before a listed word of 3–4 characters, or such a word across the
 * junction of the text with one copy dropped (a two-character word there would be a word
 * on the side that must have none).
 */
function mayBeSlip(s: string, i: number): boolean {
  if (!isHanCode(s.charCodeAt(i - 1)) && (listedLong(s, i + 1, 3) || listedLong(s, i + 1, 4))) return true;
  // Words of the merged text s[.., i] + s[i + 2, ..] holding i - 1 and i, or i and i + 2.
  const lo = Math.max(0, i - 3);
  const merged = s.slice(lo, i + 1) + s.slice(i + 2, i + 6);
  const j = i - lo;
  // Every word of 3+ characters holding j and starting at j - n + 1 … j holds a neighbour too.
  for (let n = 3; n <= 4; n++) {
    for (let from = j - n + 1; from <= j; from++) if (listedLong(merged, from, n)) return true;
  }
  return false;
}

/**
 * Whether a doubled content character (not a suspect, not listed as right doubled) at `i`,
 * `i + 1` of line `s` is certainly a slip, to be fixed by dropping one copy.
 *
 * Intended: a word holds the pair (星星, 沉甸甸, 扎扎实实); the pair is half of AABB (the
 * neighbour pair is doubled too: 认认真真 not in the list); it follows 一 (一瓶瓶); two words
 * meet on it (支部|部署, 工作|作风, 学习|习近平: a word ends at the first copy and one starts
 * at the second); or neither copy forms a word with its neighbours (names, rare words:
 * nothing to go on).
 *
 * When exactly one side forms a word (服务|务队, 党|党支部), the pair is still often intended
 * in plain prose: a verb tried out on its object (照照镜子, 洗洗澡), an ABB adjective the
 * list lacks (肥腻腻), a word the lists lack on the other side (会考|考过). So one side alone
 * is not enough: the slip must be certain, and then it is fixed. Certain when the text with
 * one copy dropped forms a word across the junction (服务队, 组织生活, 党员大会), or when a
 * clause opens on the pair before a word of three or more characters (`、党党支部`; `、洗洗澡`
 * is a verb tried out on its object, `12所初中中，` a localiser after a noun). Everything
 * else stays quiet:
 * a warning on correct text costs more than a missed slip.
 */
export function contentSlip(s: string, i: number): boolean {
  // Without ICU's dictionary most words are unknown: every pair would look like a slip.
  // (mayBeSlip first: the segmenter is made only for a line that needs it.)
  if (!mayBeSlip(s, i) || chineseSegmenter() === null) return false;
  if (s[i - 1] === '一' || wordHolds(s, i) || wordCovers(s, i) || wordCovers(s, i + 1)) return false;
  if (s.charCodeAt(i + 2) === s.charCodeAt(i + 3) || (i >= 2 && s.charCodeAt(i - 2) === s.charCodeAt(i - 1))) return false;
  const left = wordEndingAt(s, i);
  const right = wordStartingAt(s, i + 1);
  if (left === 0 && right === 0) return false;
  // Both sides words: two words meet (支部|部署), unless the left one only ends at the first
  // copy by cutting into the word before it (教工|工党|党支部: 教工党党支部 reads 教工|党支部).
  // Where the text up to the first copy reads as whole words (党总支|委员会|会议), it cuts into
  // nothing: a word the merged text happens to make further on (委员会议和: 议和) proves no slip.
  if (left > 0 && right > 0) return !leftReadsWhole(s, i) && mergedReadsBetter(s, i);
  // A clause opening on the pair before a long word (、党党支部). Not before a short one: a
  // verb tried out opens a clause so (洗洗澡). Nor a clause closing on it after a word: a
  // localiser closes one so (12所初中中，: among them).
  if (right > 0 && !isHanCode(s.charCodeAt(i - 1))) return right >= 3;
  // The text with the second copy dropped, and the junction on the side with no word.
  const lo = Math.max(0, i - 3);
  const merged = s.slice(lo, i + 1) + s.slice(i + 2, i + 6);
  const j = i - lo;
  return wordHolds(merged, left > 0 ? j : j - 1);
}

/**
 * A word ending at the first copy, a word right after the second, and the second copy alone
 * between them: 全体|体|党员, 按时|时|足额. With one copy dropped two words meet cleanly. An
 * ABB word holding the pair (白花花) is in the lists and never comes here; a verb tried out
 * (洗洗澡) has its word on the other side.
 */
export function strandedCopy(s: string, i: number): boolean {
  // (The cheap test first: the segmenter is made only for a line that needs it.)
  if (!isHanCode(s.charCodeAt(i - 1)) || chineseSegmenter() === null) return false;
  if (s[i - 1] === '一' || pairHeld(s, i) || wordCovers(s, i) || wordCovers(s, i + 1)) return false;
  // A modifier left alone may be a word of its own before the noun, in a compound the
  // dictionary lacks (更新|新|能源, 健全|全|流程): never certainly a slip (`modifiers`, as in
  // strandedBetweenWords).
  if (reduplication.modifiers.has(s[i])) return false;
  if (s.charCodeAt(i + 2) === s.charCodeAt(i + 3) || (i >= 2 && s.charCodeAt(i - 2) === s.charCodeAt(i - 1))) return false;
  if (wordEndingAt(s, i) === 0 || wordStartingAt(s, i + 1) > 0 || wordStartingAt(s, i + 2) === 0) return false;
  return mergedReadsBetter(s, i);
}

/**
 * `strandedCopy` for a character listed as right doubled (时 of 时时, 时时刻刻): its pair is a
 * word, so only a longer word holding it (时时刻刻, 时时处处) explains it. A word ending at
 * the first copy, none at the second and one right after it (按时|时|足额): the second
 * copy stands alone where no reduplicated adverb does (时时 is followed by a verb: 时时关注).
 */
export function strandedDoubled(s: string, i: number): boolean {
  if (!isHanCode(s.charCodeAt(i - 1)) || s[i - 1] === '一' || chineseSegmenter() === null) return false;
  // 时时受到提醒、处处受到约束: reduplicated adverbs set in parallel in one sentence.
  if (parallelDoubled(s, i)) return false;
  // 工作中|时时: a localiser closing the word before reads as 中时 to the word list.
  if (LOCALISERS.includes(s[i - 1]) && wordEndingAt(s, i - 2) >= 2) return false;
  if (wordCovers(s, i) || wordCovers(s, i + 1) || longerWordHolds(s, i)) return false;
  if (s.charCodeAt(i + 2) === s.charCodeAt(i + 3) || (i >= 2 && s.charCodeAt(i - 2) === s.charCodeAt(i - 1))) return false;
  if (wordEndingAt(s, i) === 0 || wordStartingAt(s, i + 1) > 0 || wordStartingAt(s, i + 2) === 0) return false;
  // 为|人人|享有: the word ending at the first copy is a one-character preposition with the
  // copy (为人, 对人), and the pair, a noun "every one" (人人, reduplication.yaml
  // `every_nouns`; not the adverb 时时 of 按时|时|参加), is its object. The
  // segmenter reads no word before the preposition in 致力于为 or 目标是为, so any Han text
  // may stand there.
  // So after a verb of causing (`pivots`: 令|人人|满意, 使|人人|享有), whose object it is.
  const takesObject = reduplication.prepositions.has(s[i - 1]) || reduplication.pivots.has(s[i - 1]);
  if (wordEndingAt(s, i) === 2 && takesObject && reduplication.everyNouns.has(s[i])) return false;
  return mergedReadsBetter(s, i);
}

/** Marks that end a sentence or a clause set of its own, for `parallelDoubled`. */
const SENTENCE_END = '。！？；!?;';

/** How far (UTF-16 code units) each way `parallelDoubled` reads: a sentence's parallel adverbs stand close. */
const PARALLEL_REACH = 100;

/**
 * Whether another pair of a character listed as right doubled (reduplication.yaml `chars`)
 * stands in the sentence of the pair at `i` (时时…处处, 事事…人人): reduplicated adverbs
 * set in parallel, each meant. Read at most PARALLEL_REACH units each way, so a long line
 * without a sentence mark costs time linear in its length, not quadratic.
 */
function parallelDoubled(s: string, i: number): boolean {
  const lo = Math.max(0, i - PARALLEL_REACH);
  const hi = Math.min(s.length, i + 2 + PARALLEL_REACH);
  let from = i;
  while (from > lo && !SENTENCE_END.includes(s[from - 1])) from--;
  let to = i + 2;
  while (to < hi && !SENTENCE_END.includes(s[to])) to++;
  for (let k = from; k + 1 < to; k++) {
    if (k >= i - 1 && k <= i + 1) continue;
    if (s.charCodeAt(k) === s.charCodeAt(k + 1) && s[k] !== s[i] && reduplication.chars.has(s[k]) && isHanCode(s.charCodeAt(k))) return true;
  }
  return false;
}

/**
 * After 一 a doubled character is intended (一瓶瓶, 一步步, 一个个), and a character listed as
 * right doubled (步步为营) is too — unless the 一 is inside a word of three characters ending
 * at the first copy and the clause reads better with one copy dropped: 进一步步提升 is 进一步
 * with its 步 typed twice (进一步|提升), not 进|一步步.
 */
export function oneInsideWord(s: string, i: number): boolean {
  return s.charCodeAt(i - 1) === 0x4e00 /* 一 */ && chineseSegmenter() !== null && listedLong(s, i - 2, 3) && mergedReadsBetter(s, i);
}

/**
 * Content characters doubled inside listed words (实 of 实实在在 and 扎扎实实), and per such
 * character whether its pair alone is a word (明明, 多多 are; 实实 is not): filled on first use.
 * Where it is not, the doubling is allowed only as part of such a word, so the text around
 * must complete it; see `unfinishedWord`.
 */
let DOUBLED_IN_WORDS: Set<string> | null = null;
const PAIR_IS_WORD = new Map<string, boolean>();

/** Whether `c` is doubled in a listed word while `cc` alone is no word (实: 实实 is none). */
function doubledOnlyInWords(c: string): boolean {
  if (DOUBLED_IN_WORDS === null) {
    DOUBLED_IN_WORDS = new Set();
    // Junctions (人民路|路口) double nothing inside a word: 路 is no character right doubled
    // only in words, so 公路|路域 is read as any content pair is.
    const junctions = new Set(reduplication.junctions);
    for (const word of reduplication.words) {
      if (junctions.has(word)) continue;
      for (let k = 0; k + 1 < word.length; k++) if (word[k] === word[k + 1]) DOUBLED_IN_WORDS.add(word[k]);
    }
  }
  if (!DOUBLED_IN_WORDS.has(c)) return false;
  let isWord = PAIR_IS_WORD.get(c);
  if (isWord === undefined) PAIR_IS_WORD.set(c, (isWord = known(c + c)));
  return !isWord;
}

/**
 * Whether a doubled content character at `i`, `i + 1` of line `s` that is doubled only
 * inside listed words (实实 of 实实在在) stands where no such word does: `办实实事` is 办实事
 * with 实 typed twice, since 实实 is not followed by 在在. Quiet where the pair is half of
 * AABB (老老实实, not listed), follows 一, or where neither side makes a word; reported
 * where a word ends at the first copy or starts at the second and the clause reads better
 * with one copy dropped (办|实|实事 against 办|实事).
 */
export function unfinishedWord(s: string, i: number): boolean {
  if (!doubledOnlyInWords(s[i]) || chineseSegmenter() === null) return false;
  if (wordCovers2(s, i)) return false;
  if (s[i - 1] === '一' || s.charCodeAt(i + 2) === s.charCodeAt(i + 3) || (i >= 2 && s.charCodeAt(i - 2) === s.charCodeAt(i - 1))) return false;
  if (wordEndingAt(s, i) === 0 && wordStartingAt(s, i + 1) === 0) return false;
  return mergedReadsBetter(s, i);
}

/** How far (code units) ICU's segmentation is read on each side of a pair by `strandedBetweenWords`. */
const ICU_REACH = 6;

/**
 * AB|B|CD where the second copy also makes a word with the next character (警示|示|教育:
 * 示教 is a word too, so neither `contentSlip` nor `strandedCopy` sees a stranded copy):
 * a slip where ICU's segmentation of the clause as written leaves the second copy alone
 * (开展|警示|示|教育), a word ends at the first copy, and the clause reads better with one
 * copy dropped (警示|教育). Where the second copy's word is the better reading ICU keeps it
 * (具体|体现|在, 组织部|部长: two words meet on the character), and it stays quiet; so it does
 * where the copy is a word of its own before a noun (创新|新|路径: reduplication.yaml
 * `modifiers`).
 */
export function strandedBetweenWords(s: string, i: number): boolean {
  if (!isHanCode(s.charCodeAt(i - 1)) || s[i - 1] === '一' || reduplication.modifiers.has(s[i])) return false;
  const segmenter = chineseSegmenter();
  if (segmenter === null) return false;
  if (!pairWord(s, i - 1) || !pairWord(s, i + 1) || !pairWord(s, i + 2)) return false;
  if (s.charCodeAt(i + 2) === s.charCodeAt(i + 3) || (i >= 2 && s.charCodeAt(i - 2) === s.charCodeAt(i - 1))) return false;
  if (wordHolds(s, i) || wordCovers(s, i) || wordCovers(s, i + 1)) return false;
  const lo = Math.max(0, i - ICU_REACH);
  const segments = segmenter.segment(s.slice(lo, Math.min(s.length, i + 2 + ICU_REACH)));
  const second = segments.containing(i + 1 - lo);
  const first = segments.containing(i - lo);
  if (second === undefined || second.segment.length !== 1 || first === undefined || first.segment.length < 2) return false;
  return mergedReadsBetter(s, i);
}

/**
 * A four-character word across the junction of the text with one copy dropped, holding a
 * character on each side of the pair: 水土|保保|持 is 水土保持 with 保 typed twice, 监|管管|对象
 * is 监管对象. Writers slip so inside a long fixed term, where the doubled text still splits
 * into short words (保|保持, 监管|管|对象) that hide the slip from the other verdicts. Quiet where
 * a word of three or four characters holds the pair (沉甸甸, 实实在在), the pair is half of AABB,
 * it follows 一, and where the clause does not read better with one copy dropped. Only words of
 * four: a shorter one across a junction is too often two words meeting by chance.
 */
export function junctionWord(s: string, i: number): boolean {
  if (!isHanCode(s.charCodeAt(i - 1)) || !isHanCode(s.charCodeAt(i + 2)) || s[i - 1] === '一') return false;
  if (s.charCodeAt(i + 2) === s.charCodeAt(i + 3) || (i >= 2 && s.charCodeAt(i - 2) === s.charCodeAt(i - 1))) return false;
  if (chineseSegmenter() === null || longerWordHolds(s, i) || wordCovers2(s, i)) return false;
  const lo = Math.max(0, i - 2);
  const merged = s.slice(lo, i + 1) + s.slice(i + 2, i + 4);
  const j = i - lo;
  // Four characters holding j - 1, j and j + 1: starting at j - 2 or at j - 1.
  for (let from = j - 2; from <= j - 1; from++) {
    if (from >= 0 && from + 4 <= merged.length && hanRun4(merged, from) && known(merged.slice(from, from + 4))) return mergedReadsBetter(s, i);
  }
  return false;
}

/** Whether s[from, from + 4) holds Han characters of the BMP only. */
function hanRun4(s: string, from: number): boolean {
  for (let k = from; k < from + 4; k++) if (!isHanCode(s.charCodeAt(k))) return false;
  return true;
}

/**
 * Whether the pair at `i`, `i + 1` is read as one word: a listed word holds it, or it is a
 * word by itself (管管, 看看: a verb tried out) and ICU's segmentation of the clause keeps it
 * together there (好好|管管|孩子). Where the clause splits it (监管|管|对象), the pair being a
 * word elsewhere explains nothing.
 */
function pairHeld(s: string, i: number): boolean {
  if (!wordHolds(s, i)) return false;
  if (longerWordHolds(s, i) || wordCovers2(s, i)) return true;
  const segmenter = chineseSegmenter();
  if (segmenter === null) return true;
  const lo = Math.max(0, i - ICU_REACH);
  const segment = segmenter.segment(s.slice(lo, Math.min(s.length, i + 2 + ICU_REACH))).containing(i - lo);
  return segment === undefined || segment.index + segment.segment.length > i + 1 - lo;
}

/** Marks that close a clause right after a doubled pair (`资金拨付付、`). */
const CLAUSE_CLOSE = new Set(['，', '。', '、', '；', '：', '！', '？']);
/**
 * Localisers that close a clause after a noun ending with the same character (`12所初中中，`:
 * among them; `线上上`, `会前前` are slips, but the noun's own character is one of these too often).
 */
const LOCALISERS = '中上下内外里间前后旁边侧头面处';

/**
 * A word of two or more characters ending at the first copy, and the second copy alone
 * closing the clause (`拨付|付、`, `落实|实，`): the word typed, its last character typed
 * again before the mark. So before a number (`活动|动6次`, `线索|索7件`), a quotation or a
 * title (`社区|区“三资”`), and before a one-character word that opens what follows (reduplication.yaml
 * `openers_after`), itself followed by a word (`加强|强|对|课堂`, `本人|人|以|普通`, `中心|心|未|发现`): in these three
 * the pair counts as a word only where ICU keeps it together (强强, 区区 and 索索 are words,
 * but not in 加强强对, 社区区“, 线索索7). Quiet where the pair is a word or in one (看看, 时时刻刻), half of
 * AABB, after 一 (一天天), where the character is a localiser (初中|中，: among them), and
 * where the word is a common surname and one character (高洁|洁，, 安乐|乐、: a given name
 * of a doubled character, as names are written, after the surname), and where the copy is the
 * first of a 、-series of one-character levels (`我校|校、系两级`, `全省|省、市、县`).
 */
export function closingCopy(s: string, i: number): boolean {
  // (The cheap tests first: the segmenter is made only for a line that needs it.)
  const next = s[i + 2];
  const opener = next !== undefined && reduplication.openersAfter.has(next);
  if (next !== undefined && !CLAUSE_CLOSE.has(next) && !NAME_OR_NUMBER.test(next) && !opener) return false;
  if (!isHanCode(s.charCodeAt(i - 1)) || LOCALISERS.includes(s[i])) return false;
  if (s[i - 1] === '一' || (i >= 2 && s.charCodeAt(i - 2) === s.charCodeAt(i - 1)) || levelSeries(s, i + 2)) return false;
  if (chineseSegmenter() === null || wordCovers(s, i) || wordCovers(s, i + 1)) return false;
  const closing = next === undefined || CLAUSE_CLOSE.has(next);
  if (closing ? wordHolds(s, i) : pairHeld(s, i)) return false;
  // 农户|户均: the copy makes a word with the opener, a word of its own (per household).
  if (opener && (wordStartingAt(s, i + 1) > 0 || wordStartingAt(s, i + 2) > 0 || wordStartingAt(s, i + 3) < 2)) return false;
  const left = wordEndingAt(s, i);
  if (left < 2) return false;
  return !(left === 2 && placeholders.surnames.includes(s[i - 1]));
}

/**
 * `closingCopy` where something follows the pair (a number, a quotation, an opener and its
 * word), not a clause mark: for a character also right doubled (人人, 区区), whose pair
 * closing a clause may be the doubled word (人人，), but not before those (`本人|人|以|普通`).
 */
export function copyBeforeNext(s: string, i: number): boolean {
  const next = s[i + 2];
  return next !== undefined && !CLAUSE_CLOSE.has(next) && closingCopy(s, i);
}

/** A digit, or the opening mark of a quotation or a title, right after a doubled pair. */
const NAME_OR_NUMBER = /^[0-9０-９“《]$/;

/**
 * Whether the 、 at `k` of `s` joins one-character items (`校、系两级`, `省、市、县三级`): the
 * item after it is one Han character followed by a mark, a count of levels (两级, 三级) or the
 * line's end. The character before such a series is a level's name, not a slip.
 */
function levelSeries(s: string, k: number): boolean {
  if (s[k] !== '、') return false;
  const after = s[k + 2];
  return after === undefined || !isHanCode(after.charCodeAt(0)) || '两二三四五六级'.includes(after);
}
