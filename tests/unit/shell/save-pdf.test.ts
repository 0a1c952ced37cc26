import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrowserWindow, dialog, resetFakeElectron } from '../../fakes/electron';
import { createPdfSaver } from '../../../main/shell/save-pdf';
import { DeskFailure } from '../../../main/shared/desk-failure';
import { makeTempDir } from '../../support/temp-dir';

describe('Save as PDF in the desktop app', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let window: BrowserWindow;
  beforeEach(() => {
    resetFakeElectron();
    temp = makeTempDir();
    window = new BrowserWindow({});
    window.webContents.url = 'app://interview-desk/index.html#/debrief/x';
  });
  afterEach(() => temp.cleanup());
  const save = createPdfSaver(() => window as unknown as Electron.BrowserWindow);

  it('asks where, suggesting the name in Documents, then prints the window there for its owner only', async () => {
    const file = path.join(temp.dir, 'debrief.pdf');
    dialog.savePaths = [file];
    expect(await save('Debrief - Ada Lovelace.pdf')).toEqual({ saved: true, path: file });
    expect(dialog.shown.at(-1)).toMatchObject({
      defaultPath: path.join('/tmp/interview-desk-fake', 'Debrief - Ada Lovelace.pdf'),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    expect(window.webContents.printed).toEqual([{ printBackground: true, pageSize: 'A4' }]);
    expect(fs.readFileSync(file, 'utf8')).toBe('%PDF-1.7 app://interview-desk/index.html#/debrief/x');
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('makes an existing file readable by others private when it saves over it, leaving nothing beside it', async () => {
    const file = path.join(temp.dir, 'debrief.pdf');
    fs.writeFileSync(file, 'an older debrief');
    fs.chmodSync(file, 0o644);
    dialog.savePaths = [file];
    expect(await save('Debrief.pdf')).toEqual({ saved: true, path: file });
    expect(fs.readFileSync(file, 'utf8')).toBe('%PDF-1.7 app://interview-desk/index.html#/debrief/x');
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(temp.dir)).toEqual(['debrief.pdf']);
  });

  it('leaves an existing file as it was when the new one cannot take its place', async () => {
    const folder = path.join(temp.dir, 'debrief.pdf');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'kept.txt'), 'kept');
    dialog.savePaths = [folder];
    await expect(save('Debrief.pdf')).rejects.toThrow(
      /^The PDF could not be written there: E[A-Z]+\. Choose another place\.$/,
    );
    expect(fs.readdirSync(temp.dir)).toEqual(['debrief.pdf']);
    expect(fs.readFileSync(path.join(folder, 'kept.txt'), 'utf8')).toBe('kept');
  });

  it('prints nothing when the person closes the dialog', async () => {
    expect(await save('Debrief.pdf')).toEqual({ saved: false });
    expect(window.webContents.printed).toEqual([]);
  });

  it('says so in words when the place cannot be written, or the window is gone', async () => {
    dialog.savePaths = [path.join(temp.dir, 'missing-folder', 'debrief.pdf')];
    await expect(save('Debrief.pdf')).rejects.toThrow(
      'The PDF could not be written there: ENOENT. Choose another place.',
    );
    window.close();
    await expect(save('Debrief.pdf')).rejects.toBeInstanceOf(DeskFailure);
  });
});
