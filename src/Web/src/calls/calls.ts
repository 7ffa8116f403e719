import type { HubConnection } from '@microsoft/signalr';
import { calls as callsApi, ok } from '../api/clients';
import type { CallSignal, CallView, IceServersView } from '../api/types';
import { signal } from '../app/signal';
import { asRefusal, buildHub, isConnected } from '../chat/hub';
import type { KeyRing } from '../crypto/keyring';
import { signDescription, verifyDescription } from './identityProof';
import { callDeviceId } from './device';
import { noticeFor, roleIn, type CallNotice } from './format';
import { PeerLink, type MediaState } from './peer';
import { Tones } from './tones';

export interface Notice {
  kind: CallNotice;
  /** The other person's name, for "Bob declined" and the like. */
  name: string;
}

/** Ask again for ICE servers this long before their TURN credentials expire. */
const refreshIceBeforeMs = 5 * 60_000;

/**
 * Voice calls of this tab: the call hub, the call it shows (ringing in, ringing out, or held
 * here), its audio link, and what is left to say when it ends. The server decides every step;
 * this follows its `CallChanged` pushes, and only the device holding a call sets up audio.
 */
export class Calls {
  /** The call this tab shows: ringing here, being placed from here, or held here. */
  readonly current = signal<CallView | null>(null);
  /** A call of mine held by another of my devices (or ringing out from one): shown, and can be ended from here. */
  readonly elsewhere = signal<CallView | null>(null);
  readonly media = signal<MediaState | null>(null);
  readonly notice = signal<Notice | null>(null);
  readonly muted = signal(false);
  readonly missed = signal(0);
  /** When this tab saw the call answered: the running timer counts from here. */
  answeredLocally = 0;
  readonly deviceId = callDeviceId();
  /** The person's identity keys, once the chat has opened them: each description is signed with them. */
  keys: KeyRing | null = null;

  private readonly hub: HubConnection;
  private readonly tones = new Tones();
  private peer: PeerLink | null = null;
  /** Signals that arrived before this tab's audio link was set up (the offer can beat the answer's own setup). */
  private early: CallSignal[] = [];
  private microphone: MediaStream | null = null;
  private iceServers: IceServersView | null = null;
  private iceRefresh: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;

  constructor(readonly me: string) {
    this.hub = buildHub(`/hubs/calls?device=${this.deviceId}`);
    this.hub.on('CallChanged', (call: CallView) => void this.changed(call));
    this.hub.on('CallSignal', (call: CallSignal) => void this.signalled(call));
    this.hub.onreconnected(() => void this.rejoin());
    window.addEventListener('online', this.networkChanged);
  }

  /** Connects in the background: chat works while calls are unreachable, and the hub keeps trying. */
  start(): void {
    void this.connect();
    void this.refreshMissed();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    window.removeEventListener('online', this.networkChanged);
    this.endMedia();
    await this.hub.stop();
  }

  get connected(): boolean {
    return isConnected(this.hub);
  }

  /** Calls a person: asks for the microphone first, so a refusal is known before anyone's phone rings. */
  async call(person: { id: string; displayName: string }): Promise<void> {
    if (this.current.value || !this.keys) return;
    performance.mark('chatapp:call-started');
    this.notice.value = null;
    if (!(await this.takeMicrophone(person.displayName))) return;
    try {
      const call = await this.hub.invoke<CallView>('Invite', { calleeId: person.id });
      if (call.state === 'ended') {
        this.releaseMicrophone();
        this.notice.value = { kind: noticeFor(call.outcome, 'caller'), name: person.displayName };
        return;
      }
      this.show(call);
    } catch (error) {
      this.releaseMicrophone();
      this.notice.value = { kind: 'unavailable', name: person.displayName };
      console.warn('The call could not be placed', asRefusal(error) ?? error);
    }
  }

  async accept(): Promise<void> {
    const call = this.current.value;
    if (!call || !this.keys) return;
    if (!(await this.takeMicrophone(call.caller.displayName))) return;
    this.tones.stop();
    try {
      const answered = await this.hub.invoke<CallView>('Accept', call.id);
      performance.mark('chatapp:call-accepted');
      await this.changed(answered);
    } catch (error) {
      // Answered elsewhere, or it stopped ringing meanwhile: the push that follows says how.
      this.releaseMicrophone();
      console.warn('The call could not be answered', asRefusal(error) ?? error);
    }
  }

  /** Ends a call another of my devices holds: that device may be closed, or gone with a server that failed. */
  async endElsewhere(): Promise<void> {
    const call = this.elsewhere.value;
    if (!call) return;
    const method = call.state === 'active' ? 'HangUp' : call.caller.id === this.me ? 'Cancel' : 'Reject';
    try {
      await this.changed(await this.hub.invoke<CallView>(method, call.id));
    } catch (error) {
      console.warn('The call could not be ended', asRefusal(error) ?? error);
    }
  }

