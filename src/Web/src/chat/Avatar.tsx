/** Initials on a colour taken from the name, with a dot while the person is online. */
export function Avatar({ name, online = false }: { name: string; online?: boolean }) {
  const initials = name.split(/\s+/).filter(Boolean).slice(0, 2).map((part) => part[0]!.toUpperCase()).join('') || '?';
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return (
    <span class={`avatar hue-${hash % 8}`} aria-hidden="true">
      {initials}
      {online && <span class="online-dot" />}
    </span>
  );
}
