import type { Locale, Localized } from '../types';

/**
 * Renders a localized template: `{name}` is replaced by `data[name]`; unknown names stay
 * as written, so a missing datum shows up in the message instead of throwing.
 */
export function formatMessage(
  template: Localized,
  locale: Locale,
  data: Readonly<Record<string, string | number>> = {},
): string {
  const parts = partsOf(template[locale]);
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i];
    out += (Object.hasOwn(data, name) ? String(data[name]) : `{${name}}`) + parts[i + 1];
  }
  return out;
}

/** Templates split once into text and `{name}`s: a `replace` with a callback per message cost as much as 3% of a seed's parse (CPU profile of the seeds). */
const PARTS = new Map<string, readonly string[]>();

/** `source` split at its `{name}`s: text, name, text, …, text (odd indices are names). */
function partsOf(source: string): readonly string[] {
  let parts = PARTS.get(source);
  if (parts === undefined) {
    parts = source.split(/\{(\w+)\}/);
    PARTS.set(source, parts);
  }
  return parts;
}

/**
 * Maps a BCP-47 tag (from LSP `initialize.locale`, `LANG`, or `--locale`) to a locale we
 * ship: Chinese (any region/script) → zh-CN, any other given language → en; none, `C` or
 * `POSIX` → zh-CN.
 */
export function resolveLocale(tag: string | undefined | null): Locale {
  // An unset or C/POSIX locale says nothing about the reader: keep the product's voice.
  if (!tag || /^(c|posix)([.@]|$)/i.test(tag)) return 'zh-CN';
  return /^zh\b/i.test(tag.replace(/_/g, '-')) ? 'zh-CN' : 'en';
}
