namespace ChatApp.Calls.Tests.Support;

/// <summary>Session descriptions and candidates shaped like Chromium's for a voice call.</summary>
public static class Sdp
{
    public const string Offer = "v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0\r\n" +
        "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 0.0.0.0\r\na=mid:0\r\na=sendrecv\r\na=rtpmap:111 opus/48000/2\r\n";

    public const string Answer = "v=0\r\no=- 1978361224811470291 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0\r\n" +
        "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 0.0.0.0\r\na=mid:0\r\na=sendrecv\r\na=rtpmap:111 opus/48000/2\r\n";

    public const string Candidate = "candidate:842163049 1 udp 1677729535 127.0.0.1 54321 typ host generation 0 ufrag abcd network-cost 999";
}