  reject = () => this.step('Reject');
  cancel = () => this.step('Cancel');
  hangUp = () => this.step('HangUp');

  toggleMute(): void {
    this.muted.value = !this.muted.value;
    this.peer?.setMuted(this.muted.value);
  }

  async useMicrophone(deviceId: string): Promise<void> {
    if (!this.peer) return;
    const stream = await navigator.mediaDevices.getUserMedia({ audio: { deviceId: { exact: deviceId } } });
    await this.peer.useMicrophone(stream, this.muted.value);
  }

  async useSpeaker(deviceId: string): Promise<void> {
    const audio = this.peer?.remoteAudio as (HTMLAudioElement & { setSinkId?: (id: string) => Promise<void> }) | undefined;
    await audio?.setSinkId?.(deviceId);
  }

  dismissNotice(): void {
    this.notice.value = null;
  }

  async refreshMissed(): Promise<void> {
    try {
      this.missed.value = (await ok(callsApi.GET('/missed'))).unseen;
    } catch (error) {
      console.warn('The missed-call count could not be read', error);
    }
  }

  async markMissedSeen(): Promise<void> {
    if (this.missed.value === 0) return;
    this.missed.value = (await ok(callsApi.POST('/missed/seen'))).unseen;
  }

  private async connect(): Promise<void> {
    for (let attempt = 0; !this.stopped; attempt++) {
      try {
        await this.hub.start();
        await this.resume();
        return;
      } catch (error) {
        console.warn('The call hub is unreachable; trying again', error);
        await new Promise((resolve) => setTimeout(resolve, Math.min(10_000, 1_000 * 2 ** attempt)));
      }
    }
  }

  /** After (re)connecting: a call ringing for me rings here; one this tab held before a reload cannot keep its audio and is ended. */
  private async resume(): Promise<void> {
    const call = await this.hub.invoke<CallView | null>('GetCurrentCall');
    if (!call) return;
    const role = roleIn(call, this.me, this.deviceId);
    if (role === 'caller' || (role === 'callee' && call.state === 'active')) {
      await this.hub.invoke(call.state === 'ringing' ? 'Cancel' : 'HangUp', call.id).catch(() => undefined);
    } else {
      await this.changed(call);
    }
  }

  private async rejoin(): Promise<void> {
    const call = this.current.value;
    if (!call || !this.peer) return;
    try {
      await this.changed(await this.hub.invoke<CallView>('Rejoin', call.id));
      this.peer.networkChanged();
    } catch (error) {
      console.warn('The call could not be rejoined', asRefusal(error) ?? error);
    }
  }

  private async step(method: 'Reject' | 'Cancel' | 'HangUp'): Promise<void> {
    const call = this.current.value;
    if (!call) return;
    try {
      await this.changed(await this.hub.invoke<CallView>(method, call.id));
    } catch (error) {
      console.warn(`${method} failed`, asRefusal(error) ?? error);
    }
  }

  /** Every push about a call of mine, and every answer of mine, goes through here. */
  private async changed(call: CallView): Promise<void> {
    const shown = this.current.value;
    const role = roleIn(call, this.me, this.deviceId);
    if (this.elsewhere.value?.id === call.id) this.elsewhere.value = call.state === 'ended' ? null : call;
    if (call.state === 'ended') {
      if (call.callee.id === this.me) void this.refreshMissed();
      if (shown?.id !== call.id) return;
      const ownRole = role === 'caller' || role === 'caller-elsewhere' ? 'caller' : 'callee';
      const other = ownRole === 'caller' ? call.callee : call.caller;
      // Hanging up oneself needs no explanation; anything else does.
      if (!(call.outcome === 'completed' || (call.endedBy === this.me && call.outcome !== 'failed'))) {
        this.notice.value = { kind: noticeFor(call.outcome, ownRole), name: other.displayName };
      }
      this.current.value = null;
      this.endMedia();
      return;
    }
    if (role === 'caller-elsewhere' || role === 'callee-elsewhere') {
      // Placed or taken on another of my devices: stop ringing here, and say where the call is.
      if (shown?.id === call.id) {
        this.current.value = null;
        this.tones.stop();
      }
      this.elsewhere.value = call;
      return;
    }
    if (shown && shown.id !== call.id) return;
    this.show(call);
    // Once: the answer to Accept and the push that follows it both say "active".
    if (call.state === 'active' && this.media.value === null) await this.startMedia(call, role === 'caller');
  }

