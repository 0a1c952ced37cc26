// Store load and save with 10,000 interviews (conf engine, JSON Schema validation on every write).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openAppStore } from '../../main/store/open-app-store';
import { confBackend } from '../../main/store/conf-backend';
import { createInterviewRepository } from '../../main/interviews/interview-repository';
import { createMemoryLogger } from '../../main/logging/logger';
import { manyInterviews, seedStore } from '../../tests/support/interview-fixtures';
import { report, reportDurations, timeMany } from './lib/bench-utils';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idesk-bench-store-'));
const interviews = manyInterviews(10_000, Date.now());
seedStore(dir, { interviews });
report('store file size with 10,000 interviews', fs.statSync(path.join(dir, 'interview-desk.json')).size / 1024 / 1024, 'MiB');
const clock = { now: () => Date.now() };
const log = createMemoryLogger();
const opens = await timeMany(5, () => createInterviewRepository(openAppStore({ dataDir: dir, backend: confBackend, clock, log }).store));
reportDurations('open store + load 10,000 interviews', opens);
const repository = createInterviewRepository(openAppStore({ dataDir: dir, backend: confBackend, clock, log }).store);
const one = interviews[42]!;
reportDurations('save one changed interview (whole file, validated, atomic)', await timeMany(20, (i) => repository.put({ ...one, notes: `edit ${i}` })));
fs.rmSync(dir, { recursive: true, force: true });
