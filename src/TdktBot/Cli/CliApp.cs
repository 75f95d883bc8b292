using TdktBot.Plans;

namespace TdktBot.Cli;

/// <summary>The command-line verbs of the same executable that runs the bot.</summary>
public sealed class CliApp(PlanOptions planOptions, TextWriter output, TextWriter error)
{
    public const int InputError = 1;
    public const int UsageError = 2;

    public const string Usage = """
        TdktBot: nhắc việc kế hoạch thi đua, khen thưởng của xã.

        Cách dùng / Usage:
          TdktBot plan import <kế-hoạch.docx|.txt> [-o plan.yaml] [--format yaml|json]
          TdktBot plan show [plan.yaml] [--quarter 1-4] [--format text|json]
          TdktBot plan check [plan.yaml] [--format text|json]
        Tùy chọn chung: --units <don-vi.yaml> (danh sách đơn vị; mặc định theo cấu hình Plan:UnitsFile).
        """;

    public static bool IsVerb(string word) => word is "plan" or "help" or "--help" or "-h";

    public int Run(IReadOnlyList<string> args)
    {
        try
        {
            return args[0] switch
            {
                "plan" => new PlanCommands(planOptions, output, error).Run(args.Skip(1).ToList()),
                _ => Help(),
            };
        }
        catch (CliUsageException ex)
        {
            error.WriteLine(ex.Message);
            error.WriteLine();
            error.WriteLine(Usage);
            return UsageError;
        }
        catch (IOException ex)
        {
            error.WriteLine($"Lỗi đọc/ghi tệp: {ex.Message}");
            return InputError;
        }
        catch (UnauthorizedAccessException ex)
        {
            error.WriteLine($"Không có quyền đọc/ghi tệp: {ex.Message}");
            return InputError;
        }
    }

    private int Help()
    {
        output.WriteLine(Usage);
        return 0;
    }
}
