import { cannedTriggerBefore, fillPlaceholders, type CannedReply, type PlaceholderValues } from '@domain';
import { useId, useRef, useState, type KeyboardEvent, type RefObject, type SyntheticEvent } from 'react';
import { cannedOptionId, cannedRepliesMatching } from './CannedReplyPicker';
import { useCannedReplies } from './useCannedReplies';

interface Insertion {
  /** The textarea's ref: the caret decides whether the picker is open. */
  readonly inputRef: RefObject<HTMLTextAreaElement | null>;
  /** Spread onto the textarea: follows the caret, drives the picker from the keyboard. */
  readonly inputProps: {
    readonly onSelect: (event: SyntheticEvent<HTMLTextAreaElement>) => void;
    readonly 'aria-controls'?: string;
    readonly 'aria-activedescendant'?: string;
    readonly 'aria-autocomplete': 'list';
  };
  /**
   * The composer's keydown first offers the key here: true when the picker took it (arrows,
   * Enter, Tab, Escape while open), so Enter inserts rather than sends.
   */
  readonly onKeyDown: (event: KeyboardEvent<HTMLTextAreaElement>) => boolean;
  /** Called with every change of the draft, with the caret where the change left it. */
  readonly onDraftChange: (caret: number) => void;
  /** Null while the picker is closed. */
  readonly picker: {
    readonly id: string;
    readonly replies: CannedReply[];
    readonly active: number;
    readonly loading: boolean;
    readonly onPick: (reply: CannedReply) => void;
  } | null;
}

/**
 * Canned replies in the composer, for staff: typing "::" (anywhere) or "/" (at the start of
 * a line) opens a picker searched by what follows; picking one puts its body in place of the
 * trigger, placeholders filled by the domain for this ticket and agent.
 */
export function useCannedReplyInsertion(
  enabled: boolean,
  draft: string,
  setDraft: (text: string) => void,
  values: PlaceholderValues,
): Insertion {
  const pickerId = useId();
  const inputRef = useRef<HTMLTextAreaElement | null>(null);
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  // Escape closes the picker for this trigger; typing another one opens it again.
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const replies = useCannedReplies({ enabled });

  const trigger = enabled ? cannedTriggerBefore(draft, Math.min(caret, draft.length)) : null;
  const open = trigger !== null && trigger.start !== dismissedAt;
  const matching = open ? cannedRepliesMatching(replies.data ?? [], trigger.query) : [];
  const highlighted = Math.min(active, Math.max(0, matching.length - 1));

  const pick = (reply: CannedReply) => {
    if (!trigger) return;
    const text = fillPlaceholders(reply.body, values);
    const end = Math.min(caret, draft.length);
    const next = draft.slice(0, trigger.start) + text + draft.slice(end);
    const at = trigger.start + text.length;
    setDraft(next);
    setCaret(at);
    setActive(0);
    requestAnimationFrame(() => {
      inputRef.current?.focus();
      inputRef.current?.setSelectionRange(at, at);
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!open) return false;
    switch (event.key) {
      case 'ArrowDown':
        setActive((highlighted + 1) % Math.max(1, matching.length));
        break;
      case 'ArrowUp':
        setActive((highlighted - 1 + matching.length) % Math.max(1, matching.length));
        break;
      case 'Enter':
      case 'Tab': {
        const reply = matching[highlighted];
        if (!reply) return false;
        pick(reply);
        break;
      }
      case 'Escape':
        setDismissedAt(trigger.start);
        break;
      default:
        return false;
    }
    event.preventDefault();
    return true;
  };

  return {
    inputRef,
    inputProps: {
      onSelect: (event) => setCaret(event.currentTarget.selectionStart),
      'aria-controls': open && matching.length > 0 ? pickerId : undefined,
      'aria-activedescendant': open && matching.length > 0 ? cannedOptionId(pickerId, highlighted) : undefined,
      'aria-autocomplete': 'list',
    },
    onKeyDown,
    onDraftChange: (at) => {
      setCaret(at);
      setActive(0);
    },
    picker: open ? { id: pickerId, replies: matching, active: highlighted, loading: replies.isPending, onPick: pick } : null,
  };
}
