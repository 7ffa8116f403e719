import { useState } from 'preact/hooks';
import { navigate } from '../app/router';
import { t } from '../i18n/i18n';
import { Dialog } from '../ui/Dialog';
import { Field } from '../ui/Field';
import { useAction } from '../ui/useAction';
import type { Chat } from './chat';
import { PeoplePicker } from './PeoplePicker';
import type { Person } from './usePeopleSearch';

export function NewGroup({ chat, onClose }: { chat: Chat; onClose: () => void }) {
  const [name, setName] = useState('');
  const [people, setPeople] = useState<Person[]>([]);
  const action = useAction();
  const submit = (event: Event) => {
    event.preventDefault();
    void action.run(async () => {
      const id = await chat.createGroup(name.trim(), people.map((person) => person.id));
      onClose();
      navigate({ view: 'conversation', conversationId: id });
    });
  };
  return (
    <Dialog title={t('group.new')} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <Field label={t('group.name')} value={name} onValue={setName} required autoFocus maxLength={64} error={action.fieldError('name')} />
        <PeoplePicker picked={people} onPicked={setPeople} exclude={[chat.me]} />
        {action.fieldError('memberIds') && <p class="error" role="alert">{action.fieldError('memberIds')}</p>}
        {action.message && <p class="error" role="alert">{action.message}</p>}
        <div class="dialog-actions">
          <button type="button" class="button" onClick={onClose}>{t('common.cancel')}</button>
          <button type="submit" class="button primary" disabled={action.busy}>{t('group.create')}</button>
        </div>
      </form>
    </Dialog>
  );
}
