import { defineConfig } from 'wxt';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: {
    name: 'Step Ahead',
    description:
      'Checks Gmail replies against your support team’s correspondence rules and keeps every ETA you promise.',
    permissions: ['storage', 'alarms', 'notifications'],
    host_permissions: ['https://mail.google.com/*'],
    // Firefox needs a stable add-on id for storage and for signing.
    browser_specific_settings: { gecko: { id: 'step-ahead@step-ahead.extension' } },
  },
});
