namespace TdktBot.Core.Units;

/// <summary>
/// Abbreviations of Vietnamese administration, keyed by their folded form. Expanding both the
/// written body and the directory's names lets "HĐ TĐKT xã" meet "Hội đồng Thi đua - Khen thưởng xã".
/// </summary>
public static class Abbreviations
{
    public static IReadOnlyDictionary<string, string> Common { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ubnd"] = "uy ban nhan dan",
        ["hdnd"] = "hoi dong nhan dan",
        ["hd"] = "hoi dong",
        ["ub"] = "uy ban",
        ["tdkt"] = "thi dua khen thuong",
        ["td"] = "thi dua",
        ["vh"] = "van hoa",
        ["xh"] = "xa hoi",
        ["vhxh"] = "van hoa xa hoi",
        ["gd"] = "giao duc",
        ["dt"] = "dao tao",
        ["gddt"] = "giao duc dao tao",
        ["mttq"] = "mat tran to quoc",
        ["mt"] = "mat tran",
        ["mn"] = "mam non",
        ["th"] = "tieu hoc",
        ["thcs"] = "trung hoc co so",
        ["thpt"] = "trung hoc pho thong",
        ["ptdtbt"] = "pho thong dan toc ban tru",
        ["vp"] = "van phong",
        ["tyt"] = "tram y te",
        ["bchqs"] = "ban chi huy quan su",
        ["qs"] = "quan su",
        ["ccb"] = "cuu chien binh",
        ["lhpn"] = "lien hiep phu nu",
        ["hlhpn"] = "hoi lien hiep phu nu",
        ["dtn"] = "doan thanh nien",
        ["tncs"] = "thanh nien cong san",
        ["hcm"] = "ho chi minh",
        ["nd"] = "nong dan",
        ["ktht"] = "kinh te ha tang",
        ["ctxh"] = "chinh tri xa hoi",
        ["dv"] = "don vi",
        ["cq"] = "co quan",
    };
}
