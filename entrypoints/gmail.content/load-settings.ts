import { DEFAULT_SETTINGS, type Settings } from '../../lib/schemas/settings.ts';

/**
 * The settings the checks run with. Defaults until the options page lands; then this one
 * function reads (and validates) the stored ones, and nothing else changes.
 */
export async function loadSettings(): Promise<Settings> {
  return DEFAULT_SETTINGS;
}
