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
  return template[locale].replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(data, name) ? String(data[name]) : whole,
  );
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
