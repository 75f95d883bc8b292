using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using TdktBot.Core.Conversations;
using TdktBot.Core.Reminders;
using TdktBot.Data;
using TdktBot.Data.Entities;
using TdktBot.Store;

namespace TdktBot.Archive;

/// <summary>A messenger's way to fetch a file a person sent, by the messenger's own file id.</summary>
public interface IFileDownloads
{
    Messenger Messenger { get; }

    /// <summary>The file's size when the messenger says it before the download, else null.</summary>
    Task<long?> SizeAsync(string fileId, CancellationToken ct);

    Task DownloadAsync(string fileId, Stream into, CancellationToken ct);
}

/// <summary>What became of a file sent with a confirmation.</summary>
public abstract record Kept
{
    private Kept()
    {
    }

    public sealed record Stored(ArchivedFile File) : Kept;

    public sealed record TooLarge(long Size) : Kept;

    public sealed record Failed(string Reason) : Kept;
}

/// <summary>
/// Keeps a file sent with a confirmation in the data folder's <c>archive/</c> (<see cref="ArchiveNames"/>) and registers it
/// (<see cref="ArchivedFile"/>): downloaded through the messenger, at most 20 MB (Telegram's own download limit), hashed
/// as it is written, written beside its place and moved there, so a file is whole or absent. A failed download is tried
/// three times.
/// </summary>
public sealed class FileArchive(IEnumerable<IFileDownloads> downloads, StoreOptions store, ReminderPolicy policy, TimeProvider time)
{
    public const long MaxBytes = 20 * 1024 * 1024;

    private static readonly TimeSpan[] Retries = [TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(2)];

    /// <summary>The archive's folder inside the data folder.</summary>
    public const string FolderName = "archive";

    public string Folder => Path.Combine(store.FolderPath, FolderName);

    /// <summary>Whether files sent on <paramref name="messenger"/> can be fetched at all.</summary>
    public bool Takes(Messenger messenger) => downloads.Any(d => d.Messenger == messenger);

    public async Task<Kept> KeepAsync(TdktDbContext db, Obligation obligation, string unit, Messenger messenger, string fileId, string? originalName,
        string sentBy, CancellationToken ct)
    {
        var source = downloads.First(d => d.Messenger == messenger);
        var target = await db.Targets.AsNoTracking().Where(t => t.Id == obligation.TargetId).Select(t => new { t.Number, t.Due, t.Plan.Year }).SingleAsync(ct);
        var now = time.GetUtcNow();
        var local = TimeZoneInfo.ConvertTime(now, policy.Settings.TimeZone).DateTime;
        string? failure = null;
        for (var attempt = 0; attempt <= Retries.Length; attempt++)
        {
            try
            {
                if (await source.SizeAsync(fileId, ct) is > MaxBytes and var size)
                {
                    return new Kept.TooLarge(size);
                }

                var path = await FreePathAsync(db, ArchiveNames.For(target.Year, target.Number, unit, local, originalName), ct);
                var (bytes, hash) = await WriteAsync(source, fileId, path, ct);
                var file = new ArchivedFile
                {
                    UnitId = obligation.UnitId,
                    TargetId = obligation.TargetId,
                    Channel = messenger,
                    SentBy = sentBy,
                    ReceivedAt = now,
                    Late = DateOnly.FromDateTime(local) >= policy.LateFrom(target.Due),
                    OriginalName = originalName is null ? null : Core.Text.VietnameseFormat.Shorten(originalName, 300),
                    Size = bytes,
                    Sha256 = hash,
                    Path = path,
                };
                db.ArchivedFiles.Add(file);
                await db.SaveChangesAsync(ct);
                return new Kept.Stored(file);
            }
            catch (FileTooLargeException e)
            {
                return new Kept.TooLarge(e.Size);
            }
            catch (Exception e) when (e is HttpRequestException or IOException or TimeoutException or Telegram.Bot.Exceptions.RequestException
                                          or TaskCanceledException { CancellationToken.IsCancellationRequested: false })
            {
                failure = e.Message;
                if (attempt < Retries.Length)
                {
                    await Task.Delay(Retries[attempt], ct);
                }
            }
        }

        return new Kept.Failed(failure ?? "không rõ");
    }

    // The first of "<name>", "<name> (2)"… neither on disk nor in the register.
    private async Task<string> FreePathAsync(TdktDbContext db, string path, CancellationToken ct)
    {
        for (var n = 1; ; n++)
        {
            var candidate = ArchiveNames.Numbered(path, n);
            if (!File.Exists(Full(candidate)) && !await db.ArchivedFiles.AnyAsync(f => f.Path == candidate, ct))
            {
                return candidate;
            }
        }
    }

    private async Task<(long Bytes, string Sha256)> WriteAsync(IFileDownloads source, string fileId, string path, CancellationToken ct)
    {
        var full = Full(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = full + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            long bytes;
            string hash;
            await using (var file = File.Create(temporary))
            using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                var limited = new LimitedStream(file, sha, MaxBytes);
                await source.DownloadAsync(fileId, limited, ct);
                bytes = limited.Written;
                hash = Convert.ToHexStringLower(sha.GetHashAndReset());
            }

            File.Move(temporary, full);
            return (bytes, hash);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private string Full(string path) => Path.Combine(Folder, path.Replace('/', Path.DirectorySeparatorChar));

    private sealed class FileTooLargeException(long size) : IOException($"tệp lớn hơn {MaxBytes} byte")
    {
        public long Size { get; } = size;
    }

    /// <summary>Writes through to a file and a hash, and stops a download that goes past the limit.</summary>
    private sealed class LimitedStream(Stream inner, IncrementalHash sha, long limit) : Stream
    {
        public long Written { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => Written;

        public override long Position { get => Written; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Count(buffer.Length);
            sha.AppendData(buffer);
            inner.Write(buffer);
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Count(buffer.Length);
            sha.AppendData(buffer.Span);
            await inner.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        private void Count(int bytes)
        {
            Written += bytes;
            if (Written > limit)
            {
                throw new FileTooLargeException(Written);
            }
        }
    }
}
