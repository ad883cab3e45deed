using System.Buffers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cooperation.Web.Hosting;

/// <summary>
/// Sends a page (or a page's fragment for live updates) in one piece: it renders into a pooled
/// buffer, loses its templates' indentation (<see cref="TemplateIndentation"/>) and goes out with
/// its <c>Content-Length</c>, in one write instead of chunks every 16 K characters. A client then
/// reads it in fewer, larger pieces. Only page results: files and the live event stream are
/// written as they come.
/// </summary>
internal sealed class WholePage : IAsyncResultFilter
{
    /// <inheritdoc/>
    public async Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        var response = context.HttpContext.Response;
        if (context.Result is not (PageResult or PartialViewResult) || response.HasStarted)
        {
            await next();
            return;
        }
        var body = response.Body;
        using var page = new PageBuffer();
        response.Body = page;
        try
        {
            await next();
        }
        finally
        {
            response.Body = body;
        }
        var length = TemplateIndentation.Remove(page.Written);
        if (!response.HasStarted)
            response.ContentLength = length;
        await body.WriteAsync(page.Memory[..length], context.HttpContext.RequestAborted);
    }

    /// <summary>A write-only stream into pooled memory, growing as the page is written.</summary>
    private sealed class PageBuffer : Stream
    {
        private byte[] _buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        private int _length;

        public Span<byte> Written => _buffer.AsSpan(0, _length);

        public Memory<byte> Memory => _buffer.AsMemory(0, _length);

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (_length + buffer.Length > _buffer.Length)
            {
                var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + buffer.Length));
                Written.CopyTo(larger);
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = larger;
            }
            buffer.CopyTo(_buffer.AsSpan(_length));
            _length += buffer.Length;
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer.AsSpan(offset, count));
            return Task.CompletedTask;
        }

        public override void Flush() { }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing && _buffer.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = [];
                _length = 0;
            }
            base.Dispose(disposing);
        }
    }
}
