import { useState } from 'preact/hooks';
import { navigate } from '../app/router';
import { t, time } from '../i18n/i18n';
import type { Chat } from './chat';
import { Avatar } from './Avatar';
import { usePeopleSearch } from './usePeopleSearch';
import { Field } from '../ui/Field';

/** Who is online now (with when the others were last seen), and a search to start a chat with anyone. */
export function People({ chat }: { chat: Chat }) {
  const [query, setQuery] = useState('');
  const found = usePeopleSearch(query, [chat.me]);
  const people = [...chat.presence.values()].filter((person) => person.userId !== chat.me)
    .sort((a, b) => Number(b.online) - Number(a.online) || a.displayName.localeCompare(b.displayName));
  const start = (userId: string) => navigate({ view: 'person', userId });

  return (
    <>
      <Field label={t('people.search')} type="search" value={query} onValue={setQuery} placeholder={t('people.searchHint')} autocomplete="off" />
      {query.trim() && (
        <ul class="people-list" aria-label={t('people.results')}>
          {found.length === 0 && <li class="muted">{t('people.noResults')}</li>}
          {found.map((person) => (
            <li key={person.id}>
              <button class="person" onClick={() => start(person.id)}>
                <Avatar name={person.displayName} online={Boolean(chat.presence.get(person.id)?.online)} />
                <span><span class="person-name">{person.displayName}</span> <span class="muted">@{person.username}</span></span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <h2 class="section-title">{t('people.online')}</h2>
      <ul class="people-list" aria-label={t('people.online')}>
        {people.length === 0 && <li class="muted">{t('people.nobody')}</li>}
        {people.map((person) => (
          <li key={person.userId}>
            <button class="person" onClick={() => start(person.userId)}>
              <Avatar name={person.displayName} online={person.online} />
              <span>
                <span class="person-name">{person.displayName}</span>{' '}
                <span class="muted">{person.online ? t('presence.online') : person.lastSeenAt ? t('presence.lastSeen', { when: time.ago(person.lastSeenAt) }) : t('presence.offline')}</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
