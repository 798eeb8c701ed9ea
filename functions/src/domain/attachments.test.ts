import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MB,
  SNIFF_BYTES,
  attachmentKinds,
  attachmentPath,
  attachmentSlots,
  attachmentRefsInSlotOrder,
  attachmentsAreValid,
  formatSize,
  planAttachments,
  sniffContentType,
  type CandidateFile,
} from './attachments.js';

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
/** A file's first SNIFF_BYTES bytes: the signature, then filler. */
const head = (signature: readonly number[], filler = 0x00) =>
  Uint8Array.from([...signature, ...Array<number>(Math.max(0, SNIFF_BYTES - signature.length)).fill(filler)]);

const heads = {
  png: head([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  jpeg: head([0xff, 0xd8, 0xff, 0xe0]),
  gif87: head(ascii('GIF87a')),
  gif89: head(ascii('GIF89a')),
  webp: head([...ascii('RIFF'), 0x24, 0x10, 0x00, 0x00, ...ascii('WEBP')]),
  pdf: head(ascii('%PDF-1.7')),
  exe: head([0x4d, 0x5a, 0x90, 0x00, 0x03]),
  riffWave: head([...ascii('RIFF'), 0x24, 0x10, 0x00, 0x00, ...ascii('WAVE')]),
  text: head(ascii('hello world!')),
};

const file = (name: string, h: Uint8Array, size: number): CandidateFile => ({ name, head: h, size });
const png = (name: string, size = 200 * 1024) => file(name, heads.png, size);
const pdf = (name: string, size = MB) => file(name, heads.pdf, size);

describe('sniffContentType', () => {
  it.each([
    ['PNG', heads.png, 'image/png'],
    ['JPEG', heads.jpeg, 'image/jpeg'],
    ['GIF87a', heads.gif87, 'image/gif'],
    ['GIF89a', heads.gif89, 'image/gif'],
    ['WEBP', heads.webp, 'image/webp'],
    ['PDF', heads.pdf, 'application/pdf'],
  ] as const)('recognises %s by its magic bytes', (_label, bytes, expected) => {
    expect(sniffContentType(bytes)).toBe(expected);
  });

  it.each([
    ['a Windows executable (MZ)', heads.exe],
    ['a RIFF file that is not WEBP (WAVE)', heads.riffWave],
    ['plain text', heads.text],
    ['an empty file', new Uint8Array()],
    ['a truncated PNG signature', Uint8Array.from([0x89, 0x50, 0x4e])],
  ] as const)('recognises nothing in %s', (_label, bytes) => {
    expect(sniffContentType(bytes)).toBeNull();
  });

  it('refuses an executable renamed photo.png, saying what may be attached', () => {
    const plan = planAttachments([file('photo.png', heads.exe, 40 * 1024)]);
    expect(plan.accepted).toEqual([]);
    expect(plan.problems).toEqual([
      'photo.png is not an image or a PDF; attach PNG, JPEG, GIF or WebP images, or PDFs.',
    ]);
  });

  it('takes the type from the bytes, not the name: a PNG called report.pdf is an image', () => {
    const plan = planAttachments([png('report.pdf')]);
    expect(plan.accepted.map((a) => [a.slot, a.contentType])).toEqual([['image-1', 'image/png']]);
  });
});

describe('formatSize', () => {
  it.each([
    [Math.round(6.2 * MB), '6.2 MB'],
    [5 * MB, '5 MB'],
    [3 * MB, '3 MB'],
    [1.5 * MB, '1.5 MB'],
    [MB, '1 MB'],
    [900 * 1024, '900 KB'],
    [1024, '1 KB'],
    [1, '1 KB'],
  ])('%d bytes reads "%s"', (bytes, expected) => {
    expect(formatSize(bytes)).toBe(expected);
  });
});

describe('planAttachments', () => {
  it('accepts 3 images and 2 PDFs into fixed slots', () => {
    const files = [
      png('a.png'),
      pdf('one.pdf'),
      file('b.jpg', heads.jpeg, 2 * MB),
      file('c.gif', heads.gif89, 10_000),
      pdf('two.pdf', 5 * MB),
    ];
    const plan = planAttachments(files);
    expect(plan.problems).toEqual([]);
    expect(plan.accepted.map((a) => [a.file.name, a.slot, a.contentType])).toEqual([
      ['a.png', 'image-1', 'image/png'],
      ['one.pdf', 'pdf-1', 'application/pdf'],
      ['b.jpg', 'image-2', 'image/jpeg'],
      ['c.gif', 'image-3', 'image/gif'],
      ['two.pdf', 'pdf-2', 'application/pdf'],
    ]);
  });

  it('refuses a 4th image and keeps the first three', () => {
    const plan = planAttachments([png('1.png'), png('2.png'), png('3.png'), png('4.png')]);
    expect(plan.accepted.map((a) => a.file.name)).toEqual(['1.png', '2.png', '3.png']);
    expect(plan.problems).toEqual(['4.png was not added: a ticket may have at most 3 images.']);
  });

  it('refuses a 3rd PDF', () => {
    const plan = planAttachments([pdf('1.pdf'), pdf('2.pdf'), pdf('3.pdf')]);
    expect(plan.accepted.map((a) => a.slot)).toEqual(['pdf-1', 'pdf-2']);
    expect(plan.problems).toEqual(['3.pdf was not added: a ticket may have at most 2 PDFs.']);
  });

  it('refuses a 6.2 MB PDF with the exact sentence', () => {
    const plan = planAttachments([pdf('scan.pdf', Math.round(6.2 * MB))]);
    expect(plan.accepted).toEqual([]);
    expect(plan.problems).toEqual(['scan.pdf is 6.2 MB; PDFs may be at most 5 MB.']);
  });

  it('refuses a 3.5 MB PNG naming the 3 MB limit', () => {
    const plan = planAttachments([png('photo.png', 3.5 * MB)]);
    expect(plan.accepted).toEqual([]);
    expect(plan.problems).toEqual(['photo.png is 3.5 MB; images may be at most 3 MB.']);
  });

  it('accepts files exactly at the limit', () => {
    const plan = planAttachments([png('edge.png', 3 * MB), pdf('edge.pdf', 5 * MB)]);
    expect(plan.problems).toEqual([]);
    expect(plan.accepted).toHaveLength(2);
  });

  it('never tells someone a file is the same size as the limit it broke', () => {
    const plan = planAttachments([png('photo.png', 3 * MB + 1), pdf('scan.pdf', 5 * MB + 2048)]);
    expect(plan.accepted).toEqual([]);
    expect(plan.problems).toEqual([
      'photo.png is over 3 MB; images may be at most 3 MB.',
      'scan.pdf is over 5 MB; PDFs may be at most 5 MB.',
    ]);
  });

  it('property: a size refusal always states a size different from the limit', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(['image', heads.png] as const, ['pdf', heads.pdf] as const),
        fc.integer({ min: 1, max: 4 * MB }),
        ([kind, bytes], excess) => {
          const limits = attachmentKinds[kind];
          const { problems } = planAttachments([file('f', bytes, limits.maxBytes + excess)]);
          expect(problems).toHaveLength(1);
          const [, size, limit] = /^f is (.+); .* at most (.+)\.$/.exec(problems[0] ?? '') ?? [];
          expect(limit).toBe(formatSize(limits.maxBytes));
          expect(size).toBeDefined();
          expect(size).not.toBe(limit);
        },
      ),
    );
  });

  it('refusing one file keeps the others, and an oversize file does not use up a slot', () => {
    const plan = planAttachments([
      png('big.png', 4 * MB),
      png('a.png'),
      file('virus.png', heads.exe, 1000),
      png('b.png'),
      pdf('huge.pdf', 9 * MB),
      png('c.png'),
      pdf('ok.pdf'),
    ]);
    expect(plan.accepted.map((a) => [a.file.name, a.slot])).toEqual([
      ['a.png', 'image-1'],
      ['b.png', 'image-2'],
      ['c.png', 'image-3'],
      ['ok.pdf', 'pdf-1'],
    ]);
    expect(plan.problems).toHaveLength(3);
    expect(plan.problems[0]).toMatch(/^big\.png is 4 MB; images may be at most 3 MB\.$/);
    expect(plan.problems[1]).toMatch(/^virus\.png is not an image or a PDF/);
    expect(plan.problems[2]).toMatch(/^huge\.pdf is 9 MB; PDFs may be at most 5 MB\.$/);
  });

  it('adding a file never moves a file accepted earlier', () => {
    const first = planAttachments([png('a.png'), pdf('a.pdf')]);
    const more = planAttachments([png('a.png'), pdf('a.pdf'), png('b.png'), pdf('b.pdf')]);
    expect(more.accepted.slice(0, 2).map((a) => a.slot)).toEqual(first.accepted.map((a) => a.slot));
  });

  it('puts each slot under the ticket in Storage', () => {
    expect(attachmentPath('T1', 'pdf-2')).toBe('tickets/T1/attachments/pdf-2');
  });

  it('property: limits hold for any list of candidate files', () => {
    const headArb = fc.constantFrom(...Object.values(heads));
    const candidate = fc.record({
      name: fc.string({ minLength: 1, maxLength: 20 }),
      head: fc.oneof(headArb, fc.uint8Array({ maxLength: SNIFF_BYTES })),
      size: fc.oneof(
        fc.integer({ min: 1, max: 8 * MB }),
        fc.constantFrom(3 * MB, 3 * MB + 1, 5 * MB, 5 * MB + 1),
      ),
    });
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 12 }), (files) => {
        const { accepted, problems } = planAttachments(files);
        const images = accepted.filter((a) => a.contentType.startsWith('image/'));
        const pdfs = accepted.filter((a) => a.contentType === 'application/pdf');
        expect(images.length).toBeLessThanOrEqual(attachmentKinds.image.maxCount);
        expect(pdfs.length).toBeLessThanOrEqual(attachmentKinds.pdf.maxCount);
        for (const a of images) {
          expect(a.file.size).toBeLessThanOrEqual(3 * MB);
          expect(a.slot).toMatch(/^image-[123]$/);
        }
        for (const a of pdfs) {
          expect(a.file.size).toBeLessThanOrEqual(5 * MB);
          expect(a.slot).toMatch(/^pdf-[12]$/);
        }
        for (const a of accepted) {
          expect(attachmentSlots).toContain(a.slot);
          expect(sniffContentType(a.file.head)).toBe(a.contentType);
        }
        expect(new Set(accepted.map((a) => a.slot)).size).toBe(accepted.length);
        expect(accepted.length + problems.length).toBe(files.length);
        // Accepted files keep their order and each comes from the input.
        const indexes = accepted.map((a) => (files as readonly CandidateFile[]).indexOf(a.file));
        expect(indexes.every((i) => i >= 0)).toBe(true);
        expect([...indexes].sort((x, y) => x - y)).toEqual(indexes);
      }),
    );
  });
});

