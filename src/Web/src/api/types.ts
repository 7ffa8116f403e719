import type { components as Messaging } from './generated/messaging';

type MessagingSchemas = Messaging['schemas'];
export type MessageView = MessagingSchemas['MessageView'];
export type MemberView = MessagingSchemas['MemberView'];
export type MemberReceipts = MessagingSchemas['MemberReceipts'];
export type ConversationSummary = MessagingSchemas['ConversationSummary'];
export type ConversationDetail = MessagingSchemas['ConversationDetail'];
export type ConversationPage = MessagingSchemas['ConversationPage'];
export type MessagePage = MessagingSchemas['MessagePage'];
export type SyncResult = MessagingSchemas['SyncResult'];
export type PresenceView = MessagingSchemas['PresenceView'];
export type TypingView = { conversationId: string; userId: string; until: string };
export type MemberRole = MessagingSchemas['MemberRole'];
