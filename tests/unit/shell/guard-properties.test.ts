import { beforeEach, describe, expect, it } from 'vitest';
import { FakeWebContents, resetFakeElectron, session } from '../../fakes/electron';
import { decideNavigation, guardWebContents } from '../../../main/shell/web-contents-guard';
import { meetNavigationPolicy, meetPartition } from '../../../main/shell/meet-window';
import { isAppUrl, isMeetWindowUrl } from '../../../main/security/url-policy';
import { createMemoryLogger } from '../../../main/logging/logger';
import { anyUrl, assertProperty, oracleMayOpen } from '../../support/hostile-urls';

describe('navigation guard fails closed (fake electron, fast-check)', () => {
  beforeEach(() => resetFakeElectron());

  it('a malformed mailto is prevented and refused, in both will-navigate and window.open', () => {
    const opened: string[] = [];
    const contents = new FakeWebContents();
    guardWebContents(contents as never, { openExternal: (u) => opened.push(u), log: createMemoryLogger() });
    expect(() => contents.navigate('will-navigate', 'mailto:%E0%A4%A')).not.toThrow();
    expect(contents.navigate('will-navigate', 'mailto:%E0%A4%A')).toBe(true);
    expect(contents.windowOpenHandler!({ url: 'mailto:%E0%A4%A' })).toEqual({ action: 'deny' });
    expect(opened).toEqual([]);
  });

  it('a policy or opener that throws still ends in a refusal, never an exception', () => {
    expect(
      decideNavigation('https://meet.google.com/', () => {
        throw new Error('boom');
      }),
    ).toBe('deny');
    expect(decideNavigation(undefined, () => true)).toBe('deny');
    const contents = new FakeWebContents();
    guardWebContents(contents as never, {
      openExternal: () => {
        throw new Error('no browser');
      },
      log: createMemoryLogger(),
      navigationPolicy: () => () => {
        throw new Error('policy bug');
      },
    });
    expect(contents.navigate('will-navigate', 'https://meet.google.com/abc-defg-hij')).toBe(true);
    expect(contents.windowOpenHandler!({ url: 'https://meet.google.com/abc-defg-hij' })).toEqual({ action: 'deny' });
  });

  it('never throws, never lets a forbidden page load, never opens a forbidden URL', () => {
    const opened: string[] = [];
    const app = new FakeWebContents();
    guardWebContents(app as never, { openExternal: (u) => opened.push(u), log: createMemoryLogger() });
    const meet = new FakeWebContents();
    meet.session = session.fromPartition(meetPartition);
    guardWebContents(meet as never, {
      openExternal: (u) => opened.push(u),
      log: createMemoryLogger(),
      navigationPolicy: meetNavigationPolicy as never,
    });
    assertProperty(
      'guard on arbitrary URLs (app and Meet window, navigate, redirect, window.open)',
      anyUrl,
      (url) => {
        for (const kind of ['will-navigate', 'will-redirect'] as const) {
          if (!app.navigate(kind, url)) expect(isAppUrl(url), url).toBe(true);
          if (!meet.navigate(kind, url)) expect(isMeetWindowUrl(url), url).toBe(true);
        }
        expect(app.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
        expect(meet.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
        for (const sent of opened.splice(0)) expect(oracleMayOpen(sent), sent).toBe(true);
      },
      4_000,
    );
  });
});
