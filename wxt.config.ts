import { defineConfig } from 'wxt';

// Leeway's build configuration. Permissions are kept minimal; each one is justified in README.md.
export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
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
