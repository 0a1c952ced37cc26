import { formatDateTime, isKnownZone } from '../common/format';
import { overlapList } from './schedule-preview';
import type { WhenPreviewAnswer } from '../common/use-when-preview';

/** Where the chosen time lands: its start, the candidate's own time, and the interviews it overlaps. */
export function WhenPreview({ preview, candidateTimeZone }: { preview: WhenPreviewAnswer; candidateTimeZone: string }) {
  return (
    <div className="preview" aria-live="polite">
      <p>
        Starts <strong>{formatDateTime(preview.startUtc, preview.timeZone)}</strong>
      </p>
      {isKnownZone(candidateTimeZone) && (
        <p>
          For the candidate:{' '}
          <strong data-testid="candidate-local-time">{formatDateTime(preview.startUtc, candidateTimeZone)}</strong>
        </p>
      )}
      {preview.conflicts.length > 0 && (
        <div className="warning" role="status">
          Overlaps with {overlapList(preview.conflicts, preview.timeZone)}.
        </div>
      )}
    </div>
  );
}
