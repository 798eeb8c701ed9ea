/**
 * The tab's clock for what it writes: dates strictly increase within a tab, so "newest
 * first" is never a tie.
 */
export function tabClock(): () => Date {
  let lastTime = 0;
  return () => {
    lastTime = Math.max(Date.now(), lastTime + 1);
    return new Date(lastTime);
  };
}
