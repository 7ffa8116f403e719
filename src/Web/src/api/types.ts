import type { components as Calls } from './generated/calls';
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

type CallsSchemas = Calls['schemas'];
export type CallView = CallsSchemas['CallView'];
export type CallOutcome = CallsSchemas['CallOutcome'];
export type CallHistoryItem = CallsSchemas['CallHistoryItem'];
export type CallHistoryPage = CallsSchemas['CallHistoryPage'];
export type IceServersView = CallsSchemas['IceServersView'];
/** Pushed by the call hub only (not part of the REST document). */
export type CallSignal = { callId: string; kind: 'offer' | 'answer' | 'candidate'; sdp: string | null; candidate: string | null; sdpMid: string | null; sdpMLineIndex: number | null };
