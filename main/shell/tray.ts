import { Menu, Tray, nativeImage, type MenuItemConstructorOptions } from 'electron';
import type { TrayAction, TrayItem } from '../tray/tray-menu';

/** Turns the tray model into Electron menu items, each click routed to `onAction`. */
export function trayTemplate(items: TrayItem[], onAction: (action: TrayAction) => void): MenuItemConstructorOptions[] {
  return items.map((item) =>
    item.type === 'separator'
      ? { type: 'separator' as const }
      : {
          label: item.label,
          enabled: item.enabled ?? true,
          ...(item.action ? { click: () => onAction(item.action!) } : {}),
        },
  );
}

/** The tray icon and its menu; `refresh` rebuilds the menu from the current schedule. */
export function createTray(iconPath: string, menu: () => TrayItem[], onAction: (action: TrayAction) => void) {
  const tray = new Tray(nativeImage.createFromPath(iconPath));
  tray.setToolTip('Interview Desk');
  const refresh = () => {
    const items = menu();
    tray.setContextMenu(Menu.buildFromTemplate(trayTemplate(items, onAction)));
    const first = items[0];
    if (first?.type === 'item') tray.setToolTip(`Interview Desk — ${first.label}`);
  };
  refresh();
  tray.on('click', () => onAction({ kind: 'open-app' }));
  const timer = setInterval(refresh, 30_000);
  return {
    refresh,
    destroy() {
      clearInterval(timer);
      tray.destroy();
    },
  };
}
