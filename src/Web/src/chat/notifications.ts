/** A system notification for a message that arrives while the tab is hidden, once the person has allowed them. */
export function notifyNewMessage(from: string, text: string): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  const notification = new Notification(from, { body: text.slice(0, 140), tag: 'chatapp-message' });
  notification.onclick = () => {
    window.focus();
    notification.close();
  };
}

export function canAskForNotifications(): boolean {
  return typeof Notification !== 'undefined' && Notification.permission === 'default';
}

export async function askForNotifications(): Promise<void> {
  if (typeof Notification !== 'undefined') await Notification.requestPermission();
}
