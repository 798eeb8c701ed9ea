// Chat between two pages of the app, measured in the pages themselves (performance.now() on
// the shared clock of one machine): the sender's window.__supportDesk sends, the receiver's
// DOM shows. Works for any backend, and for pages in one browser context or two.
/** Records, in the receiver, when each `${tag}-${n}` message first shows in the chat. */
export async function watchArrivals(receiver, tag) {
  await receiver.evaluate((tag) => {
    const arrivals = new Map();
    window.__arrivals = arrivals;
    const pattern = new RegExp(`^${tag}-(\\d+)$`);
    const look = () => {
      const at = performance.timeOrigin + performance.now();
      for (const item of document.querySelectorAll('[aria-label="Messages"] li p')) {
        const match = pattern.exec(item.textContent ?? '');
        if (match && !arrivals.has(Number(match[1]))) arrivals.set(Number(match[1]), at);
      }
    };
    new MutationObserver(look).observe(document.body, { childList: true, subtree: true, characterData: true });
  }, tag);
}

export const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/** p50 and p95 of some latencies. */
export function percentiles(latencies) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
}

/** Sends `count` messages one after another, each once the previous one showed. */
export async function chatLatency(sender, receiver, ticketId, count, tag = 'bench') {
  return percentiles(await chatLatencies(sender, receiver, ticketId, count, tag));
}

/** Each of `count` messages sent one after another, from send to shown (ms), in order. */
export async function chatLatencies(sender, receiver, ticketId, count, tag = 'bench') {
  await watchArrivals(receiver, tag);
  const latencies = [];
  for (let n = 1; n <= count; n++) {
    const sentAt = await sender.evaluate(
      ({ ticketId, text }) => {
        const at = performance.timeOrigin + performance.now();
        window.__supportDesk.sendMessage(ticketId, { text });
        return at;
      },
      { ticketId, text: `${tag}-${n}` },
    );
    await receiver.waitForFunction((n) => window.__arrivals.has(n), n, { polling: 'raf' });
    latencies.push((await receiver.evaluate((n) => window.__arrivals.get(n), n)) - sentAt);
  }
  return latencies;
}

/**
 * Sends `count` messages in a row and waits until the receiver holds all of them (its chat
 * data, as the list may be scrolled past some) and shows the last: the time that took.
 */
export async function chatBurst(sender, receiver, ticketId, count, tag = 'burst') {
  await watchArrivals(receiver, tag);
  await receiver.evaluate(
    ({ ticketId, tag, count }) => {
      window.__burstHeld = new Promise((resolve) => {
        window.__supportDesk.subscribeChat(ticketId, 1, (page) => {
          const held = page.messages.filter((m) => m.text.startsWith(`${tag}-`) && m.delivery === 'sent').length;
          if (held === count) resolve(performance.timeOrigin + performance.now());
        }, () => {});
      });
    },
    { ticketId, tag, count },
  );
  const startedAt = await sender.evaluate(
    ({ ticketId, tag, count }) => {
      const at = performance.timeOrigin + performance.now();
      for (let n = 1; n <= count; n++) window.__supportDesk.sendMessage(ticketId, { text: `${tag}-${n}` });
      return at;
    },
    { ticketId, tag, count },
  );
  // A loaded machine (the emulators run every message's triggers) can take a while.
  await receiver.waitForFunction((count) => window.__arrivals.has(count), count, { polling: 'raf', timeout: 180_000 });
  const held = await receiver.evaluate(() => window.__burstHeld);
  const shownAt = Math.max(held, await receiver.evaluate((count) => window.__arrivals.get(count), count));
  const ms = shownAt - startedAt;
  return { ms, perSecond: (count / ms) * 1000 };
}
