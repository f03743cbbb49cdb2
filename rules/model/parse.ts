/**
 * The one Markdown parse: unified + remark-parse + remark-gfm + remark-frontmatter.
 * The processor is built once and reused; `parse` is synchronous and pure.
 */
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']);

/** Parses Markdown `text` to mdast; node positions carry UTF-16 offsets into `text`. */
export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}
