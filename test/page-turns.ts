/**
 * Runs the work while a stand-in for the page logs 'page' in every task of its own, from the next task until the
 * work is done: where the work yields to the page, and where it does not.
 */
export async function withPageTicking(log: string[], work: () => Promise<void>): Promise<void> {
  let ticking = true;
  const tick = () => {
    if (!ticking) return;
    log.push('page');
    setTimeout(tick, 0);
  };
  // The work starts first: a timer it sets at once runs before the page's first turn.
  const done = work();
  setTimeout(tick, 0);
  try {
    await done;
  } finally {
    ticking = false;
  }
}
