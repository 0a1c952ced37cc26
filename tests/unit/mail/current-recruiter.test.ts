import { describe, expect, it } from 'vitest';
import { currentRecruiter } from '../../../main/mail/current-recruiter';

const saved = { recruiterName: 'Rita Recruiter', recruiterEmail: 'rita@example.com' };

describe('who the recruiter is', () => {
  it('is the connected account, named by its address when Google gave no name, whatever Settings say', () => {
    const status = { state: 'connected', email: 'r@acme.test', name: 'R. Acme' } as const;
    expect(currentRecruiter(status, saved)).toEqual({ name: 'R. Acme', email: 'r@acme.test' });
    expect(currentRecruiter({ ...status, name: '' }, saved)).toEqual({ name: 'r@acme.test', email: 'r@acme.test' });
    expect(currentRecruiter({ ...status, state: 'needs_reconnect' }, saved)?.email).toBe('r@acme.test');
  });

  it('is the name and address in Settings without an account, and nobody until both are there', () => {
    const status = { state: 'disconnected' } as const;
    expect(currentRecruiter(status, saved)).toEqual({ name: 'Rita Recruiter', email: 'rita@example.com' });
    expect(currentRecruiter(status, { ...saved, recruiterEmail: '' })).toBeNull();
    expect(currentRecruiter(status, { ...saved, recruiterName: '' })).toBeNull();
  });
});
