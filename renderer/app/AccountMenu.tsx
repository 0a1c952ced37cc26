import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { AccountStatus } from '../../preload/shared/contract/ipc-contract';
import { ErrorMessage } from '../common/ErrorMessage';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { useAccountActions } from '../account/use-account-actions';
import { initialOf } from '../common/initial-of';

interface Item {
  label: string;
  run: () => void;
}

/**
 * The shell's account menu (WAI-ARIA menu button): who is connected, and Settings, Disconnect
 * (after a confirmation) or Connect / Reconnect. Enter, Space or the arrow keys open it; the arrow
 * keys, Home and End move; Escape closes it and gives focus back to the button; Tab leaves it.
 */
export function AccountMenu({ status, onSettings }: { status: AccountStatus | undefined; onSettings: () => void }) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [confirming, setConfirming] = useState(false);
  const { busy, message, error, connect, disconnect: disconnectNow, dismiss } = useAccountActions();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const menuId = useId();
  const account = status && status.state !== 'disconnected' ? status : undefined;
  const needsReconnect = account?.state === 'needs_reconnect';

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };
  const disconnect = async () => {
    await disconnectNow();
    button.current?.focus();
  };

  const items: Item[] = account
    ? [
        ...(needsReconnect ? [{ label: 'Reconnect Google account', run: () => void connect() }] : []),
        { label: 'Settings', run: onSettings },
        { label: 'Disconnect…', run: () => setConfirming(true) },
      ]
    : [
        { label: 'Connect Google', run: () => void connect() },
        { label: 'Settings', run: onSettings },
      ];

  // Focus follows the active item while the menu is open.
  useEffect(() => {
    if (open) menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]')[active]?.focus();
  }, [open, active]);
  // A click anywhere else closes the menu.
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!menu.current?.contains(event.target as Node) && !button.current?.contains(event.target as Node))
        setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);
  const openAt = (index: number) => {
    setActive(index);
    setOpen(true);
  };
  const onButtonKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'Enter' || event.key === ' ') openAt(0);
    else if (event.key === 'ArrowUp') openAt(items.length - 1);
    else return;
    event.preventDefault();
  };
  const onMenuKey = (event: KeyboardEvent) => {
    const last = items.length - 1;
    if (event.key === 'ArrowDown') setActive((i) => (i >= last ? 0 : i + 1));
    else if (event.key === 'ArrowUp') setActive((i) => (i <= 0 ? last : i - 1));
    else if (event.key === 'Home') setActive(0);
    else if (event.key === 'End') setActive(last);
    else if (event.key === 'Escape') close(true);
    else if (event.key === 'Tab') {
      setOpen(false);
      return;
    } else return;
    event.preventDefault();
  };
  const choose = (item: Item) => {
    close(true);
    item.run();
  };

  return (
    <div className="account-menu">
      <button
        ref={button}
        type="button"
        className={`account-button${needsReconnect ? ' account-button-warning' : ''}`}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        disabled={busy}
        onClick={() => (open ? close(false) : openAt(0))}
        onKeyDown={onButtonKey}
      >
        <span className="account-initial" aria-hidden="true">
          {account ? initialOf(account.name, account.email) : '?'}
        </span>
        <span className="account-who">
          {account ? (
            <>
              <span className="account-name" title={account.name || account.email}>
                {account.name || account.email}
              </span>
              <span className="account-email" title={account.email}>
                {account.email}
              </span>
            </>
          ) : (
            <span className="account-name">Not connected</span>
          )}
        </span>
        {needsReconnect && <span className="account-state">Reconnect</span>}
        {/* The name read out is the visible text plus what the button is for. */}
        <span className="sr-only">Google account menu</span>
      </button>
      {open && (
        <ul
          ref={menu}
          id={menuId}
          role="menu"
          aria-label="Google account"
          className="account-popup"
          onKeyDown={onMenuKey}
        >
          {items.map((item, index) => (
            <li key={item.label} role="none">
              <button type="button" role="menuitem" tabIndex={index === active ? 0 : -1} onClick={() => choose(item)}>
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      )}
      {(message || error) && (
        <div className="account-message" role="status">
          {message}
          <ErrorMessage error={error} />
          <button type="button" className="link" onClick={dismiss}>
            Close
          </button>
        </div>
      )}
      {confirming && account && (
        // The same question as in Settings; Escape or "Stay connected" gives focus back to the menu button.
        <ConfirmDialog
          title={`Disconnect ${account.email}?`}
          keepLabel="Stay connected"
          confirmLabel="Disconnect"
          onConfirm={() => void disconnect()}
          onClose={() => setConfirming(false)}
        >
          <p>
            Your interviews stay in Interview Desk. Calendar sync stops until you connect again, and access is revoked
            at Google.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
