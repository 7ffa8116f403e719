import { useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import { Field } from '../ui/Field';
import { usePeopleSearch, type Person } from './usePeopleSearch';

/** Search people and pick several (for a new group, or to add to one). */
export function PeoplePicker({ picked, onPicked, exclude }: { picked: Person[]; onPicked: (people: Person[]) => void; exclude: string[] }) {
  const [query, setQuery] = useState('');
  const found = usePeopleSearch(query, [...exclude, ...picked.map((person) => person.id)]);
  return (
    <div class="picker">
      {picked.length > 0 && (
        <ul class="chips" aria-label={t('group.picked')}>
          {picked.map((person) => (
            <li key={person.id}>
              {person.displayName}
              <button type="button" class="icon-button small" aria-label={t('group.unpick', { name: person.displayName })}
                onClick={() => onPicked(picked.filter((other) => other.id !== person.id))}>×</button>
            </li>
          ))}
        </ul>
      )}
      <Field label={t('group.addPeople')} type="search" value={query} onValue={setQuery} placeholder={t('people.searchHint')} autocomplete="off" />
      <ul class="people-list">
        {found.map((person) => (
          <li key={person.id}>
            <button type="button" class="person" onClick={() => { onPicked([...picked, person]); setQuery(''); }}>
              <span class="person-name">{person.displayName}</span> <span class="muted">@{person.username}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
