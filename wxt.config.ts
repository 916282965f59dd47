import { defineConfig } from 'wxt';
import { outputRoot } from './build/output-dir.ts';
import { formatSizes, measureScripts } from './scripts/bundle-size.ts';
import { REQUEST_MODEL_ASSET, REQUEST_MODEL_SOURCE, requestModelPlaceholder } from './build/request-model-asset.ts';

// See https://wxt.dev/api/config.html
export default defineConfig({
  outDir: outputRoot(),
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: {
    name: 'Step Ahead',
    description:
      'Checks Gmail replies against your support team’s correspondence rules and keeps every ETA you promise.',
    permissions: ['storage', 'alarms', 'notifications'],
    host_permissions: ['https://mail.google.com/*'],
    // Firefox needs a stable add-on id for storage and for signing.
    browser_specific_settings: { gecko: { id: 'step-ahead@step-ahead.extension' } },
    // The Gmail content script reads the question model from the package (bundle budget;
    // build/request-model-asset.ts). Only Gmail's pages may load it.
    // use_dynamic_url (Chrome) changes the file's URL every session, so a page cannot probe a
    // fixed chrome-extension:// address to learn that Step Ahead is installed.
    web_accessible_resources: [
      { resources: [REQUEST_MODEL_ASSET], matches: ['https://mail.google.com/*'], use_dynamic_url: true },
    ],
    // Scaffolds from the keyboard (issue 5), rebindable at chrome://extensions/shortcuts or
    // about:addons. The Gmail script answers the same keys inside a compose when the browser
    // did not take them (entrypoints/gmail.content/scaffold-actions.ts).
    commands: {
      'open-scaffold-picker': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: 'Insert a scaffold into the Gmail draft (opens the picker)',
      },
      'insert-full-reply': {
        suggested_key: { default: 'Alt+Shift+R' },
        description: 'Insert the full-reply scaffold into the Gmail draft',
      },
      'next-placeholder': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: 'Select the next placeholder in the Gmail draft',
      },
    },
  },
  hooks: {
    // Team policy (issue 8): Chrome reads an extension's enterprise policy only when the
    // manifest declares its schema. Firefox takes managed storage from a native manifest
    // instead and warns about the key, so it is added for Chromium builds only.
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.browser !== 'firefox') manifest.storage = { managed_schema: 'managed-schema.json' };
    },
    'build:done': (wxt) => {
      // Every build shows what each script costs; the Gmail one has a budget (issue 4).
      console.log(`\nGzipped scripts in ${wxt.config.outDir}:\n${formatSizes(measureScripts(wxt.config.outDir))}\n`);
    },
    'build:publicAssets': (_wxt, files) => {
      files.push({ absoluteSrc: REQUEST_MODEL_SOURCE, relativeDest: REQUEST_MODEL_ASSET });
    },
    'vite:build:extendConfig': (entrypoints, viteConfig) => {
      if (!entrypoints.some((entrypoint) => entrypoint.name === 'gmail')) return;
      viteConfig.plugins = [...(viteConfig.plugins ?? []), requestModelPlaceholder()];
    },
  },
});
