import type { CallSignal } from '../api/types';

export type MediaState = 'connecting' | 'connected' | 'reconnecting' | 'failed';

export interface PeerEvents {
  sendDescription(type: 'offer' | 'answer', sdp: string): Promise<void>;
  sendCandidate(candidate: RTCIceCandidateInit): Promise<void>;
  stateChanged(state: MediaState): void;
}

/** How long a dropped connection may try to heal by itself before the caller restarts ICE (well within the server's 15 s). */
const restartAfterMs = 2_500;

/**
 * The audio link of one call: an RTCPeerConnection with trickle ICE through the call hub. The
 * caller makes the offers (the first, and an ICE restart when the network changes or the link
 * drops); the callee answers. Candidates that arrive before their description wait for it.
 */
export class PeerLink {
  readonly connection: RTCPeerConnection;
  readonly remoteAudio = new Audio();
  private pendingCandidates: RTCIceCandidateInit[] = [];
  private restartTimer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;

  constructor(configuration: RTCConfiguration, readonly microphone: MediaStream, private readonly offerer: boolean, private readonly events: PeerEvents) {
    this.remoteAudio.autoplay = true;
    this.connection = new RTCPeerConnection(configuration);
    for (const track of microphone.getAudioTracks()) this.connection.addTrack(track, microphone);
    this.connection.onicecandidate = ({ candidate }) => {
      // The end of gathering is an empty candidate; the server wants it to name its media line.
      const init = candidate ? candidate.toJSON() : { candidate: '', sdpMid: '0', sdpMLineIndex: 0 };
      this.events.sendCandidate(init).catch((error: unknown) => console.warn('A network candidate was not sent', error));
    };
    this.connection.ontrack = ({ streams }) => {
      if (streams[0]) this.remoteAudio.srcObject = streams[0];
      void this.remoteAudio.play().catch(() => undefined);
    };
    this.connection.onconnectionstatechange = () => this.connectionChanged();
  }

  /** The caller's first offer, or with <paramref name="iceRestart"/> a new path for a link that dropped. */
  async offer(iceRestart = false): Promise<void> {
    const offer = await this.connection.createOffer({ iceRestart });
    await this.connection.setLocalDescription(offer);
    await this.events.sendDescription('offer', offer.sdp ?? '');
  }

  async receive(signal: CallSignal): Promise<void> {
    if (this.closed) return;
    if (signal.kind === 'candidate') {
      if (!signal.candidate) return;
      const candidate = { candidate: signal.candidate, sdpMid: signal.sdpMid, sdpMLineIndex: signal.sdpMLineIndex };
      if (this.connection.remoteDescription) await this.connection.addIceCandidate(candidate);
      else this.pendingCandidates.push(candidate);
      return;
    }
    await this.connection.setRemoteDescription({ type: signal.kind, sdp: signal.sdp ?? '' });
    for (const candidate of this.pendingCandidates.splice(0)) await this.connection.addIceCandidate(candidate);
    if (signal.kind === 'offer') {
      const answer = await this.connection.createAnswer();
      await this.connection.setLocalDescription(answer);
      await this.events.sendDescription('answer', answer.sdp ?? '');
    }
  }

  /** The network changed (another Wi-Fi, back online): the caller finds a new path at once. */
  networkChanged(): void {
    if (this.offerer && !this.closed) this.offer(true).catch((error: unknown) => console.warn('ICE restart failed', error));
  }

  setIceServers(iceServers: RTCIceServer[]): void {
    const configuration = this.connection.getConfiguration();
    this.connection.setConfiguration({ ...configuration, iceServers });
  }

  setMuted(muted: boolean): void {
    for (const track of this.microphone.getAudioTracks()) track.enabled = !muted;
  }

  async useMicrophone(stream: MediaStream, muted: boolean): Promise<void> {
    const track = stream.getAudioTracks()[0];
    const sender = this.connection.getSenders().find((candidate) => candidate.track?.kind === 'audio');
    if (!track || !sender) return;
    track.enabled = !muted;
    await sender.replaceTrack(track);
    for (const old of this.microphone.getAudioTracks()) {
      this.microphone.removeTrack(old);
      old.stop();
    }
    this.microphone.addTrack(track);
  }

  close(): void {
    this.closed = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.connection.close();
    for (const track of this.microphone.getTracks()) track.stop();
    this.remoteAudio.srcObject = null;
  }

  private connectionChanged(): void {
    const state = this.connection.connectionState;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = null;
    switch (state) {
      case 'connected':
        this.events.stateChanged('connected');
        break;
      case 'disconnected':
        this.events.stateChanged('reconnecting');
        // Often heals by itself within a second or two; if not, the caller restarts ICE.
        this.restartTimer = setTimeout(() => this.networkChanged(), restartAfterMs);
        break;
      case 'failed':
        this.events.stateChanged(this.offerer ? 'reconnecting' : 'failed');
        this.networkChanged();
        break;
      default:
        break;
    }
  }
}
