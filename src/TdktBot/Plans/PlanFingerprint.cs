using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using TdktBot.Core.Plans;
using TdktBot.Data;

namespace TdktBot.Plans;

/// <summary>
/// What decides the outcome of a plan import, as one SHA-256: the unit directory and every plan file (path and bytes, in
/// the configured order), whether a messenger is configured (it decides the console chats), and the build of the code
/// that reads and stores them (a new version of the bot imports again, in case it reads the files differently).
/// </summary>
public static class PlanFingerprint
{
    private const string Version = "tdkt-plan-import/1";

    /// <summary>The fingerprint, or null when a file cannot be read (the full load then says what is wrong).</summary>
    public static string? Of(PlanOptions options, bool messengerConfigured)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Line(string text) => hash.AppendData(Encoding.UTF8.GetBytes(text + "\n"));

        Line(Version);
        foreach (var code in new[] { typeof(PlanFingerprint), typeof(Plan), typeof(PlanSync) })
        {
            Line(code.Assembly.ManifestModule.ModuleVersionId.ToString());
        }

        Line(messengerConfigured ? "messenger" : "console only");
        try
        {
            foreach (var file in options.AllFiles().Prepend(options.UnitsFile).Select(PlanOptions.Resolve))
            {
                var bytes = File.ReadAllBytes(file);
                Line(file);
                Line(bytes.Length.ToString(CultureInfo.InvariantCulture));
                hash.AppendData(bytes);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
