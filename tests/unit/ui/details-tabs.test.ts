import { describe, expect, it } from 'vitest';
import { DETAILS_TABS, tabForKey } from '../../../src/ui/panels/details/tabs';

const TABS = DETAILS_TABS.map((tab) => tab.id);

describe('The details tab list', () => {
  it('moves right and left with the arrows, wrapping at the ends', () => {
    expect(tabForKey(TABS, 'inspector', 'ArrowRight')).toBe('etcd');
    expect(tabForKey(TABS, 'inspector', 'ArrowLeft')).toBe('access');
    expect(tabForKey(TABS, 'access', 'ArrowRight')).toBe('inspector');
  });

  it('jumps to the ends with Home and End, and ignores other keys', () => {
    expect(tabForKey(TABS, 'watch', 'Home')).toBe('inspector');
    expect(tabForKey(TABS, 'watch', 'End')).toBe('access');
    expect(tabForKey(TABS, 'watch', 'ArrowDown')).toBeUndefined();
  });
});
