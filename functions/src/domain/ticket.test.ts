import fc from 'fast-check';
import { DOC_ID_PATTERN } from './ids.js';
import { describe, expect, it } from 'vitest';
import { DomainError, parseInput } from './errors.js';
import { newTicketDoc, newTicketInputSchema, ticketDocSchema, type NewTicketInput } from './ticket.js';
import { categories, priorities, TITLE_MAX } from './ticketFields.js';

const whitespace = fc.string({ unit: fc.constantFrom(' ', '\t', '\n', '\r', '\u00a0'), maxLength: 5 });
/** Text whose first and last characters are not blank, `min..max` long. */
const nonBlankText = (minLength: number, maxLength: number) =>
  fc
    .string({ minLength, maxLength })
    .map((s) => s.trim())
    .filter((s) => s.length >= minLength);
const categoryArb = fc.constantFrom(...categories);
const priorityArb = fc.constantFrom(...priorities);

const validInput = fc.record({
  title: nonBlankText(1, TITLE_MAX),
  description: nonBlankText(1, 300),
  category: categoryArb,
  priority: priorityArb,
});

const baseInput: NewTicketInput = {
  title: 'Cannot log in',
  description: 'The login page says my password is wrong.',
  category: 'account',
  priority: 'medium',
};

function errorOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('newTicketInputSchema: title', () => {
  it('accepts any title of 1..200 non-blank characters, trimmed of surrounding whitespace', () => {
    fc.assert(
      fc.property(whitespace, nonBlankText(1, TITLE_MAX), whitespace, (before, title, after) => {
        const result = newTicketInputSchema.safeParse({ ...baseInput, title: before + title + after });
        expect(result.success).toBe(true);
        expect(result.data?.title).toBe(title);
      }),
    );
  });

  it('accepts a title of exactly 200 characters', () => {
    expect(newTicketInputSchema.safeParse({ ...baseInput, title: 'x'.repeat(200) }).success).toBe(true);
  });

  it('rejects an empty or whitespace-only title, asking for one', () => {
    fc.assert(
      fc.property(whitespace, (title) => {
        const result = newTicketInputSchema.safeParse({ ...baseInput, title });
        expect(result.success).toBe(false);
        expect(result.error?.issues[0]?.message).toBe('Give the ticket a title.');
      }),
    );
  });

  it('rejects a title longer than 200 characters, naming the limit', () => {
    fc.assert(
      fc.property(nonBlankText(TITLE_MAX + 1, 2 * TITLE_MAX), (title) => {
        const result = newTicketInputSchema.safeParse({ ...baseInput, title });
        expect(result.success).toBe(false);
        expect(result.error?.issues[0]?.message).toBe('A title may be at most 200 characters.');
        expect(result.error?.issues[0]?.message).toContain('200 characters');
      }),
    );
    expect(newTicketInputSchema.safeParse({ ...baseInput, title: 'x'.repeat(201) }).success).toBe(false);
  });
});

describe('newTicketInputSchema: fields', () => {
  it('accepts every known category and priority', () => {
    fc.assert(
      fc.property(validInput, (input) => {
        expect(newTicketInputSchema.safeParse(input).success).toBe(true);
      }),
    );
  });

  it('rejects an unknown category', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !(categories as readonly string[]).includes(s)),
        (category) => {
          const result = newTicketInputSchema.safeParse({ ...baseInput, category });
          expect(result.success).toBe(false);
          expect(result.error?.issues[0]?.path).toEqual(['category']);
        },
      ),
    );
  });

  it('rejects an unknown priority', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !(priorities as readonly string[]).includes(s)),
        (priority) => {
          const result = newTicketInputSchema.safeParse({ ...baseInput, priority });
          expect(result.success).toBe(false);
          expect(result.error?.issues[0]?.path).toEqual(['priority']);
        },
      ),
    );
  });

  it('rejects an empty description, asking for one', () => {
    const result = newTicketInputSchema.safeParse({ ...baseInput, description: '   ' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('Describe the problem.');
  });

  it('keeps HTML and script text verbatim, as plain text', () => {
    const html = '<script>alert(1)</script>';
    const input = { ...baseInput, title: html, description: `<img src=x onerror="alert(2)"> ${html}` };
    const parsed = newTicketInputSchema.parse(input);
    expect(parsed.title).toBe(html);
    expect(parsed.description).toBe(input.description);
    const doc = newTicketDoc(input, { uid: 'c1', displayName: '<b>Ann</b>' }, new Date());
    expect(doc.title).toBe(html);
    expect(doc.description).toBe(input.description);
    expect(doc.customerName).toBe('<b>Ann</b>');
  });
});

