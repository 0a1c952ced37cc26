import { afterEach, describe, expect, it } from 'vitest';
import { createDeepLinkRouter } from '../../../main/deep-links/deep-link-router';
import { createEventHub } from '../../../main/shared/event-hub';
import { makeTempDir } from '../../support/temp-dir';
import { servicesFor } from '../../support/test-services';
import { fixedClock } from '../../support/fixed-clock';

describe('deep-link router (main/deep-links/deep-link-router)', () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => cleanups.splice(0).forEach((c) => c()));

  function setup() {
    const temp = makeTempDir();
    cleanups.push(temp.cleanup);
    const clock = fixedClock('2030-01-10T08:00:00.000Z');
    const services = servicesFor(temp.dir, { clock });
    cleanups.push(() => void services.dispose());
    const events = createEventHub();
    const navigations: unknown[] = [];
    events.listen((name, payload) => name === 'app:navigate' && navigations.push(payload));
    return {
      router: createDeepLinkRouter({ clock, interviews: services.interviews, copies: services.copies, events }),
      services,
      navigations,
    };
  }

  it('refuses a link that is not ours, and a non-join link where an invitation is expected, on the link field', () => {
    const { router, navigations } = setup();
    expect(() => router.open('https://example.com/')).toThrow(
      expect.objectContaining({ code: 'invalid_input', field: 'link' }),
    );
    for (const call of [router.preview, router.confirmJoin]) {
      expect(() => call('interview-desk://device-check')).toThrow(
        expect.objectContaining({ field: 'link', message: 'That is not an invitation link.' }),
      );
    }
    expect(navigations).toEqual([]);
  });

  it('routes a join link to its preview, then, once confirmed, to the saved interview', () => {
    const { router, services, navigations } = setup();
    const link = 'interview-desk://join?meet=abc-defg-hij&start=2030-01-12T09%3A00%3A00.000Z&title=Interview';
    expect(router.open(link)).toEqual({ screen: 'join-preview', link });
    const saved = router.confirmJoin(link);
    expect(router.preview(link)).toMatchObject({ savedId: saved.id });
    expect(router.open(link)).toEqual({ screen: 'interview', id: saved.id });
    expect(navigations).toEqual([
      { screen: 'join-preview', link },
      { screen: 'interview', id: saved.id },
    ]);
    expect(services.interviews.list()).toHaveLength(1);
  });
});
