import { StepAheadDb } from '../background/db.ts';

// The popup reads the database itself: it has the background's origin, so it opens the same
// IndexedDB, and Dexie's live queries redraw it when the background writes (Dexie tells
// other contexts of the origin through a BroadcastChannel). No message round trip stands
// between a click on the toolbar and the first list. Changes still go through the
// background (utils/messaging.ts), which owns the alarm, the notifications and the badge.

let db: StepAheadDb | undefined;

export function popupDb(): StepAheadDb {
  db ??= new StepAheadDb();
  return db;
}
