import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, loadSettings, settingsItem } from '@/utils/settings';

beforeEach(() => fakeBrowser.reset());

describe('settings', () => {
  it('defaults when nothing is stored', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps valid stored values', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, reviewMarginDays: 2, workingDays: [0, 1, 2, 3, 4] });
    expect(await loadSettings()).toMatchObject({ reviewMarginDays: 2, workingDays: [0, 1, 2, 3, 4] });
  });

  it('falls back to the defaults when the stored value is corrupt', async () => {
    await fakeBrowser.storage.local.set({ settings: 'garbage' });
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('repairs a partly corrupt value field by field, keeping what is valid', async () => {
    await fakeBrowser.storage.local.set({ settings: { version: 1, targets: 'high', letGo: false, reviewMarginDays: 3 } });
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, letGo: false, reviewMarginDays: 3 });
  });
});
