import { describe, expect, it } from 'vitest';
import {
  ASSIGNMENT_POOL_MAX,
  AUTO_CLOSE_DAYS_MAX,
  SATISFACTION_COMMENT_MAX,
  SATISFACTION_MAX,
  SATISFACTION_MIN,
  SLA_HOURS_MAX,
  satisfactionFields,
  slaConfigSchema,
  CANNED_BODY_MAX,
  CANNED_CATEGORY_MAX,
  CANNED_TITLE_MAX,
  cannedReplyDocSchema,
  presenceActivities,
  presenceDocSchema,
  ATTACHMENT_UPLOAD_WINDOW_MS,
  BLANK_CHARACTERS,
  DESCRIPTION_MAX,
  DISPLAY_NAME_MAX,
  DOC_ID_PATTERN,
  EMAIL_MAX,
  MB,
  MESSAGE_MAX,
  PEOPLE_QUERY_MAX,
  PERSON_NAME_PATTERN,
  REJECTION_REASON_MAX,
  RESERVED_NAMES,
  TITLE_MAX,
  assignmentConfigSchema,
  fieldsSetAfterCreation,
  assignmentStrategies,
  attachmentKinds,
  attachmentRefSchema,
  attachmentSlots,
  categories,
  editableTicketFields,
  messageDocSchema,
  noteDocSchema,
  priorities,
  rateLimitDocSchema,
  rateLimits,
  readMarkerSchema,
  staffWideStatsScopes,
  statusTransitions,
  suggestionSources,
  ticketDocSchema,
  userDocSchema,
} from '../../functions/src/domain/index.js';
import { callArguments, functionBody, listAfter, quotedStrings, readRules, unescapeRulesString } from './rulesText.js';

type LengthCheck = { _zod: { def: { check: string; minimum?: number; maximum?: number } } };
/** A string schema's length bounds, as the rules write them: from its minLength and maxLength checks. */
function lengthBounds(schema: { _zod: { def: { checks?: readonly unknown[] } } }): [string, string] {
  const checks = (schema._zod.def.checks ?? []).map((check) => (check as LengthCheck)._zod.def);
  const bound = (kind: string, value: (def: LengthCheck['_zod']['def']) => number | undefined) => String(value(checks.find((def) => def.check === kind)!));
  return [bound('min_length', (def) => def.minimum), bound('max_length', (def) => def.maximum)];
}

/**
 * firestore.rules and storage.rules spell the domain's limits, enums, keys and moves as
 * literals (rules cannot import TypeScript). These tests read the rules' named functions and
 * compare each literal with functions/src/domain: change a limit in one place only, and the
 * test says where the other still differs. No emulator, no Java.
 */
const firestore = readRules('firestore.rules');
const storage = readRules('storage.rules');
const sorted = (values: Iterable<string>) => [...values].sort();
const keysOf = (schema: { shape: Record<string, unknown> }) => sorted(Object.keys(schema.shape));
const megabytes = (text: string) => [...text.matchAll(/size <= (\d+) \* 1024 \* 1024/g)].map((match) => Number(match[1]) * MB);