  private show(call: CallView): void {
    const first = this.current.value?.id !== call.id;
    const wasActive = this.current.value?.state === 'active';
    this.current.value = call;
    if (call.state === 'ringing' && first) {
      if (call.caller.id === this.me) this.tones.ringback();
      else {
        performance.mark('chatapp:incoming-call');
        this.tones.ringtone();
      }
    }
    if (call.state === 'active' && !wasActive) {
      this.tones.stop();
      this.answeredLocally = Date.now();
    }
  }

  private async startMedia(call: CallView, offerer: boolean): Promise<void> {
    const microphone = this.microphone;
    if (!microphone) return;
    this.media.value = 'connecting';
    const iceServers = await this.currentIceServers();
    this.peer = new PeerLink({ iceServers }, microphone, offerer, {
      sendDescription: async (type, sdp) => this.hub.invoke('SendDescription', call.id, { type, sdp: await signDescription(this.keys!, call.id, type, sdp) }),
      sendCandidate: (candidate) => this.hub.invoke('SendCandidate', call.id, candidate),
      stateChanged: (state) => (this.media.value = state),
    });
    this.peer.setMuted(this.muted.value);
    if (offerer) await this.peer.offer();
    for (const signal of this.early.splice(0)) await this.signalled(signal);
  }

  private async signalled(signal: CallSignal): Promise<void> {
    if (this.current.value?.id !== signal.callId) return;
    if (!this.peer) {
      this.early.push(signal);
      return;
    }
    const call = this.current.value;
    try {
      if (signal.kind !== 'candidate') {
        const other = call.caller.id === this.me ? call.callee.id : call.caller.id;
        const sdp = await verifyDescription(this.keys!, other, call.id, signal.kind, signal.sdp ?? '');
        // A description whose DTLS fingerprint its sender did not sign: someone sits in between. No media flows.
        if (sdp === null) return await this.insecure(call, signal.kind);
        signal = { ...signal, sdp };
      }
      await this.peer.receive(signal);
    } catch (error) {
      console.warn('A call signal could not be used', error);
    }
  }

  /**
   * Ends a call whose description was not signed by the other person. The other side is told
   * first, with a description that carries no proof (which its own check refuses the same way),
   * so both people see why; a server that drops that message only keeps the call from connecting.
   */
  private async insecure(call: CallView, received: 'offer' | 'answer'): Promise<void> {
    const other = call.caller.id === this.me ? call.callee : call.caller;
    const reply = received === 'offer' ? 'answer' : 'offer';
    await this.hub.invoke('SendDescription', call.id, { type: reply, sdp: 'v=0\r\na=x-chatapp-unverified\r\n' }).catch(() => undefined);
    this.peer?.close();
    await this.hangUp();
    this.notice.value = { kind: 'insecure', name: other.displayName };
  }

  private async currentIceServers(): Promise<RTCIceServer[]> {
    if (!this.iceServers || Date.parse(this.iceServers.expiresAt) - Date.now() < refreshIceBeforeMs) {
      this.iceServers = await ok(callsApi.GET('/ice-servers'));
      this.scheduleIceRefresh();
    }
    return this.iceServers.iceServers.map((server) => ({
      urls: [...server.urls],
      ...(server.username ? { username: server.username } : {}),
      ...(server.credential ? { credential: server.credential } : {}),
    }));
  }

  /** TURN credentials expire: a long call gets fresh ones before they do, for any ICE restart to come. */
  private scheduleIceRefresh(): void {
    if (this.iceRefresh) clearTimeout(this.iceRefresh);
    const due = Date.parse(this.iceServers!.expiresAt) - Date.now() - refreshIceBeforeMs;
    this.iceRefresh = setTimeout(() => {
      this.iceServers = null;
      if (this.peer) void this.currentIceServers().then((servers) => this.peer?.setIceServers(servers));
    }, Math.max(60_000, due));
  }

  private async takeMicrophone(name: string): Promise<boolean> {
    try {
      this.microphone = await navigator.mediaDevices.getUserMedia({ audio: true });
      return true;
    } catch (error) {
      console.warn('No microphone', error);
      this.notice.value = { kind: 'no-microphone', name };
      return false;
    }
  }

  private releaseMicrophone(): void {
    for (const track of this.microphone?.getTracks() ?? []) track.stop();
    this.microphone = null;
  }

  private endMedia(): void {
    this.tones.stop();
    this.peer?.close();
    this.peer = null;
    this.early = [];
    this.releaseMicrophone();
    this.media.value = null;
    this.muted.value = false;
    if (this.iceRefresh) clearTimeout(this.iceRefresh);
    this.iceRefresh = null;
  }

  private readonly networkChanged = () => this.peer?.networkChanged();
}
