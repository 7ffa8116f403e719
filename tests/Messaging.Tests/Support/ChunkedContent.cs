using System.Net;
using System.Net.Http.Headers;

namespace ChatApp.Messaging.Tests.Support;

/// <summary>A JSON body sent in chunks, without a Content-Length: the server learns its size only by reading it.</summary>
public sealed class ChunkedContent : HttpContent
{
    private readonly byte[] _bytes;

    public ChunkedContent(string json)
    {
        _bytes = System.Text.Encoding.UTF8.GetBytes(json);
        Headers.ContentType = new MediaTypeHeaderValue("application/json");
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        // In pieces, as a slow client would send them.
        foreach (var piece in _bytes.Chunk(16 * 1024))
            await stream.WriteAsync(piece);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
