// Lighthouse (12.2.3, its default mobile settings and simulated throttling) on the sign-in
// page, fresh, and on an agent's queue, signed in: the same tab keeps its session (the
// local backend keeps it per tab), with the HTTP cache and the service worker's cleared so the
// load is cold.
import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';

const flags = { output: 'json', logLevel: 'error', onlyCategories: ['performance'] };

function summary(lhr) {
  const ms = (id) => lhr.audits[id]?.numericValue ?? NaN;
  return {
    score: Math.round((lhr.categories.performance.score ?? 0) * 100),
    fcp: ms('first-contentful-paint'),
    lcp: ms('largest-contentful-paint'),
    tbt: ms('total-blocking-time'),
    cls: ms('cumulative-layout-shift'),
    si: ms('speed-index'),
    bytes: ms('total-byte-weight'),
  };
}

export async function lighthouseRuns(base, chromiumPath) {
  const browser = await puppeteer.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const fresh = await browser.newPage();
    const signIn = await lighthouse(`${base}/`, flags, undefined, fresh);

    const agent = await browser.newPage();
    await agent.goto(base);
    await agent.locator('button[aria-label="Continue as Sam Rivera (agent)"]').click();
    await agent.locator('button[aria-label="SR Sam Rivera (agent), account"]').wait();
    // Cold: nothing cached, neither by HTTP nor by the app's service worker (which the sign-in
    // just registered and filled); the tab's session and IndexedDB stay.
    const cdp = await agent.createCDPSession();
    await cdp.send('Network.clearBrowserCache');
    await cdp.send('Storage.clearDataForOrigin', { origin: new URL(base).origin, storageTypes: 'service_workers,cache_storage' });
    const queue = await lighthouse(`${base}/queue`, { ...flags, disableStorageReset: true }, undefined, agent);
    return { signIn: summary(signIn.lhr), queue: summary(queue.lhr) };
  } finally {
    await browser.close();
  }
}
