using System.Globalization;

namespace TdktBot.Core.Text;

/// <summary>
/// The one order for names shown to people (units above all): the Vietnamese alphabet, a ă â b c d đ e ê … u ư v x y,
/// with tones and case as lesser differences, so «Hội đồng …» comes before «Hội Nông dân», «Trạm Y tế» before
/// «Trường …», and «Ủy ban …» after T, not last as in code-point order. It is ICU's vi-VN collation: the app runs with
/// InvariantGlobalization off, and the Docker image checks that ICU is there.
/// </summary>
public static class VietnameseOrder
{
    public static StringComparer Names { get; } = StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), CompareOptions.None);
}
