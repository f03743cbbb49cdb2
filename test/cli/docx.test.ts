/**
 * Word drafts: `lint x.docx` reads one paragraph a line with Word's numbering rendered
 * (server/docx.ts), `--fix` refuses them, broken and password-protected files are one
 * clear error each, and `convert` prints the Markdown. Every .docx here is built in the
 * test with the `docx` package; the encrypted one is a bare OLE compound-file header.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { Document, HeadingLevel, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { docxToText, formatNumber } from '../../server/docx';
import { type JsonFile, runAsync, tempDir } from './helpers';

/** The draft's paragraphs as they read in Word, numbers included: what the Markdown twin holds. */
const DRAFT_LINES = [
  '某党支部2024年工作总结',
  '一、主要工作成效。',
  '（一）理论学习',
  '全年开展集中学习12次。',
  '（二）组织建设',
  '项目',
  '次数',
  '二、存在的问题',
  '（一）学习方面',
  '一是学习“不够深入。',
  '三、下一步工作打算',
  '继续加强学习。',
];

/** The same draft as Word holds it: 一、 and （一） are automatic numbering, not text. */
function buildDraft(): Promise<Buffer> {
  const numbered = (text: string, level: number, heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
    new Paragraph({ text, heading, numbering: { reference: 'outline', level } });
  const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'outline',
          levels: [
            { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、' },
            { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）' },
          ],
        },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ text: '某党支部2024年工作总结', heading: HeadingLevel.TITLE }),
          numbered('主要工作成效。', 0, HeadingLevel.HEADING_1),
          numbered('理论学习', 1, HeadingLevel.HEADING_2),
          new Paragraph('全年开展集中学习12次。'),
          numbered('组织建设', 1, HeadingLevel.HEADING_2),
          new Table({ rows: [new TableRow({ children: [cell('项目'), cell('次数')] })] }),
          numbered('存在的问题', 0, HeadingLevel.HEADING_1),
          numbered('学习方面', 1, HeadingLevel.HEADING_2),
          new Paragraph('一是学习“不够深入。'),
          numbered('下一步工作打算', 0, HeadingLevel.HEADING_1),
          new Paragraph('继续加强学习。'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** An OLE compound file header, as Word writes a password-protected document: no zip. */
function encryptedBytes(): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  header.writeUInt16LE(0x003e, 0x18); // minor version
  header.writeUInt16LE(0x0003, 0x1a); // major version 3
  header.writeUInt16LE(0xfffe, 0x1c); // little-endian byte order mark
  header.writeUInt16LE(0x0009, 0x1e); // 512-byte sectors
  return header;
}

const findings = (file: JsonFile) => file.messages.map((m) => ({ ruleId: m.ruleId, line: m.line, column: m.column, message: m.message }));

describe('docx: reading a Word draft', () => {
  it('reads one paragraph a line, table cells included, with 一、 and （一） rendered, （一） restarting under 二、', async () => {
    const read = await docxToText(await buildDraft());
    assert.deepEqual(read, { ok: true, text: DRAFT_LINES.join('\n') });
  });

  it('gives a paragraph in a number format it does not render no number rather than a wrong one', async () => {
    const doc = new Document({
      numbering: { config: [{ reference: 'stems', levels: [{ level: 0, format: LevelFormat.IDEOGRAPH_TRADITIONAL, text: '%1、' }] }] },
      sections: [{ children: [new Paragraph({ text: '第一项', numbering: { reference: 'stems', level: 0 } }), new Paragraph({ text: '要点', bullet: { level: 0 } })] }],
    });
    assert.deepEqual(await docxToText(await Packer.toBuffer(doc)), { ok: true, text: '第一项\n- 要点' });
  });

  it('renders numbering a heading style carries (a list level bound to the style), counted per list', async () => {
    const doc = new Document({
      numbering: { config: [{ reference: 'outline', levels: [{ level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、' }] }] },
      sections: [
        {
          children: [
            new Paragraph({ text: '主要成效', heading: HeadingLevel.HEADING_1 }),
            new Paragraph('正文。'),
            new Paragraph({ text: '存在的问题', heading: HeadingLevel.HEADING_1 }),
          ],
        },
      ],
    });
    // Word binds a heading style to a list level by the level's w:pStyle; the docx package
    // does not write one, so it is added to the built file's numbering part.
    const zip = await JSZip.loadAsync(await Packer.toBuffer(doc));
    const numbering = await zip.file('word/numbering.xml')!.async('string');
    const bound = numbering.replace('<w:numFmt w:val="chineseCounting"/>', '<w:pStyle w:val="Heading1"/><w:numFmt w:val="chineseCounting"/>');
    assert.notEqual(bound, numbering);
    zip.file('word/numbering.xml', bound);
    const read = await docxToText(await zip.generateAsync({ type: 'nodebuffer' }));
    assert.deepEqual(read, { ok: true, text: '一、主要成效\n正文。\n二、存在的问题' });
  });

  it('writes no ordered number when its own reading does not line up with mammoth\'s paragraphs', async () => {
    // A tracked deletion of a numbered paragraph's mark: mammoth joins it to the next
    // paragraph, so the numbered paragraphs of document.xml are one more than mammoth's.
    const zip = await JSZip.loadAsync(await buildDraft());
    const body = await zip.file('word/document.xml')!.async('string');
    const deleted = body.replace('</w:numPr></w:pPr>', '</w:numPr><w:rPr><w:del w:id="1" w:author="a" w:date="2024-01-01T00:00:00Z"/></w:rPr></w:pPr>');
    assert.notEqual(deleted, body);
    zip.file('word/document.xml', deleted);
    const read = await docxToText(await zip.generateAsync({ type: 'nodebuffer' }));
    assert.ok(read.ok);
    assert.ok(read.text.includes('主要工作成效。理论学习'), read.text);
    assert.deepEqual(read.text.split('\n').filter((line) => /^[一二三]、|^（[一二]）/.test(line)), []);
  });

  it('renders the number formats of Chinese reports and leaves unknown ones out', () => {
    assert.equal(formatNumber(12, 'chineseCounting'), '十二');
    assert.equal(formatNumber(3, 'decimalEnclosedCircle'), '③');
    assert.equal(formatNumber(4, 'lowerRoman'), 'iv');
    assert.equal(formatNumber(27, 'upperLetter'), 'AA');
    assert.equal(formatNumber(2, 'decimalFullWidth'), '２');
    assert.equal(formatNumber(1, 'hebrew1'), null);
  });

  it('refuses a small zip that would expand past the limit (a zip bomb)', async () => {
    const zip = await JSZip.loadAsync(await buildDraft());
    zip.file('word/padding.xml', Buffer.alloc(2 * 1024 * 1024, 0x20));
    const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    assert.ok(bytes.length < 64 * 1024);
    const read = await docxToText(bytes, 1024 * 1024);
    assert.equal(!read.ok && read.kind, 'too-large');
    // The same file under the real bound is read.
    assert.equal((await docxToText(bytes)).ok, true);
  });

  it('tells a password-protected file and a broken zip apart', async () => {
    assert.deepEqual(await docxToText(encryptedBytes()), { ok: false, kind: 'docx-encrypted' });
    const broken = await docxToText(Buffer.from('PK\u0003\u0004 not really a zip'));
    assert.equal(broken.ok, false);
    assert.equal(!broken.ok && broken.kind, 'docx-broken');
  });
});

describe('docx: the command line', () => {
  it('finds in a .docx what it finds in the same text written as Markdown (round trip)', async () => {
    const { dir, cleanup } = tempDir();
    try {
      writeFileSync(join(dir, 'draft.docx'), await buildDraft());
      writeFileSync(join(dir, 'draft.md'), `${DRAFT_LINES.join('\n')}\n`);
      const docx = await runAsync(['lint', '--format', 'json', 'draft.docx'], { cwd: dir });
      const md = await runAsync(['lint', '--format', 'json', 'draft.md'], { cwd: dir });
      const fromWord = findings((JSON.parse(docx.stdout) as JsonFile[])[0]);
      assert.ok(fromWord.some((f) => f.ruleId === 'heading-punctuation' && f.line === 2), JSON.stringify(fromWord));
      assert.ok(fromWord.some((f) => f.ruleId === 'quote-pairing' && f.line === 10), JSON.stringify(fromWord));
      assert.deepEqual(fromWord, findings((JSON.parse(md.stdout) as JsonFile[])[0]));
      assert.equal(docx.code, md.code);
    } finally {
      cleanup();
    }
  });

  it('expands a directory to its .docx files too', async () => {
    const { dir, cleanup } = tempDir();
    try {
      writeFileSync(join(dir, 'draft.docx'), await buildDraft());
      const result = await runAsync(['lint', '--format', 'json', '.'], { cwd: dir });
      assert.deepEqual((JSON.parse(result.stdout) as JsonFile[]).map((f) => f.filePath), [join(dir, 'draft.docx')]);
    } finally {
      cleanup();
    }
  });

  it('--fix refuses a .docx, leaves it unchanged and still fixes the Markdown beside it', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const bytes = await buildDraft();
      writeFileSync(join(dir, 'draft.docx'), bytes);
      writeFileSync(join(dir, 'other.md'), '全年开展学习,效果良好。\n');
      const result = await runAsync(['lint', '--fix', '--format', 'json', 'draft.docx', 'other.md'], { cwd: dir });
      assert.equal(result.code, 2);
      assert.match(result.stderr, /draft\.docx: 是 Word 文件，--fix 不会修改它/);
      assert.match(result.stderr, /--fix：写回 1 个文件，跳过 1 个（Word 文件 1 个）/);
      assert.ok(readFileSync(join(dir, 'draft.docx')).equals(bytes));
      const files = JSON.parse(result.stdout) as JsonFile[];
      // The Word file's findings are still shown, as read, without fixes nothing could apply.
      assert.ok(files[0].messages.some((m) => m.ruleId === 'quote-pairing'));
      assert.ok(files[0].messages.every((m) => m.fix === undefined));
      assert.equal(readFileSync(join(dir, 'other.md'), 'utf8'), '全年开展学习，效果良好。\n');
    } finally {
      cleanup();
    }
  });

  for (const [name, bytes, pattern] of [
    ['locked.docx', encryptedBytes(), /locked\.docx: is a password-protected Word file/],
    ['broken.docx', Buffer.from('PK\u0003\u0004 cut short'), /broken\.docx: is not a valid \.docx file/],
  ] as const) {
    it(`${name}: one clear error, exit 2, the other files still linted`, async () => {
      const { dir, cleanup } = tempDir();
      try {
        writeFileSync(join(dir, name), bytes);
        writeFileSync(join(dir, 'ok.md'), '一是学习“不够深入。\n');
        const result = await runAsync(['lint', '--format', 'json', '--locale', 'en', name, 'ok.md'], { cwd: dir });
        assert.equal(result.code, 2);
        assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
        assert.match(result.stderr, pattern);
        const files = JSON.parse(result.stdout) as JsonFile[];
        assert.ok(files.find((f) => f.filePath.endsWith('ok.md'))!.messages.some((m) => m.ruleId === 'quote-pairing'));
      } finally {
        cleanup();
      }
    });
  }

  it('convert prints the draft as Markdown, a paragraph a line', async () => {
    const { dir, cleanup } = tempDir();
    try {
      writeFileSync(join(dir, 'draft.docx'), await buildDraft());
      const result = await runAsync(['convert', 'draft.docx'], { cwd: dir });
      assert.equal(result.code, 0);
      assert.equal(result.stdout, `${DRAFT_LINES.join('\n')}\n`);
    } finally {
      cleanup();
    }
  });

  it('convert refuses what is not one .docx file, and a password-protected one', async () => {
    const { dir, cleanup } = tempDir();
    try {
      writeFileSync(join(dir, 'locked.docx'), encryptedBytes());
      for (const argv of [['convert'], ['convert', 'a.md'], ['convert', 'a.docx', 'b.docx'], ['convert', 'locked.docx'], ['convert', 'gone.docx']]) {
        const result = await runAsync(argv, { cwd: dir });
        assert.equal(result.code, 2, argv.join(' '));
        assert.equal(result.stdout, '');
        assert.match(result.stderr, /^party-report: /);
      }
    } finally {
      cleanup();
    }
  });
});
