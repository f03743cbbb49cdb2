/**
 * Expands an LSP / VS Code snippet the way an editor does when the writer accepts every
 * default: `$1`, `${1}` and `${1:default}` (a tab stop takes its first default, and its
 * other occurrences mirror it), `${1|a,b|}` (the first choice), `$NAME`, `${NAME}` and
 * `${NAME:default}` variables, and `\` escapes. Throws on syntax the grammar does not
 * allow, so a test catches a snippet an editor would insert literally.
 * Grammar: https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#snippet_syntax
 */
export function expandSnippet(snippet: string, variables: Record<string, string> = {}): string {
  const values = new Map<number, string>();
  let at = 0;

  const parseAny = (stop: (c: string) => boolean, escapable: string): string => {
    let out = '';
    while (at < snippet.length && !stop(snippet[at])) {
      const c = snippet[at];
      if (c === '\\' && at + 1 < snippet.length && escapable.includes(snippet[at + 1])) {
        out += snippet[at + 1];
        at += 2;
      } else if (c === '$') {
        out += parseDollar();
      } else {
        out += c;
        at++;
      }
    }
    return out;
  };

  const parseDollar = (): string => {
    at++; // $
    const int = /^\d+/.exec(snippet.slice(at));
    if (int) {
      at += int[0].length;
      return values.get(Number(int[0])) ?? '';
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(snippet.slice(at));
    if (name) {
      at += name[0].length;
      return variable(name[0], '');
    }
    if (snippet[at] !== '{') throw new Error(`bad $ at ${at - 1} in ${JSON.stringify(snippet.slice(at - 10, at + 10))}`);
    at++;
    const index = /^\d+/.exec(snippet.slice(at));
    if (index) {
      at += index[0].length;
      const n = Number(index[0]);
      const c = snippet[at];
      if (c === '}') {
        at++;
        return values.get(n) ?? '';
      }
      if (c === ':') {
        at++;
        const value = parseAny((x) => x === '}', '$}\\');
        expect('}');
        if (!values.has(n)) values.set(n, value);
        return values.get(n)!;
      }
      if (c === '|') {
        at++;
        const choices: string[] = [];
        let current = '';
        for (;;) {
          const x = snippet[at];
          if (x === undefined) throw new Error('unclosed choice');
          if (x === '\\' && ',|\\'.includes(snippet[at + 1])) {
            current += snippet[at + 1];
            at += 2;
          } else if (x === ',') {
            choices.push(current);
            current = '';
            at++;
          } else if (x === '|' && snippet[at + 1] === '}') {
            choices.push(current);
            at += 2;
            break;
          } else if (x === '|' || x === '$' || x === '}') {
            throw new Error(`unescaped ${x} in a choice at ${at}`);
          } else {
            current += x;
            at++;
          }
        }
        if (!values.has(n)) values.set(n, choices[0]);
        return values.get(n)!;
      }
      throw new Error(`bad tab stop at ${at}`);
    }
    const name2 = /^[A-Za-z_][A-Za-z0-9_]*/.exec(snippet.slice(at));
    if (!name2) throw new Error(`bad \${ at ${at}`);
    at += name2[0].length;
    if (snippet[at] === '}') {
      at++;
      return variable(name2[0], '');
    }
    expect(':');
    const fallback = parseAny((x) => x === '}', '$}\\');
    expect('}');
    return variable(name2[0], fallback);
  };

  const variable = (name: string, fallback: string): string => variables[name] ?? fallback;

  const expect = (c: string) => {
    if (snippet[at] !== c) throw new Error(`expected ${c} at ${at}, found ${JSON.stringify(snippet[at])}`);
    at++;
  };

  return parseAny(() => false, '$}\\');
}
