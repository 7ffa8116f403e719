import { signal } from './signal';

export type Route =
  | { view: 'home' }
  | { view: 'conversation'; conversationId: string }
  | { view: 'person'; userId: string }
  | { view: 'settings' };

export function parse(path: string): Route {
  const [, first, second] = path.split('/');
  if (first === 'c' && second) return { view: 'conversation', conversationId: second };
  if (first === 'p' && second) return { view: 'person', userId: second };
  if (first === 'settings') return { view: 'settings' };
  return { view: 'home' };
}

export function pathOf(route: Route): string {
  switch (route.view) {
    case 'conversation': return `/c/${route.conversationId}`;
    case 'person': return `/p/${route.userId}`;
    case 'settings': return '/settings';
    default: return '/';
  }
}

export const route = signal<Route>(parse(location.pathname));
window.addEventListener('popstate', () => (route.value = parse(location.pathname)));

export function navigate(next: Route, replace = false): void {
  const path = pathOf(next);
  if (path !== location.pathname) history[replace ? 'replaceState' : 'pushState'](null, '', path);
  route.value = next;
}
