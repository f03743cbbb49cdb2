/** The stdio framing watch (server/lsp/framing.ts) on byte streams split anywhere. */
import assert from 'node:assert/strict';
import { FramingWatch, MAX_HEADER_BYTES } from '../../server/lsp/framing';

function frame(body: string): Buffer {
  const bytes = Buffer.from(body);
  return Buffer.concat([Buffer.from(`Content-Length: ${bytes.length}\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n`), bytes]);
}

/** Feeds `stream` in chunks of `size` bytes; returns the errors reported. */
function feed(stream: Buffer, size: number): string[] {
  const errors: string[] = [];
  const watch = new FramingWatch((reason) => errors.push(reason));
  for (let i = 0; i < stream.length; i += size) watch.push(stream.subarray(i, i + size));
  return errors;
}

describe('stdio framing watch', () => {
  const good = Buffer.concat([frame('{"jsonrpc":"2.0","method":"a"}'), frame('{"text":"一、工作情况\\r\\n\\r\\n党员"}'), frame(''), frame('not json at all')]);

  it('accepts well-framed messages however the bytes are split', () => {
    for (const size of [1, 2, 3, 7, 64, good.length]) assert.deepEqual(feed(good, size), [], `chunks of ${size}`);
  });

  it('reports a bad Content-Length once, after good messages, however split', () => {
    const bad = Buffer.concat([good, Buffer.from('Content-Length: abc\r\n\r\n{}'), good]);
    for (const size of [1, 5, bad.length]) {
      const errors = feed(bad, size);
      assert.equal(errors.length, 1, `chunks of ${size}`);
      assert.match(errors[0], /not a byte count: "abc"/);
    }
  });

  it('reports a missing Content-Length, a header line without a colon, an endless header', () => {
    assert.match(feed(Buffer.from('X-Other: 1\r\n\r\n{}'), 4)[0], /no Content-Length/);
    assert.match(feed(Buffer.from('Content-Length 2\r\n\r\n{}'), 4)[0], /malformed header line/);
    assert.match(feed(Buffer.from('C'.repeat(MAX_HEADER_BYTES + 10)), 1000)[0], /header longer/);
  });
});
