import { describe, expect, it } from 'vitest';
import { messageSigner, overlapList } from '../../../../renderer/schedule/schedule-preview';
import { formatDateTime } from '../../../../renderer/common/format';
import { defaultSettings } from '../../../../preload/shared/contract/settings-schema';

describe('messageSigner', () => {
  const settings = { ...defaultSettings(), recruiterName: 'Rita from Settings' };
  it('signs with the Google account first, its email when it has no name', () => {
    expect(messageSigner({ state: 'connected', email: 'g@example.com', name: 'Gina' }, settings, 'typed')).toBe('Gina');
    expect(messageSigner({ state: 'needs_reconnect', email: 'g@example.com', name: '' }, settings, 'typed')).toBe(
      'g@example.com',
    );
  });
  it('then with the name in Settings, then with the name being typed', () => {
    expect(messageSigner({ state: 'disconnected' }, settings, 'typed')).toBe('Rita from Settings');
    expect(messageSigner({ state: 'disconnected' }, { ...settings, recruiterName: '' }, 'typed')).toBe('typed');
  });
});

describe('overlapList', () => {
  it('names each overlapped interview with its job and start in the given zone, one after another', () => {
    const grace = { id: 'a', candidateName: 'Grace Hopper', jobTitle: 'Compiler Engineer', durationMinutes: 60 };
    const alan = { id: 'b', candidateName: 'Alan Turing', jobTitle: 'Researcher', durationMinutes: 30 };
    const list = overlapList(
      [
        { ...grace, startUtc: '2030-03-04T09:00:00.000Z' },
        { ...alan, startUtc: '2030-03-04T09:30:00.000Z' },
      ],
      'Asia/Tokyo',
    );
    expect(list).toBe(
      `Grace Hopper (Compiler Engineer, ${formatDateTime('2030-03-04T09:00:00.000Z', 'Asia/Tokyo')}); ` +
        `Alan Turing (Researcher, ${formatDateTime('2030-03-04T09:30:00.000Z', 'Asia/Tokyo')})`,
    );
    // In the form's zone, not the machine's: 09:00 UTC is 18:00 in Tokyo.
    expect(list).toMatch(/18:00|6:00/);
  });
});