describe('attachmentsAreValid', () => {
  const image = { slot: 'image-1', name: 'screenshot.png', contentType: 'image/png', size: 2 * MB } as const;
  const pdf = { slot: 'pdf-2', name: 'invoice.pdf', contentType: 'application/pdf', size: 5 * MB } as const;

  it('accepts none, and a full set of five, each at its limit', () => {
    expect(attachmentsAreValid([])).toBe(true);
    const full = attachmentSlots.map((slot) =>
      slot.startsWith('pdf')
        ? { ...pdf, slot, size: attachmentKinds.pdf.maxBytes }
        : { ...image, slot, contentType: 'image/webp', size: attachmentKinds.image.maxBytes },
    );
    expect(attachmentsAreValid(full)).toBe(true);
  });

  it('accepts every image type in an image slot and only PDFs in a PDF slot', () => {
    for (const contentType of attachmentKinds.image.contentTypes) {
      expect(attachmentsAreValid([{ ...image, contentType }])).toBe(true);
      expect(attachmentsAreValid([{ ...pdf, contentType }])).toBe(false);
    }
    expect(attachmentsAreValid([{ ...image, contentType: 'application/pdf' }])).toBe(false);
  });

  it("refuses an entry over its kind's size, empty, or of a size that is not a whole number", () => {
    expect(attachmentsAreValid([{ ...image, size: 3 * MB + 1 }])).toBe(false);
    expect(attachmentsAreValid([{ ...pdf, size: 5 * MB + 1 }])).toBe(false);
    expect(attachmentsAreValid([{ ...image, size: 0 }])).toBe(false);
    expect(attachmentsAreValid([{ ...image, size: 10.5 }])).toBe(false);
  });

  it('refuses the same slot twice, an unknown slot, a bad name, a foreign type or extra keys', () => {
    expect(attachmentsAreValid([image, { ...image, name: 'other.png' }])).toBe(false);
    expect(attachmentsAreValid([{ ...image, slot: 'image-4' }])).toBe(false);
    expect(attachmentsAreValid([{ ...image, name: '' }])).toBe(false);
    expect(attachmentsAreValid([{ ...image, name: 'x'.repeat(256) }])).toBe(false);
    expect(attachmentsAreValid([{ ...image, contentType: 'text/html' }])).toBe(false);
    expect(attachmentsAreValid([{ ...image, url: 'https://example.com/x.png' }])).toBe(false);
    expect(attachmentsAreValid([null])).toBe(false);
  });

  it('property: whatever planAttachments plans is valid', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            kind: fc.constantFrom<keyof typeof heads>('png', 'jpeg', 'pdf', 'exe'),
            size: fc.integer({ min: 1, max: 6 * MB }),
          }),
          { maxLength: 8 },
        ),
        (files) => {
          const plan = planAttachments(files.map(({ kind, size }, i) => ({ name: `f${i}`, size, head: heads[kind] })));
          const refs = plan.accepted.map(({ file, slot, contentType }) => ({ slot, name: file.name, contentType, size: file.size }));
          // As a ticket lists them: in slot order.
          expect(attachmentsAreValid(attachmentRefsInSlotOrder(refs))).toBe(true);
        },
      ),
    );
  });
});
