using System.Globalization;

namespace TdktBot.Data;

/// <summary>What the plan files last imported into the store were: a fingerprint of them, their plan years and when.</summary>
public sealed record PlanImportMark(string Fingerprint, IReadOnlyList<int> Years, DateTimeOffset At)
{
    /// <summary>The mark of the last complete import, or null when there is none (never imported, or forgotten since).</summary>
    public static Task<PlanImportMark?> ReadAsync(TdktDbContext db, CancellationToken ct) =>
        db.RunAsync("""SELECT "Fingerprint", "Years", "At" FROM "PlanImport" WHERE "Id" = 1;""", [], async (command, token) =>
        {
            await using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
            if (!await reader.ReadAsync(token).ConfigureAwait(false))
            {
                return null;
            }

            var years = reader.GetString(1).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(y => int.Parse(y, CultureInfo.InvariantCulture)).ToList();
            return new PlanImportMark(reader.GetString(0), years, DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)));
        }, ct);

    /// <summary>Records this mark as the last complete import.</summary>
    public Task WriteAsync(TdktDbContext db, CancellationToken ct) =>
        db.RunAsync(
            """
            INSERT INTO "PlanImport" ("Id", "Fingerprint", "Years", "At") VALUES (1, $fingerprint, $years, $at)
            ON CONFLICT ("Id") DO UPDATE SET "Fingerprint" = excluded."Fingerprint", "Years" = excluded."Years", "At" = excluded."At";
            """,
            [new("$fingerprint", Fingerprint), new("$years", string.Join(',', Years.Select(y => y.ToString(CultureInfo.InvariantCulture)))), new("$at", At.ToUnixTimeMilliseconds())],
            (command, token) => command.ExecuteNonQueryAsync(token), ct);

    /// <summary>Forgets the last import, so the next start imports the files again whatever they hold.</summary>
    public static Task ForgetAsync(TdktDbContext db, CancellationToken ct) =>
        db.RunAsync("""DELETE FROM "PlanImport";""", [], (command, token) => command.ExecuteNonQueryAsync(token), ct);
}
