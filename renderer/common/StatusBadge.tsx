import { statusLabels, type DisplayStatus } from '../../preload/shared/rules/interview-timing';

/** A coloured badge with the status in words (colour is never the only signal). */
export function StatusBadge({ status, title }: { status: DisplayStatus; title?: string }) {
  return (
    <span className={`badge badge-${status}`} title={title}>
      {statusLabels[status]}
    </span>
  );
}
