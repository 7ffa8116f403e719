import { useState } from 'preact/hooks';
import { messaging, ok } from '../api/clients';
import type { ConversationDetail, MemberRole, MemberView } from '../api/types';
import { navigate } from '../app/router';
import { t } from '../i18n/i18n';
import { Field } from '../ui/Field';
import { useAction } from '../ui/useAction';
import type { Chat, ConversationState } from './chat';
import { PeoplePicker } from './PeoplePicker';
import type { Person } from './usePeopleSearch';

const rank: Record<MemberRole, number> = { Owner: 3, Admin: 2, Member: 1 };

/** Members and roles of a group, and what my role lets me do with them. */
export function GroupPanel({ chat, conversation, onClose }: { chat: Chat; conversation: ConversationState; onClose: () => void }) {
  const id = conversation.summary.id;
  const path = { conversationId: id };
  const members = [...(conversation.members ?? [])].sort((a, b) => rank[b.role] - rank[a.role] || a.displayName.localeCompare(b.displayName));
  const myRole = conversation.summary.myRole;
  const [name, setName] = useState(conversation.summary.name ?? '');
  const [adding, setAdding] = useState<Person[]>([]);
  const [heir, setHeir] = useState('');
  const action = useAction();
  const applied = (detail: ConversationDetail) => chat.applyDetail(detail);

  const canManage = (member: MemberView) => member.userId !== chat.me && (myRole === 'Owner' || (myRole === 'Admin' && member.role === 'Member'));

  const rename = (event: Event) => {
    event.preventDefault();
    void action.run(async () => applied(await ok(messaging.PATCH('/groups/{conversationId}', { params: { path }, body: { name: name.trim() } }))));
  };
  const add = () => void action.run(async () => {
    applied(await ok(messaging.POST('/groups/{conversationId}/members', { params: { path }, body: { userIds: adding.map((person) => person.id) } })));
    setAdding([]);
  });
  const remove = (member: MemberView) => void action.run(async () =>
    applied(await ok(messaging.DELETE('/groups/{conversationId}/members/{userId}', { params: { path: { ...path, userId: member.userId } } }))));
  const setRole = (member: MemberView, role: MemberRole) => void action.run(async () =>
    applied(await ok(messaging.PUT('/groups/{conversationId}/members/{userId}/role', { params: { path: { ...path, userId: member.userId } }, body: { role } }))));
  const handOver = (member: MemberView) => void action.run(async () =>
    applied(await ok(messaging.POST('/groups/{conversationId}/owner', { params: { path }, body: { userId: member.userId } }))));
  const leave = () => void action.run(async () => {
    await ok(messaging.POST('/groups/{conversationId}/leave', { params: { path }, body: { newOwnerId: heir || null } }));
    chat.removed(id);
    navigate({ view: 'home' });
  });
  const remove_group = () => void action.run(async () => {
    if (!confirm(t('group.confirmDelete'))) return;
    await ok(messaging.DELETE('/groups/{conversationId}', { params: { path } }));
    chat.removed(id);
    navigate({ view: 'home' });
  });

  return (
    <section class="group-panel" aria-label={t('group.info')}>
      <div class="panel-header">
        <h2>{t('group.info')}</h2>
        <button class="icon-button" onClick={onClose} aria-label={t('common.close')}>×</button>
      </div>
      {action.message && <p class="error" role="alert">{action.message}</p>}
      {myRole !== 'Member' && (
        <form class="inline-form" onSubmit={rename}>
          <Field label={t('group.name')} value={name} onValue={setName} maxLength={64} error={action.fieldError('name')} />
          <button class="button" type="submit" disabled={action.busy || name.trim() === conversation.summary.name}>{t('group.rename')}</button>
        </form>
      )}
      <h3>{t('group.members')}</h3>
      <ul class="member-list">
        {members.map((member) => (
          <li key={member.userId}>
            <span>
              <span class="person-name">{member.displayName}</span>{member.userId === chat.me && ` (${t('group.you')})`}{' '}
              <span class="role">{t(`role.${member.role}`)}</span>
            </span>
            {canManage(member) && (
              <span class="member-actions">
                {myRole === 'Owner' && member.role === 'Member' && <button class="link" onClick={() => setRole(member, 'Admin')}>{t('group.makeAdmin')}</button>}
                {myRole === 'Owner' && member.role === 'Admin' && <button class="link" onClick={() => setRole(member, 'Member')}>{t('group.makeMember')}</button>}
                {myRole === 'Owner' && <button class="link" onClick={() => handOver(member)}>{t('group.handOver')}</button>}
                <button class="link danger" onClick={() => remove(member)}>{t('group.remove')}</button>
              </span>
            )}
          </li>
        ))}
      </ul>
      {myRole !== 'Member' && (
        <div>
          <PeoplePicker picked={adding} onPicked={setAdding} exclude={members.map((member) => member.userId)} />
          {adding.length > 0 && <button class="button" onClick={add} disabled={action.busy}>{t('group.add')}</button>}
        </div>
      )}
      <div class="danger-zone">
        {myRole === 'Owner' && members.length > 1 && (
          <label class="field">
            {t('group.heir')}
            <select value={heir} onChange={(event) => setHeir(event.currentTarget.value)}>
              <option value="">{t('group.heirAutomatic')}</option>
              {members.filter((member) => member.userId !== chat.me).map((member) => <option key={member.userId} value={member.userId}>{member.displayName}</option>)}
            </select>
          </label>
        )}
        <button class="button" onClick={leave} disabled={action.busy}>{t('group.leave')}</button>
        {myRole === 'Owner' && <button class="button danger" onClick={remove_group} disabled={action.busy}>{t('group.delete')}</button>}
      </div>
    </section>
  );
}
