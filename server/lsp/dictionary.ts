/**
 * The quick fix “将“…”加入项目词典” (Add “…” to the project dictionary) on findings of
 * `slogan-canonical`, `duplicate-char` and `placeholder`: the finding's text added to
 * `accept:` of the config file that applies to the document (docs/dictionary.md), as a
 * workspace edit the editor applies and can undo.
 *
 * - The nearest `.partyreportrc.json` / `.yaml` / `.yml` at or above the document, up to
 *   its workspace folder (the one the loader reads, server/config-files.ts), gets the word
 *   in minimal edits: a YAML file through the `yaml` package's Document API, so its
 *   comments and layout stay; a JSON file re-printed with its indentation.
 * - With none, `.partyreportrc.json` is created at the workspace folder's root (the
 *   document's folder outside any workspace), as a `CreateFile` then its content, offered
 *   only to clients that take resource operations.
 *
 * No action where the config cannot be read or parsed (its error is shown elsewhere), where
 * `accept` is not a list, or where the word is already there.
 */
import { type CodeAction, CodeActionKind, CreateFile, type Diagnostic, TextDocumentEdit, TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Document, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Locale } from '../../rules/types';
import { minimalEdits } from './edits';
import { text } from './texts';

/** The rules whose findings the project dictionary's `accept:` silences. */
export const DICTIONARY_RULES: ReadonlySet<string> = new Set(['slogan-canonical', 'duplicate-char', 'placeholder']);

/** The config file the quick fix creates where none applies. */
export const NEW_CONFIG_NAME = '.partyreportrc.json';

/** Longest text offered for the dictionary: a word or phrase, not a sentence. */
const MAX_WORD = 40;

/** Where the word goes: an existing config file (its text) or a new one. */
export interface DictionaryTarget {
  /** Absolute path of the config file. */
  path: string;
  /** Its `file:` URI, for the workspace edit. */
  uri: string;
  /** Its current text, or null when it is to be created. */
  text: string | null;
}

/**
 * `source` (a config file's text) with `word` added to `accept:`, or null when it cannot be
 * (unparsable, `accept` not a list, not a mapping at the top) or is there already.
 *
 * @param json whether the file is JSON (`.json`): re-printed as JSON; else YAML, edited
 *   through the Document API so comments and formatting are kept
 */
export function withAcceptedWord(source: string, word: string, json: boolean): string | null {
  if (json) {
    let value: unknown;
    try {
      value = source.trim() === '' ? {} : JSON.parse(source);
    } catch {
      return null;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
    const config = value as Record<string, unknown>;
    const accept = config.accept ?? [];
    if (!Array.isArray(accept) || accept.includes(word)) return null;
    config.accept = [...accept, word];
    const indent = /^\{\r?\n([ \t]+)"/.exec(source)?.[1] ?? '  ';
    const eol = source.includes('\r\n') ? '\r\n' : '\n';
    return `${JSON.stringify(config, null, indent).replace(/\n/g, eol)}${eol}`;
  }
  const doc = parseDocument(source, { uniqueKeys: true });
  if (doc.errors.length > 0) return null;
  if (doc.contents === null) {
    // Empty, or comments only: the comments stay, the key follows them.
    const eol = source.includes('\r\n') ? '\r\n' : '\n';
    const gap = source === '' || source.endsWith('\n') ? '' : eol;
    return `${source}${gap}${new Document({ accept: [word] }).toString().replace(/\n/g, eol)}`;
  }
  if (!isMap(doc.contents)) return null;
  const accept = doc.get('accept', true);
  if (accept === undefined) doc.set('accept', doc.createNode([word]));
  else if (isSeq(accept)) {
    if (accept.items.some((item) => (isScalar(item) ? item.value : item) === word)) return null;
    accept.add(doc.createNode(word));
  } else return null;
  return doc.toString();
}

/** The content of a new config file holding only `word` in its dictionary. */
export function newConfigText(word: string): string {
  return `${JSON.stringify({ accept: [word] }, null, 2)}\n`;
}

/** What the edit needs of the client. */
export interface EditSupport {
  /** Versioned `documentChanges` (else plain `changes`). */
  documentChanges: boolean;
  /** `CreateFile` among `documentChanges` (`workspaceEdit.resourceOperations` has `create`). */
  createFiles: boolean;
}

/**
 * The workspace edit adding `word` to the dictionary in `target`, or null when there is
 * none to make (see `withAcceptedWord`) or the client cannot create the file.
 */
export function addToDictionaryEdit(target: DictionaryTarget, word: string, support: EditSupport): WorkspaceEdit | null {
  const uri = target.uri;
  if (target.text === null) {
    if (!support.documentChanges || !support.createFiles) return null;
    return {
      documentChanges: [
        CreateFile.create(uri, { ignoreIfExists: true }),
        TextDocumentEdit.create({ uri, version: null }, [TextEdit.insert({ line: 0, character: 0 }, newConfigText(word))]),
      ],
    };
  }
  const updated = withAcceptedWord(target.text, word, target.path.endsWith('.json'));
  if (updated === null) return null;
  // Minimal edits: should the editor hold the file with changes not yet saved, text
  // elsewhere in it is left alone.
  const old = TextDocument.create(uri, 'json', 0, target.text);
  const edits = minimalEdits(target.text, updated).map((f) => TextEdit.replace({ start: old.positionAt(f.start), end: old.positionAt(f.end) }, f.text));
  if (!support.documentChanges) return { changes: { [uri]: edits } };
  return { documentChanges: [TextDocumentEdit.create({ uri, version: null }, edits)] };
}

/**
 * The quick fix adding `word`, the text of `diagnostic`'s finding, to the dictionary; null
 * where the rule is not one the dictionary silences, the word is no word (empty, spans a
 * line, too long) or there is no edit to make.
 *
 * @param target where the word would go (`dictionaryTarget`), computed once per request
 */
export function addToDictionaryAction(rule: string, word: string, diagnostic: Diagnostic, target: DictionaryTarget | null, locale: Locale, support: EditSupport): CodeAction | null {
  if (!DICTIONARY_RULES.has(rule) || target === null) return null;
  if (word.length === 0 || word.length > MAX_WORD || /[\r\n]/.test(word) || word.trim() !== word) return null;
  const edit = addToDictionaryEdit(target, word, support);
  if (!edit) return null;
  return { title: text('addToDictionary', locale, { word }), kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit };
}
