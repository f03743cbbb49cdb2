/**
 * The server must not outlive, hang on, or spin after a client that vanishes without
 * `shutdown`: when its input closes it exits by itself, without crashing on the way out.
 */
import assert from 'node:assert/strict';
import { TestClient } from './harness';

describe('language server: the client vanishes', () => {
  it('exits by itself when its input closes mid-session, with nothing on stderr', async () => {
    const client = await TestClient.start({ pull: true });
    try {
      await client.open('file:///tmp/vanish.md', '一、工作开展情况\n村”两委”\n');
      client.proc.stdin!.end();
      const code = await client.waitForExit();
      // vscode-languageserver exits 1 when the input ends without a prior shutdown.
      assert.ok(code === 0 || code === 1, `exit code ${code}`);
      assert.equal(client.stderr.trim(), '', 'no crash output');
    } finally {
      await client.dispose();
    }
  });
});
