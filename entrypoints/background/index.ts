// The background owns the database, alarms and notifications (see DESIGN.md §4). Those
// features land with the reminders issue; for now it only marks a fresh install so the
// options page can greet a new user.
export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.storage.local.set({ installedAt: Date.now() });
  });
});
