import { defineContentScript } from '#imports';
import { runAdapter } from '@/utils/content/runner';
import { loadSettings } from '@/utils/settings';
import { adapterForUrl, SITE_ADAPTERS } from '@/utils/sites/registry';

export default defineContentScript({
  // Whole origins: SPA navigation never re-evaluates path patterns, so routes are checked in code.
  matches: SITE_ADAPTERS.flatMap((a) => a.matches),
  runAt: 'document_idle',
  async main(ctx) {
    const adapter = adapterForUrl(location.href);
    if (!adapter) return;
    const settings = await loadSettings();
    if (adapter.site in settings.sites && !settings.sites[adapter.site as keyof typeof settings.sites]) return;
    runAdapter(ctx, adapter);
  },
});
