/**
 * "Save as PDF" in the desktop app: the person picks where, then Chromium prints the window showing
 * the debrief with its print stylesheet (only the debrief, on white). The file holds scorecards, so
 * it is written for its owner only.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import type { SavedPdf } from '../../preload/shared/contract/debrief-schema';
import { DeskFailure } from '../shared/desk-failure';

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
      await fs.writeFile(choice.filePath, data, { mode: 0o600 });
    } catch (error) {
      throw new DeskFailure(
        'unavailable',
        `The PDF could not be written there: ${(error as NodeJS.ErrnoException).code ?? 'error'}. Choose another place.`,
      );
    }
    return { saved: true, path: choice.filePath };
  };
}
