#!/usr/bin/env node
// A stand-in system browser for web-mode tests ($BROWSER): opens the consent URL on the Google
// emulator and follows its redirect back to the app's loopback listener, as a person clicking
// "Allow" would. Writes what it did to $FAKE_BROWSER_LOG when set. With $FAKE_BROWSER_FORGE set, a
// forged callback (wrong state) reaches the listener first, as another local process could send.
import fs from 'node:fs';

const url = process.argv[2];
const log = (line) => process.env.FAKE_BROWSER_LOG && fs.appendFileSync(process.env.FAKE_BROWSER_LOG, `${line}\n`);
log(`open ${url}`);
try {
  const first = await fetch(url, { redirect: 'manual' });
  const location = first.headers.get('location');
  if (location && process.env.FAKE_BROWSER_FORGE) {
    const forged = new URL(location);
    forged.searchParams.set('state', 'forged-state');
    const answer = await fetch(forged, { redirect: 'manual' });
    log(`forged ${answer.status}`);
  }
  if (location) {
    const back = await fetch(location, { redirect: 'manual' });
    log(`callback ${back.status}`);
  }
} catch (error) {
  log(`error ${error.message}`);
}
