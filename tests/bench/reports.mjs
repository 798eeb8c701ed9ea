// The Reports page of a desk with 10,000 tickets over 90 days (local backend, bench build):
// the tickets go straight into IndexedDB, an admin rebuilds the stats from them (the same
// handler as the rebuildStats callable), then an agent opens Reports for 90 days. Prints the
// stats documents the page read (it reads no ticket) and the time to the first chart.

/** Seeds `count` tickets spread over the last 90 days, rebuilds the stats; returns how long the rebuild took. */
export async function seedReportsDesk(page, count) {
  const outcome = await page.evaluate(async (count) => {
    const backend = window.__supportDesk;
    const agents = ['demo-sam', 'demo-priya', 'demo-alex'];
    const statuses = ['open', 'in_progress', 'resolved', 'closed', 'rejected'];
    const now = Date.now();
    const span = 90 * 86_400_000 - 3_600_000;
    const rows = Array.from({ length: count }, (_, i) => {
      const createdAt = new Date(now - span + Math.floor((i * span) / count));
      const status = statuses[i % statuses.length];
      const later = (hours) => new Date(Math.min(now, createdAt.getTime() + hours * 3_600_000));
      const responded = status !== 'open';
      const assigneeUid = status === 'open' ? null : agents[i % agents.length];
      // Every field of a ticket document (ticketDocSchema): the rebuild skips a malformed one.
      return {
        id: `reports-ticket-${String(i).padStart(5, '0')}`,
        number: 200_000 + i,
        title: `Reports ticket ${i + 1}`,
        description: 'A ticket of the reports bench.',
        category: ['billing', 'technical', 'account', 'general'][i % 4],
        priority: ['low', 'medium', 'high', 'critical'][i % 4],
        status,
        customerUid: 'demo-maya',
        customerName: 'Maya Chen',
        assigneeUid,
        assigneeName: assigneeUid,
        attachments: [],
        chatLocked: status === 'closed' || status === 'rejected',
        createdAt,
        updatedAt: later(30),
        updatedBy: assigneeUid,
        lastMessageAt: null,
        lastMessageBy: null,
        firstResponseAt: responded ? later((i % 11) + 0.2) : null,
        resolvedAt: status === 'resolved' || status === 'closed' ? later((i % 40) + 1) : null,
        closedAt: status === 'closed' || status === 'rejected' ? later(48) : null,
        rejectionReason: status === 'rejected' ? 'Not ours to fix.' : null,
        followUpOf: null,
        searchTokens: ['reports', String(i + 1)],
        staffLastReadAt: null,
        suggestedCategory: null,
        suggestedPriority: null,
        suggestionSource: null,
      };
    });
    await backend.db.tickets.bulkAdd(rows);
    const started = performance.now();
    const rebuilt = await backend.rebuildStats();
    return { ms: performance.now() - started, ...rebuilt };
  }, count);
  if (outcome.skipped > 0) throw new Error(`the rebuild skipped ${outcome.skipped} of the ${count} seeded tickets as malformed`);
  return outcome.ms;
}

/** Opens Reports (90 days) from another page; the stats documents read and the time until a chart is drawn. */
export async function openReports(page) {
  const before = await page.evaluate(() => window.__supportDesk.stats.statsDocsRead);
  const chartMs = await page.evaluate(async () => {
    const started = performance.now();
    const drawn = new Promise((resolve) => {
      const check = () => {
        if (document.querySelector('.recharts-surface .recharts-bar-rectangle, .recharts-surface path.recharts-rectangle')) {
          resolve(performance.now() - started);
        } else requestAnimationFrame(check);
      };
      check();
    });
    window.history.pushState({}, '', '/reports?range=90d');
    window.dispatchEvent(new PopStateEvent('popstate'));
    return drawn;
  });
  await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
  const read = (await page.evaluate(() => window.__supportDesk.stats.statsDocsRead)) - before;
  const total = await page.getByRole('group', { name: 'Total tickets' }).getByText(/^\d+$/).textContent();
  return { chartMs, read, total };
}
