import { defineContentScript } from '#imports';
import { runAdapter } from '@/utils/content/runner';
import { useDateKit } from '@/utils/overlay/format';
import { loadDateKit } from '@/utils/overlay/date-kit-storage';
import { loadSettings } from '@/utils/settings';
import { adapterForUrl, SITE_ADAPTERS } from '@/utils/sites/registry';

export default defineContentScript({
  // Whole origins: SPA navigation never re-evaluates path patterns, so routes are checked in code.
  matches: SITE_ADAPTERS.flatMap((a) => a.matches),
  // As soon as the document is parsed: the cards already on the page get chips without waiting for idle time.
  runAt: 'document_end',
  // WXT announces a started script both by a DOM event and, for older WXT versions, by window.postMessage. The
  // post reaches the site's own message listeners and cost 20 ms of the start-up task on a 1,000-card board
  // (bench/trace-board.ts); nothing of ours listens for it, so only the event is sent.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    const adapter = adapterForUrl(location.href);
    if (!adapter) return;
    const [settings, dateKit] = await Promise.all([loadSettings(), loadDateKit(navigator.language)]);
    if (adapter.site in settings.sites && !settings.sites[adapter.site as keyof typeof settings.sites]) return;
    useDateKit(dateKit);
    runAdapter(ctx, adapter);
  },
});
