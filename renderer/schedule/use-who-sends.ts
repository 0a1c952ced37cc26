import { useState } from 'react';
import type { FieldIssue } from '../../preload/shared/contract/result';
import { desk } from '../bridge/desk';
import { liveSettings } from '../bridge/live-copies';
import { missingSender, senderRefusal, type Sender } from './who-sends';

/**
 * The name and email the schedule form asks for when Settings lack them. `save` puts them into
 * Settings, first thing at submit, and answers what was refused (nothing once they are saved).
 */
export function useWhoSends(edited: (field: string) => void) {
  const [sender, setSender] = useState<Sender>({ recruiterName: '', recruiterEmail: '' });
  const setMine = (key: keyof Sender) => (event: { target: { value: string } }) => {
    edited(key);
    setSender((s) => ({ ...s, [key]: event.target.value }));
  };
  const save = async (): Promise<FieldIssue[]> => {
    const missing = missingSender(sender);
    if (missing.length > 0) return missing;
    const saved = await desk.settings.update({
      recruiterName: sender.recruiterName,
      recruiterEmail: sender.recruiterEmail,
    });
    if (!saved.ok) return senderRefusal(saved.error);
    liveSettings.set(saved.value);
    return [];
  };
  return { sender, setMine, save };
}