describe('firestore.rules follows the domain', () => {
  it('lists the keys of every document a client writes, exactly', () => {
    expect(sorted(quotedStrings(functionBody(firestore, 'ticketKeys')))).toEqual(keysOf(ticketDocSchema));
    const newTicket = functionBody(firestore, 'isNewTicketOfCaller');
    expect(newTicket).toContain(`ticket.keys().size() == ${keysOf(ticketDocSchema).length - fieldsSetAfterCreation.length}`);
    expect(sorted(listAfter(newTicket, 'hasAny('))).toEqual(sorted(fieldsSetAfterCreation));
    expect(sorted(quotedStrings(functionBody(firestore, 'userKeys')))).toEqual(keysOf(userDocSchema));
    const message = functionBody(firestore, 'isNewMessageOfCaller');
    expect(sorted(listAfter(message, 'hasOnly('))).toEqual(keysOf(messageDocSchema));
    const notes = firestore.slice(firestore.indexOf('match /notes/{noteId}'));
    expect(sorted(listAfter(notes, 'hasOnly('))).toEqual(keysOf(noteDocSchema));
    const reads = firestore.slice(firestore.indexOf('match /reads/{readerUid}'));
    expect(sorted(listAfter(reads, 'hasOnly('))).toEqual(keysOf(readMarkerSchema));
    expect(sorted(listAfter(functionBody(firestore, 'isRateLimitStep'), 'hasOnly('))).toEqual(keysOf(rateLimitDocSchema));
    expect(sorted(listAfter(functionBody(firestore, 'isAttachmentRef'), 'hasOnly('))).toEqual(keysOf(attachmentRefSchema));
    expect(sorted(listAfter(functionBody(firestore, 'isAssignmentConfig'), 'hasOnly('))).toEqual(keysOf(assignmentConfigSchema));
    const canned = functionBody(firestore, 'isCannedReply');
    expect(sorted(listAfter(canned, 'hasOnly('))).toEqual(sorted(Object.keys(cannedReplyDocSchema.shape)));
    expect(canned).toContain(`reply.keys().size() == ${Object.keys(cannedReplyDocSchema.shape).length}`);
    expect(sorted(listAfter(functionBody(firestore, 'isSlaConfig'), 'hasOnly('))).toEqual(keysOf(slaConfigSchema));
    expect(sorted(listAfter(functionBody(firestore, 'isHoursByPriority'), 'hasOnly('))).toEqual(sorted(priorities));
  });

  it('lets the customer rate the help as the domain does', () => {
    const rate = functionBody(firestore, 'mayRateTicket');
    expect(sorted(listAfter(rate, 'changed.hasOnly('))).toEqual(sorted([...satisfactionFields, 'updatedAt', 'updatedBy']));
    expect(rate).toContain(`after.satisfaction >= ${SATISFACTION_MIN}`);
    expect(rate).toContain(`after.satisfaction <= ${SATISFACTION_MAX}`);
    expect(rate).toContain(`isText(after.satisfactionComment, ${SATISFACTION_COMMENT_MAX})`);
  });

  it('bounds the service-level targets as the domain does', () => {
    expect(functionBody(firestore, 'isTargetHours')).toContain(`hours <= ${SLA_HOURS_MAX}`);
    expect(functionBody(firestore, 'isSlaConfig')).toContain(`config.autoCloseDays <= ${AUTO_CLOSE_DAYS_MAX}`);
    const hours = functionBody(firestore, 'isHoursByPriority');
    for (const priority of priorities) expect(hours).toContain(`isTargetHours(targets.${priority})`);
  });

  it("spells a presence entry's keys and activities", () => {
    const presence = firestore.slice(firestore.indexOf('match /presence/{ticketId}/viewers/{uid}'));
    expect(sorted(listAfter(presence, 'hasOnly('))).toEqual(sorted(Object.keys(presenceDocSchema.shape)));
    expect(presence).toContain(`keys().size() == ${Object.keys(presenceDocSchema.shape).length}`);
    expect(listAfter(presence, 'request.resource.data.activity in ')).toEqual([...presenceActivities]);
    expect(presence).toContain(`isBoundedString(request.resource.data.displayName, 0, ${DISPLAY_NAME_MAX})`);
  });

  it("spells a canned reply's limits", () => {
    const canned = functionBody(firestore, 'isCannedReply');
    expect(canned).toContain(`isText(reply.title, ${CANNED_TITLE_MAX})`);
    expect(canned).toContain(`isText(reply.body, ${CANNED_BODY_MAX})`);
    expect(canned).toContain(`isBoundedString(reply.category, 0, ${CANNED_CATEGORY_MAX})`);
  });

  it('spells the enums: categories, priorities, assignment strategies', () => {
    expect(quotedStrings(functionBody(firestore, 'isCategory'))).toEqual([...categories]);
    expect(quotedStrings(functionBody(firestore, 'isPriority'))).toEqual([...priorities]);
    expect(listAfter(functionBody(firestore, 'isAssignmentConfig'), 'config.strategy in ')).toEqual([...assignmentStrategies]);
    expect(listAfter(functionBody(firestore, 'isSuggestionOf'), 'ticket.suggestionSource in ')).toEqual([...suggestionSources]);
  });

  it('allows exactly the status moves of the state machine, by the same roles', () => {
    const rows = [...functionBody(firestore, 'isLegalMove').matchAll(/from == '(\w+)' && to == '(\w+)' && r in \[([^\]]*)\]/g)].map(
      ([, from, to, roles]) => `${from}->${to}: ${quotedStrings(roles!).join(',')}`,
    );
    expect(sorted(rows)).toEqual(sorted(statusTransitions.map((t) => `${t.from}->${t.to}: ${t.roles.join(',')}`)));
  });

  it('lets each role change the same ticket fields', () => {
    const body = functionBody(firestore, 'editableTicketFields');
    for (const [role, fields] of Object.entries(editableTicketFields)) {
      expect(sorted(listAfter(body, `'${role}':`)), role).toEqual(sorted(fields));
    }
  });

  it('caps every text at the domain limit', () => {
    const ticket = callArguments(functionBody(firestore, 'isNewTicketOfCaller'), 'isText');
    expect(ticket).toEqual([
      ['ticket.title', String(TITLE_MAX)],
      ['ticket.description', String(DESCRIPTION_MAX)],
    ]);
    expect(callArguments(functionBody(firestore, 'isNewMessageOfCaller'), 'isText')).toEqual([['message.text', String(MESSAGE_MAX)]]);
    const notes = firestore.slice(firestore.indexOf('match /notes/{noteId}'), firestore.indexOf('match /events/{eventId}'));
    expect(callArguments(notes, 'isText')).toEqual([['request.resource.data.text', String(MESSAGE_MAX)]]);
    expect(callArguments(functionBody(firestore, 'isRejectionReasonOk'), 'isText')).toEqual([
      ['after.rejectionReason', String(REJECTION_REASON_MAX)],
    ]);
    expect(callArguments(functionBody(firestore, 'isNewUserDoc'), 'isBoundedString')).toEqual([['user.email', '1', String(EMAIL_MAX)]]);
    expect(callArguments(functionBody(firestore, 'isAttachmentRef'), 'isBoundedString')).toEqual([
      ['ref.name', ...lengthBounds(attachmentRefSchema.shape.name)],
    ]);
    expect(callArguments(functionBody(firestore, 'isRateLimitStep'), 'isBoundedString')).toEqual([
      ['after.lastPath', ...lengthBounds(rateLimitDocSchema.shape.lastPath)],
    ]);
  });

  it('knows blank text, names and ids by the same patterns', () => {
    const [visible] = quotedStrings(functionBody(firestore, 'hasVisibleText'));
    expect(unescapeRulesString(visible!)).toBe(`(?s).*[^${BLANK_CHARACTERS}].*`);
    const name = functionBody(firestore, 'isPersonName');
    expect(unescapeRulesString(quotedStrings(name)[0]!)).toBe(PERSON_NAME_PATTERN);
    expect(name).toContain(`name.size() <= ${DISPLAY_NAME_MAX}`);
    expect(listAfter(name, 'name.lower() in ')).toEqual(RESERVED_NAMES.map((reserved) => reserved.toLowerCase()));
    expect(quotedStrings(functionBody(firestore, 'isDocId'))).toEqual([DOC_ID_PATTERN]);
    const pool = functionBody(firestore, 'isUidList');
    expect(quotedStrings(pool)).toContain(`${DOC_ID_PATTERN}(/${DOC_ID_PATTERN})*`);
    expect(pool).toContain(`uids.size() <= ${ASSIGNMENT_POOL_MAX}`);
  });

  it('lays out the attachment slots, types and sizes of each kind', () => {
    const ref = functionBody(firestore, 'isAttachmentRef');
    const [imageSlots, pdfSlots] = [...ref.matchAll(/ref\.slot in \[([^\]]*)\]/g)].map((match) => quotedStrings(match[1]!));
    expect([...imageSlots!, ...pdfSlots!]).toEqual([...attachmentSlots]);
    expect(listAfter(ref, 'ref.contentType in ')).toEqual([...attachmentKinds.image.contentTypes]);
    expect(ref).toContain(`ref.contentType == '${attachmentKinds.pdf.contentTypes[0]}'`);
    expect(megabytes(ref)).toEqual([attachmentKinds.image.maxBytes, attachmentKinds.pdf.maxBytes]);
    expect(functionBody(firestore, 'areAttachmentRefs')).toContain(`refs.size() <= ${attachmentSlots.length}`);
  });

  it('counts tickets an hour and messages a minute as the domain does', () => {
    const step = functionBody(firestore, 'isRateLimitStep');
    for (const [kind, { max, windowMs }] of Object.entries(rateLimits)) {
      expect(step, kind).toContain(`'${kind}': duration.value(${windowMs / 1000}, 's')`);
      expect(step, kind).toContain(`'${kind}': ${max}`);
    }
  });

  it('opens the same stats documents to all staff', () => {
    expect(sorted(quotedStrings(functionBody(firestore, 'isStaffWideStats')))).toEqual(sorted(staffWideStatsScopes));
  });

  it('pages people by the same bound', () => {
    expect(firestore).toContain(`allow list: if request.query.limit <= ${PEOPLE_QUERY_MAX} && isStaff();`);
  });
});

describe('storage.rules follows the domain', () => {
  it('caps each kind of upload: slots, types and sizes', () => {
    const kinds = functionBody(storage, 'isWithinKindLimits');
    const slots = [...kinds.matchAll(/slot in \[([^\]]*)\]/g)].flatMap((match) => quotedStrings(match[1]!));
    expect(slots).toEqual([...attachmentSlots]);
    expect(listAfter(kinds, 'request.resource.contentType in ')).toEqual([...attachmentKinds.image.contentTypes]);
    expect(kinds).toContain(`request.resource.contentType == '${attachmentKinds.pdf.contentTypes[0]}'`);
    expect(megabytes(kinds)).toEqual([attachmentKinds.image.maxBytes, attachmentKinds.pdf.maxBytes]);
  });

  it('takes uploads only while the ticket is new, for as long as the domain says', () => {
    expect(functionBody(storage, 'isListedUpload')).toContain(`duration.value(${ATTACHMENT_UPLOAD_WINDOW_MS / 3_600_000}, 'h')`);
    const listed = functionBody(storage, 'listsUpload');
    expect((listed.match(/isListedAs\(refs\[\d\], slot\)/g) ?? []).length).toBe(attachmentSlots.length);
  });
});
