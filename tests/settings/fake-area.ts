import type { StorageAreaLike } from '../../lib/settings/store.ts';

/** A storage area in memory that copies on the way in and out, as the real one serialises. */
export function fakeArea(initial: Record<string, unknown> = {}): StorageAreaLike & { data: Record<string, unknown>; writes: number; failWrites: boolean } {
  const area = {
    data: structuredClone(initial),
    writes: 0,
    failWrites: false,
    async get(keys: string | string[] | null) {
      const list = keys === null ? Object.keys(area.data) : Array.isArray(keys) ? keys : [keys];
      const out: Record<string, unknown> = {};
      for (const key of list) if (key in area.data) out[key] = structuredClone(area.data[key]);
      return out;
    },
    async set(items: Record<string, unknown>) {
      if (area.failWrites) throw new Error('QUOTA_BYTES quota exceeded');
      area.writes++;
      Object.assign(area.data, structuredClone(items));
    },
  };
  return area;
}
