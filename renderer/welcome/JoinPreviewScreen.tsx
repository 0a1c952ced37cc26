import { useState } from 'react';
import type { DeskError } from '../../preload/shared/contract/result';
import { desk } from '../bridge/desk';
import { ErrorMessage } from '../common/ErrorMessage';
import { InvitationDetails } from './InvitationDetails';
import { useCall } from '../common/use-call';
import { navigateTo } from '../app/use-hash-route';

/**
 * An invitation link, shown before anything is saved: anyone can send such a link, so the person
 * sees the title, time and Meet link main read from it, and saves only if they agree.
 */
export function JoinPreviewScreen({ link }: { link: string }) {
  const preview = useCall(() => desk.deeplink.preview(link));
  const [error, setError] = useState<DeskError | undefined>();
  const save = async () => {
    const result = await desk.deeplink.confirmJoin(link);
    if (result.ok) navigateTo({ screen: 'interview', id: result.value.id });
    else setError(result.error);
  };
  return (
    <section className="panel" aria-labelledby="join-preview-title">
      <h1 id="join-preview-title" tabIndex={-1}>
        Save this interview?
      </h1>
      {preview.error && <ErrorMessage error={preview.error} />}
      {preview.value && (
        <>
          <p>An invitation link asks Interview Desk to save this interview. Check it is one you expect.</p>
          <InvitationDetails preview={preview.value} />
          <div className="actions">
            {preview.value.savedId ? (
              <button
                type="button"
                className="primary"
                onClick={() => navigateTo({ screen: 'interview', id: preview.value!.savedId! })}
              >
                Open the saved interview
              </button>
            ) : (
              <button type="button" className="primary" onClick={() => void save()}>
                Save interview
              </button>
            )}
            <button type="button" onClick={() => navigateTo({ screen: 'welcome' })}>
              Don&apos;t save
            </button>
          </div>
        </>
      )}
      <ErrorMessage error={error} />
    </section>
  );
}
