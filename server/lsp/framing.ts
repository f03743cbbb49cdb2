/**
 * A watch on the stdio transport's framing (`Content-Length: N\r\n\r\n` + N bytes), kept
 * beside vscode-jsonrpc's own reader. That reader, given a header it cannot use (no
 * `Content-Length`, not a number), reports an error and then reads the next body as
 * headers: the server lives on but never understands another request, and the client,
 * seeing it alive, never restarts it. Once the framing is lost it cannot be found again,
 * so the only sound answer is to say why and exit: the client restarts a server that
 * exits (VS Code's does, a few times).
 *
 * A body that is not JSON is not a framing error (the next message is found by its
 * length); the reader reports it and the server goes on.
 */

/** The longest header block accepted (real ones are under 100 bytes). */
export const MAX_HEADER_BYTES = 8 * 1024;

/** The largest body accepted: a document is at most a few MB of UTF-8. */
export const MAX_BODY_BYTES = 256 * 1024 * 1024;

const HEADER_END = Buffer.from('\r\n\r\n');

/**
 * Follows the framing of the bytes passed to `push`, without keeping bodies. Calls
 * `onError` once, with what is wrong, at the first header that is not `Name: value`
 * lines with one `Content-Length` of at most `MAX_BODY_BYTES` decimal bytes; pushes after
 * that are ignored.
 */
export class FramingWatch {
  /** Header bytes of the message being read (while `remaining` is 0). */
  private header: Buffer = Buffer.alloc(0);
  /** Body bytes still to skip. */
  private remaining = 0;
  private failed = false;

  constructor(private readonly onError: (reason: string) => void) {}

  push(chunk: Buffer): void {
    let data = chunk;
    while (!this.failed && data.length > 0) {
      if (this.remaining > 0) {
        const skip = Math.min(this.remaining, data.length);
        this.remaining -= skip;
        data = data.subarray(skip);
        continue;
      }
      this.header = Buffer.concat([this.header, data]);
      data = Buffer.alloc(0);
      const end = this.header.indexOf(HEADER_END);
      if (end < 0) {
        if (this.header.length > MAX_HEADER_BYTES) this.fail(`header longer than ${MAX_HEADER_BYTES} bytes`);
        return;
      }
      const length = contentLength(this.header.subarray(0, end).toString('ascii'));
      if (typeof length === 'string') {
        this.fail(length);
        return;
      }
      data = this.header.subarray(end + HEADER_END.length);
      this.header = Buffer.alloc(0);
      this.remaining = length;
    }
  }

  private fail(reason: string): void {
    this.failed = true;
    this.onError(reason);
  }
}

/** The body length a header block announces, or what is wrong with it. */
function contentLength(block: string): number | string {
  let length: number | undefined;
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) return `malformed header line ${JSON.stringify(line.slice(0, 80))}`;
    if (line.slice(0, colon).trim().toLowerCase() !== 'content-length') continue;
    const value = line.slice(colon + 1).trim();
    if (!/^\d{1,10}$/.test(value)) return `Content-Length is not a byte count: ${JSON.stringify(value.slice(0, 80))}`;
    length = Number(value);
    if (length > MAX_BODY_BYTES) return `Content-Length ${length} is over ${MAX_BODY_BYTES} bytes`;
  }
  return length ?? 'no Content-Length header';
}
