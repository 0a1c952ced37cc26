/** The message to the candidate as their email shows it, signed by `signer`; nothing while it is blank. */
export function CandidateMessagePreview({ message, signer }: { message: string; signer: string }) {
  if (!message.trim()) return null;
  return (
    <figure className="message-preview" aria-label="How the candidate will see your message">
      <figcaption>In the email, the candidate reads:</figcaption>
      <p className="message-label">Message from {signer || 'you'}:</p>
      <div className="message-text" data-testid="candidate-message-preview">
        {message.trim()}
      </div>
    </figure>
  );
}
