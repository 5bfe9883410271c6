import { describe, expect, it, vi } from 'vitest';
import { restrictToExtension } from '../../../lib/app/storage-access';

describe('restrictToExtension', () => {
  it('closes local and sync to content scripts where the browser can, and never throws', async () => {
    const local = { setAccessLevel: vi.fn().mockResolvedValue(undefined) };
    const sync = { setAccessLevel: vi.fn().mockRejectedValue(new Error('Only supported for session storage')) };
    expect(await restrictToExtension({ local, sync })).toEqual(['local']);
    expect(local.setAccessLevel).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
    expect(sync.setAccessLevel).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
    // A browser without the method (Firefox for these areas).
    expect(await restrictToExtension({ local: {}, sync: undefined })).toEqual([]);
  });
});
