import { replyLandedSince, type ChatMessage } from '@domain';
import { useState } from 'react';

/**
 * Since when this agent has been typing the reply in the composer (null while it is empty),
 * and the staff reply by someone else that landed meanwhile, if any: the composer asks
 * before sending so two agents do not answer the same customer twice.
 */
export function useReplyCollision(messages: readonly ChatMessage[], draft: string, myUid: string) {
  const typing = draft.trim() !== '';
  const [since, setSince] = useState<Date | null>(() => (typing ? new Date() : null));
  if (typing && since === null) setSince(new Date());
  if (!typing && since !== null) setSince(null);
  return {
    /** The other staff reply that landed since typing began, checked when the agent sends. */
    landedSinceTyping: (): ChatMessage | undefined => (since === null ? undefined : replyLandedSince(messages, since, myUid)),
  };
}

/** "Priya Nair replied 20 s ago": how long ago a message landed, in seconds or minutes. */
export function repliedAgo(message: ChatMessage, now: Date = new Date()): string {
  const seconds = Math.max(0, Math.round((now.getTime() - message.createdAt.getTime()) / 1000));
  const ago = seconds < 90 ? `${seconds} s` : `${Math.round(seconds / 60)} min`;
  return `${message.authorName} replied ${ago} ago`;
}
