import { useEffect, useState } from 'preact/hooks';
import { identity, ok } from '../api/clients';

export interface Person {
  id: string;
  username: string;
  displayName: string;
}

/** People whose username or display name starts with what was typed, asked for once typing pauses. */
export function usePeopleSearch(query: string, exclude: readonly string[]): Person[] {
  const [results, setResults] = useState<Person[]>([]);
  const excluded = exclude.join(',');
  useEffect(() => {
    const search = query.trim();
    if (!search) {
      setResults([]);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      ok<Person[]>(identity.GET('/users', { params: { query: { search, limit: 20 } } }))
        .then((people) => current && setResults(people.filter((person) => !excluded.split(',').includes(person.id))))
        .catch(() => current && setResults([]));
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, excluded]);
  return results;
}
