import { defineContentScript } from '#imports';
import { runAdapter } from '@/utils/content/runner';
import { loadSettings } from '@/utils/settings';
import { adapterForUrl, SITE_ADAPTERS } from '@/utils/sites/registry';

export default defineContentScript({
  // Whole origins: SPA navigation never re-evaluates path patterns, so routes are checked in code.
  matches: SITE_ADAPTERS.flatMap((a) => a.matches),
  // As soon as the document is parsed: the cards already on the page get chips without waiting for idle time.
  runAt: 'document_end',
  async main(ctx) {
    const adapter = adapterForUrl(location.href);
    if (!adapter) return;
    const settings = await loadSettings();
    if (adapter.site in settings.sites && !settings.sites[adapter.site as keyof typeof settings.sites]) return;
    runAdapter(ctx, adapter);
  },
});
