import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { googleForFile } from '../../support/google-for-file';
import { eventually, googleServices } from '../../support/google-harness';
import { memorySecretStore } from '../../support/test-services';
import { makeTempDir } from '../../support/temp-dir';
import { icsAttachment } from '../../support/mail-harness';
import { parseWithIcalJs } from '../../support/ics-check';
import { dispatchCall } from '../../../main/app/dispatch-call';
import { createMemoryLogger } from '../../../main/logging/logger';
import { eventIdFor } from '../../../main/google/calendar/event-mapping';
import { browserOnlyLauncher } from '../../../main/meet/meet-launcher';
import type { Interview } from '../../../preload/shared/contract/interview-schema';

const phish = 'http://evil.example/phish';

describe('hostile Google: a conference link that is not Meet (emulator + SMTP sink)', () => {
  const { g, sink } = googleForFile({ smtp: true });

  it('an edited entry point is never stored, mailed, put in an invite or opened; the room is told why', async () => {
    const temp = makeTempDir();
    const services = googleServices(g, temp.dir, {
      keychainService: 'unused',
      secrets: memorySecretStore(),
      smtp: sink,
      overrides: {
        tuning: { mail: { backoffMs: [30, 60, 90], maxAttempts: 4 } },
      },
    });
    const call = (name: string, input?: unknown) => dispatchCall(services.handlers, name, input, createMemoryLogger());
    try {
      expect(await call('account:connect')).toMatchObject({ ok: true });
      const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
      const scheduled = (await call('interviews:schedule', {
        candidateName: 'Ada',
        candidateEmail: 'ada@example.com',
        jobTitle: 'Engineer',
        date: day,
        time: '10:00',
        timeZone: 'UTC',
        durationMinutes: 30,
        acceptConflicts: true,
      })) as { value: Interview };
      const id = scheduled.value.id;
      await eventually(() => expect(sink.received).toHaveLength(2), 8_000);
      const meetLink = services.interviews.get(id).meetLink!;
      expect(meetLink).toMatch(/^https:\/\/meet\.google\.com\//);

      // Someone with edit rights on the calendar swaps the conference for a link of their own.
      g.calendar.replaceConferenceAsUser(eventIdFor(id), phish);
      expect(g.calendar.peek(eventIdFor(id))).toMatchObject({ conferenceData: { entryPoints: [{ uri: phish }] } });

      // Reschedule: Google's answer to the patch carries the foreign link.
      expect(
        await call('interviews:reschedule', {
          id,
          date: day,
          time: '11:00',
          timeZone: 'UTC',
          durationMinutes: 30,
          acceptConflicts: true,
        }),
      ).toMatchObject({ ok: true });
      await eventually(() =>
        expect(services.interviews.get(id).google).toMatchObject({ state: 'synced', unusableMeetLink: true }),
      );
      // Then a sync reads the same event again.
      await services.calendar.sync();
      const room = services.interviews.get(id);
      expect(room.meetLink).toBeUndefined();
      expect(room.google?.unusableMeetLink).toBe(true);
      expect(JSON.stringify(await call('interviews:get', id))).not.toContain('evil.example');

      // No email carries it; the update waits for a usable link instead of going out.
      await new Promise((r) => setTimeout(r, 300));
      for (const mail of sink.received) {
        expect(mail.raw).not.toContain('evil.example');
        const invite = parseWithIcalJs(icsAttachment(mail));
        expect(invite.location === '' || invite.location === meetLink).toBe(true);
      }

      // Nothing opens it: the join handler finds no link, and the browser opener refuses it outright.
      expect(await call('interviews:join', { id, via: 'browser' })).toMatchObject({ ok: false });
      const opened: string[] = [];
      await expect(browserOnlyLauncher(async (url) => void opened.push(url)).openInBrowser(phish)).rejects.toThrow(
        /no usable Google Meet link/,
      );
      expect(opened).toEqual([]);

      // Never written to disk either.
      const files = fs.readdirSync(temp.dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
      for (const file of files)
        expect(fs.readFileSync(path.join(file.parentPath, file.name), 'utf8')).not.toContain('evil.example');

      // Pasting a real Meet link clears the state and the held update goes out with it.
      expect(
        await call('interviews:setMeetLink', { id, meetLink: 'https://meet.google.com/abc-defg-hij' }),
      ).toMatchObject({ ok: true });
      await eventually(() => expect(sink.received.some((m) => m.raw.includes('abc-defg-hij'))).toBe(true), 8_000);
      for (const mail of sink.received) expect(mail.raw).not.toContain('evil.example');
    } finally {
      await services.dispose();
      temp.cleanup();
    }
  });
});
