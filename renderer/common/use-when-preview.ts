import { useEffect, useState } from 'react';
import type { Conflict } from '../../preload/shared/contract/interview-schema';
import type { DeskError } from '../../preload/shared/contract/result';
import { desk } from '../bridge/desk';
import { previewRequest, type WhenDraft } from './when-preview';

/** Main's answer for the preview, with the zone it was computed for. */
export interface WhenPreviewAnswer {
  startUtc: string;
  endUtc: string;
  conflicts: Conflict[];
  timeZone: string;
}

/**
 * The live preview: the instant, conflicts and refusals (a time that happens twice among them), asked
 * of main shortly after the person stops typing. It keeps the zone main computed it for: the field
 * may already hold a half-typed zone, and formatting with that would throw and take the whole form
 * (and the focus) down. `excludeId` is the interview being moved.
 */
export function useWhenPreview(when: WhenDraft, excludeId?: string) {
  const [preview, setPreview] = useState<WhenPreviewAnswer | undefined>();
  const [previewError, setPreviewError] = useState<DeskError | undefined>();
  const { date, time, timeZone, durationMinutes, occurrence } = when;
  useEffect(() => {
    const request = previewRequest({ date, time, timeZone, durationMinutes, occurrence }, excludeId);
    if (!request) return;
    let live = true;
    const timer = setTimeout(() => {
      void desk.interviews.preview(request).then((result) => {
        if (!live) return;
        if (result.ok) {
          setPreview({ ...result.value, timeZone: request.timeZone });
          setPreviewError(undefined);
        } else {
          setPreview(undefined);
          setPreviewError(result.error);
        }
      });
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // Only the fields the preview is about: typing a name asks nothing.
  }, [date, time, timeZone, durationMinutes, occurrence, excludeId]);
  return { preview, previewError };
}
