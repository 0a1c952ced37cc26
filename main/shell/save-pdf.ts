/**
 * "Save as PDF" in the desktop app: the person picks where, then Chromium prints the window showing
 * the debrief with its print stylesheet (only the debrief, on white). The file holds scorecards, so
 * it is written for its owner only.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import type { SavedPdf } from '../../preload/shared/contract/debrief-schema';
import { privateFileMode } from '../platform/private-files';
import { DeskFailure } from '../shared/desk-failure';

/**
 * Writes `data` to `file` readable by its owner only, also when `file` already exists with wider
 * modes: `writeFile`'s mode applies only to a new file, so the bytes go to a fresh private file beside
 * it that is then renamed over it (the target is never readable by others, not even while written).
 */
async function replaceWithPrivateFile(file: string, data: Uint8Array): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await fs.writeFile(temporary, data, { mode: privateFileMode, flag: 'wx' });
    // The umask can only remove bits; set the mode itself so it is 0600 whatever the umask.
    if (process.platform !== 'win32') await fs.chmod(temporary, privateFileMode);
    await fs.rename(temporary, file);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
}

/** Prints `window()` to a PDF at a place the person chooses, suggesting `fileName` in their Documents. */
export function createPdfSaver(window: () => BrowserWindow | null): (fileName: string) => Promise<SavedPdf> {
  return async (fileName) => {
    const target = window();
    if (!target || target.isDestroyed())
      throw new DeskFailure('unavailable', 'The window showing the debrief is closed: open it again to save it.');
    const choice = await dialog.showSaveDialog(target, {
      title: 'Save the debrief as PDF',
      defaultPath: path.join(app.getPath('documents'), fileName),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    if (choice.canceled || !choice.filePath) return { saved: false };
    const data = await target.webContents.printToPDF({ printBackground: true, pageSize: 'A4' });
    try {
      await replaceWithPrivateFile(choice.filePath, data);
    } catch (error) {
      throw new DeskFailure(
        'unavailable',
        `The PDF could not be written there: ${(error as NodeJS.ErrnoException).code ?? 'error'}. Choose another place.`,
      );
    }
    return { saved: true, path: choice.filePath };
  };
}
