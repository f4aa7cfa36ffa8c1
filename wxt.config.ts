import { defineConfig } from 'wxt';

// Leeway's build configuration. Permissions are kept minimal; each one is justified in README.md.
export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  // The Firefox sources zip is for AMO's reviewers to rebuild from. Playwright's leftovers from a local test run
  // (whole browser profiles, with the extension's IndexedDB) are no sources: they had made it 21 MB.
  zip: { excludeSources: ['test-results/**', 'playwright-report/**'] },
  manifest: ({ browser }) => ({
    name: 'Leeway — buffer deadlines for contractors',
    short_name: 'Leeway',
    description:
      'Tell contractors an earlier date than your client’s, sized from their track record. Reliability badges on Trello, Asana and Upwork.',
    permissions: ['storage', 'contextMenus', 'activeTab', 'alarms', 'notifications'],
    action: { default_title: 'Leeway' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'leeway@leeway.invalid',
              strict_min_version: '115.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