describe('newTicketDoc', () => {
  it('always yields a well-formed document that starts open, unnumbered, unassigned and unlocked', () => {
    fc.assert(
      fc.property(
        validInput,
        // Uids as Firebase Auth and the demo accounts make them: never a path.
        fc.stringMatching(new RegExp(`^${DOC_ID_PATTERN}$`)),
        fc.string({ maxLength: 80 }),
        fc.date({ noInvalidDate: true }),
        (input, uid, displayName, now) => {
          const doc = newTicketDoc(input, { uid, displayName }, now);
          expect(ticketDocSchema.safeParse(doc).success).toBe(true);
          expect(doc.number).toBeNull();
          expect(doc.status).toBe('open');
          expect(doc.assigneeUid).toBeNull();
          expect(doc.chatLocked).toBe(false);
          expect(doc.attachments).toEqual([]);
          expect(doc.customerUid).toBe(uid);
          expect(doc.customerName).toBe(displayName);
          expect(doc.title).toBe(input.title);
          expect(doc.createdAt).toEqual(now);
          expect(doc.updatedAt).toEqual(now);
          expect(doc.updatedBy).toBe(uid);
          expect([doc.lastMessageAt, doc.lastMessageBy, doc.firstResponseAt, doc.resolvedAt, doc.closedAt]).toEqual([
            null,
            null,
            null,
            null,
            null,
          ]);
        },
      ),
    );
  });

  it('reads a document stored before updatedBy existed as written by nobody known (null)', () => {
    const { updatedBy: _written, ...legacy } = newTicketDoc(baseInput, { uid: 'c1', displayName: 'Ann' }, new Date(0));
    expect(ticketDocSchema.parse(legacy).updatedBy).toBeNull();
    expect(ticketDocSchema.safeParse({ ...legacy, updatedBy: '' }).success).toBe(false);
  });

  it('stores the trimmed title and description', () => {
    const doc = newTicketDoc(
      { ...baseInput, title: '  Printer on fire \n', description: '\tIt smokes. ' },
      { uid: 'c1', displayName: 'Ann' },
      new Date(0),
    );
    expect(doc.title).toBe('Printer on fire');
    expect(doc.description).toBe('It smokes.');
  });

  it('refuses input the form would refuse', () => {
    expect(() => newTicketDoc({ ...baseInput, title: ' ' }, { uid: 'c1', displayName: 'Ann' }, new Date())).toThrow(
      'Give the ticket a title.',
    );
  });
});

describe('parseInput', () => {
  it('returns the parsed (trimmed) data for good input', () => {
    expect(parseInput(newTicketInputSchema, { ...baseInput, title: ' Hi ' }).title).toBe('Hi');
  });

  it('throws an invalid-argument DomainError carrying the first issue’s own sentence', () => {
    const error = errorOf(() =>
      parseInput(newTicketInputSchema, { ...baseInput, title: 'x'.repeat(201), description: '' }),
    );
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('invalid-argument');
    expect((error as DomainError).message).toBe('A title may be at most 200 characters.');
  });

  it('uses the first issue for any bad title', () => {
    fc.assert(
      fc.property(fc.oneof(whitespace, nonBlankText(TITLE_MAX + 1, 2 * TITLE_MAX)), (title) => {
        const error = errorOf(() => parseInput(newTicketInputSchema, { ...baseInput, title }));
        expect(error).toBeInstanceOf(DomainError);
        expect((error as DomainError).code).toBe('invalid-argument');
        expect(['Give the ticket a title.', 'A title may be at most 200 characters.']).toContain(
          (error as DomainError).message,
        );
      }),
    );
  });

  it('falls back to a generic sentence when a schema reports no issue', () => {
    const schema = {
      safeParse: () => ({ success: false as const, error: { issues: [] } }),
    };
    const error = errorOf(() => parseInput(schema, {}));
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('invalid-argument');
    expect((error as DomainError).message).toBe('The input is not valid.');
  });
});
