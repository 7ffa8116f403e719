import { useEffect, useRef, useState } from 'preact/hooks';
import { maxTextLength } from '../crypto/envelope';
import { t } from '../i18n/i18n';
import type { Chat } from './chat';
import type { ChatMessage } from './model';

export type Draft = { kind: 'new' } | { kind: 'reply'; to: ChatMessage } | { kind: 'edit'; message: ChatMessage };

interface Props {
  chat: Chat;
  target: { conversationId?: string; recipientId?: string };
  draft: Draft;
  conversationName: string;
  onDraftDone: () => void;
  onSent: () => void;
}

/** Writes, replies to and edits messages; Enter sends, Shift+Enter starts a new line. */
export function Composer({ chat, target, draft, conversationName, onDraftDone, onSent }: Props) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLTextAreaElement>(null);

  // Editing puts the message in the box; replying keeps what is typed. Nothing here clears the
  // box after the fact: a fast typist's next message would be lost.
  useEffect(() => {
    if (draft.kind === 'edit') setText(draft.message.text);
    input.current?.focus();
  }, [draft]);

  const cancel = () => {
    if (draft.kind === 'edit') setText('');
    onDraftDone();
  };

  const submit = async () => {
    const body = text.trim();
    if (!body) return;
    setError(null);
    // Cleared at once, not after the outbox write: what is typed next belongs to the next message.
    setText('');
    const sent = draft;
    if (sent.kind !== 'new') onDraftDone();
    try {
      if (sent.kind === 'edit') {
        await chat.edit(sent.message.conversationId, sent.message.sequence, body);
      } else {
        await chat.send(target, body, sent.kind === 'reply' ? sent.to.sequence : undefined);
        onSent();
      }
    } catch (failure) {
      setText(body);
      setError(failure instanceof Error ? failure.message : t('error.unexpected'));
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      void submit();
    } else if (event.key === 'Escape' && draft.kind !== 'new') {
      cancel();
    }
  };

  return (
    <form class="composer" onSubmit={(event) => { event.preventDefault(); void submit(); }}>
      {draft.kind !== 'new' && (
        <div class="draft-banner">
          <span>{draft.kind === 'reply' ? t('composer.replyingTo', { text: draft.to.text.slice(0, 80) }) : t('composer.editing')}</span>
          <button type="button" class="link" onClick={cancel}>{t('composer.cancel')}</button>
        </div>
      )}
      {error && <p class="error" role="alert">{error}</p>}
      <div class="composer-row">
        <label class="visually-hidden" for="composer-input">{t('composer.label', { name: conversationName })}</label>
        <textarea id="composer-input" ref={input} rows={1} value={text} maxLength={maxTextLength} placeholder={t('composer.placeholder')}
          onInput={(event) => {
            setText(event.currentTarget.value);
            if (target.conversationId) chat.typing(target.conversationId);
          }}
          onKeyDown={onKeyDown} />
        <button type="submit" class="button primary" disabled={!text.trim()}>{draft.kind === 'edit' ? t('composer.save') : t('composer.send')}</button>
      </div>
    </form>
  );
}
