import { describe, expect, it } from 'vitest';
import { saveFailure } from '../../../src/ui/staff/saveFailure';

describe('a save that got no answer', () => {
  it('says in both languages that the server cannot be reached and the edits are kept, for a real fetch failure', async () => {
    const error: unknown = await fetch('http://127.0.0.1:9/').catch((failure: unknown) => failure);
    expect(saveFailure(error)).toEqual({
      message: { zh: '无法连接服务器，修改仍保留在本机', en: 'Cannot reach the server; your changes are kept on this computer' },
      unreachable: true,
    });
  });

  it('passes other errors on as they are', () => {
    expect(saveFailure(new Error('boom'))).toEqual({ message: { zh: 'boom', en: 'boom' }, unreachable: false });
  });
});
