/**
 * Every message body passes through here on its way out (seal) and in (open). Today the
 * envelope is plain: version 0 carries the text as it is. End-to-end encryption replaces the
 * inside of these two functions (a fresh key per message, wrapped for every member) without
 * the rest of the app noticing.
 */
export interface OpenedMessage {
  text: string;
  /** False when the body could not be read (an unknown version, or damaged). */
  readable: boolean;
}

interface PlainEnvelope {
  v: 0;
  text: string;
}

export const maxTextLength = 4000;

export async function seal(text: string): Promise<string> {
  const envelope: PlainEnvelope = { v: 0, text };
  return JSON.stringify(envelope);
}

export async function open(body: string | null | undefined): Promise<OpenedMessage> {
  if (body == null) return { text: '', readable: true };
  try {
    const envelope = JSON.parse(body) as Partial<PlainEnvelope>;
    if (envelope.v === 0 && typeof envelope.text === 'string') return { text: envelope.text, readable: true };
  } catch {
    // Not JSON: falls through to unreadable, like an envelope of a version we do not know.
  }
  return { text: '', readable: false };
}
