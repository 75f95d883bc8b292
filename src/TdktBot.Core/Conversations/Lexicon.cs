using TdktBot.Core.Text;

namespace TdktBot.Core.Conversations;

// What a word or phrase contributes to a request's meaning.
internal enum Cue
{
    None,

    // Particles, address and politeness words: "ạ", "nhé", "ơi", "cho em hỏi".
    Filler,

    // Consumed by a period ("quý 2", "tuần này", "3 tháng tới").
    Period,

    // Consumed by a target ("nhiệm vụ 3", "D1", "hạn nộp 2").
    Target,

    Submit,
    Done,

    // Doing, as opposed to handing in: "làm", "thực hiện".
    Act,

    // "đã", "vừa": the action is finished.
    Perfect,

    // "rồi".
    Already,
    Negation,
    Question,
    Who,
    Self,
    Owe,

    // "còn", "vẫn".
    Still,

    // "phải", "cần".
    Must,
    Undo,
    Mistake,
    Soon,

    // "hạn", "hạn nộp" without a number.
    DeadlineWord,
    Year,
    Plan,
    // Small talk: "chào", "bot ơi", "cảm ơn".
    Greeting,
    Help,

    // Unmistakable help requests: "hướng dẫn", "bot làm được gì".
    StrongHelp,

    // "làm sao để", "cách", "ở đâu": asking how, so the verb after it is not a report.
    HowTo,

    // "thế nào", "ra sao": how, when said of an action ("gửi file như thế nào"); otherwise just a question.
    Manner,
    Members,
    Accept,
    Return,
    Invite,
    Broadcast,
    Start,

    // "nhiệm vụ", "mục", "việc" without a number.
    TaskWord,

    // "đơn vị", "cơ quan" on their own: who, not what.
    UnitWord,

    // Many units at once: "các đơn vị", "danh sách", "tình hình".
    Plural,

    // "được", as in "không nộp được" (cannot).
    Able,

    // Where a unit stands on an item, asked about: "bị trả lại", "được duyệt".
    Reviewed,

    // Words that join a description to its circumstances ("qua email", "lúc 9 giờ"), ending a target hint.
    Joiner,
}

// The cue words and phrases, folded, and the spelling repair that lets them match how people type.
// Phrases are matched longest first, so "hạn nộp" is a deadline, not the verb "nộp".
internal static class Lexicon
{
    private static readonly (Cue Cue, string[] Phrases)[] Entries =
    [
        (Cue.Filler, ["a", "ah", "nhe", "nha", "nhen", "nhi", "vay", "oi", "bot", "admin", "voi", "cho", "xin", "hoi",
            "cho hoi", "cho em hoi", "cho toi hoi", "cho minh hoi", "lam on", "kinh gui", "la", "co", "cac", "nhung", "ne", "day",
            "di", "nua", "luon", "ok", "vang", "the", "anh", "chi", "ban", "ha", "mot", "nay", "cai", "xem", "cua", "biet",
            "muon", "ve", "trong", "bam", "thoi", "ua", "sorry", "xin loi", "dum", "gium", "ho",
            "dong thoi", "ngoai ra", "ben canh do",

            // "gửi hồ sơ lâu rồi": when, not what.
            "lau roi", "tu lau", "lau lam roi",

            // The closing formulas of a formal report, and what was sent: "Đề nghị ghi nhận.", "bản giấy".
            "de nghi ghi nhan", "ghi nhan giup", "ghi nhan", "de nghi cho biet", "xin cho biet", "cho biet", "vui long cho biet", "de nghi cung cap", "tran trong", "ban giay", "ban mem", "ban scan", "ban cung", "ban goc",
            "kem", "dinh kem", "phu luc",

            // "cán bộ đi học hết": a staff member, not "bỏ đi". "kiểm tra lại": checking, not "trả lại".
            "can bo", "kiem tra", "kiem tra lai"]),
        (Cue.Submit, ["nop", "bao", "gui", "nop lai", "gui lai", "gui di", "chuyen", "upload", "up", "tai len", "xac nhan", "trinh",
            "mang len", "mang toi", "dem len", "dua len", "mang nop", "dem nop", "mang sang", "dem sang", "mang qua", "mang ho so", "dem ho so"]),
        (Cue.Done, ["xong", "hoan thanh", "hoan tat", "lam xong", "xong xuoi", "done",

            // "tích giúp nv đó", "đánh dấu xong giúp": mark it done.
            "tich giup", "tich gium", "tich dum", "tich cho", "tick", "danh dau"]),
        (Cue.Act, ["lam", "thuc hien", "trien khai", "to chuc", "tham du", "du", "tham gia", "ban hanh", "hop", "xay dung"]),

        // Parts of names that read as cue words: "Ban Chỉ huy" is not "hủy", "Phòng Văn hóa" not "vẫn".
        (Cue.None, ["chi huy", "bao cao", "van hoa", "van phong", "van ban", "van thu", "cong van", "van nghe", "thong bao", "thanh tich", "may tinh",

            // "sắp xếp người làm" arranges, it is not "sắp"; "hai nghìn không trăm hai lăm", "hai không hai sáu", "mười lăm"
            // are numbers said aloud.
            "sap xep", "nghin khong tram", "ngan khong tram", "hai khong hai", "muoi lam"]),
        (Cue.Reviewed, ["bi tra lai", "bi tra ve", "duoc duyet", "da duyet", "duoc tiep nhan", "da tiep nhan", "duoc chap nhan"]),
        (Cue.Perfect, ["da", "vua", "vua moi", "moi"]),
        (Cue.Already, ["roi"]),
        (Cue.Negation, ["chua", "khong", "chang", "chua he", "khong he"]),
        (Cue.Question, ["gi", "nao", "sao", "bao nhieu", "khi nao", "bao gio", "bao lau", "may", "khac nhau cho nao", "khac nhau o dau",

            // "nộp nv 13 đến đâu rồi": how far along.
            "den dau roi", "toi dau roi"]),
        (Cue.Manner, ["the nao", "nhu the nao", "nhu nao", "ra sao"]),
        (Cue.Who, ["ai", "nhung ai", "don vi nao", "danh sach don vi", "danh sach cac don vi", "danh sach cac co quan", "nhung don vi nao", "cac don vi nao", "co quan nao", "noi nao",
            "ben nao", "truong nao", "may don vi", "bao nhieu don vi", "doan the nao", "hoi nao", "to chuc nao"]),
        (Cue.Self, ["toi", "minh", "em", "chung toi", "chung em", "chung minh", "ben toi", "ben em", "ben minh",
            "don vi toi", "don vi minh", "don vi em", "co quan toi", "co quan minh", "co quan em"]),
        (Cue.Owe, ["no", "thieu", "con lai", "ton", "ton dong", "qua han", "tre han", "tre"]),
        (Cue.Still, ["con", "van", "van con"]),
        (Cue.Must, ["phai", "can", "can phai"]),
        (Cue.Undo, ["huy", "huy bo", "rut lai", "thu hoi", "xoa", "bo xac nhan", "hoan tac", "undo", "go", "go bo",
            "bo di", "bo giup", "bo gium", "bo dum", "bo cai", "bo ca", "bo muc", "bo viec", "bo nhiem vu", "bo het", "bo 1", "bo mot",
            "sua lai giup", "sua lai gium", "sua lai dum", "sua giup", "bo bao cao"]),
        (Cue.Mistake, ["nham", "lon", "nham lan", "lo tay", "sai"]),
        (Cue.Soon, ["ke tiep", "tiep theo", "sap toi", "sap den", "sap het han", "sap toi han", "han chot", "gan nhat", "sap", "toi han",
            "den han", "deadline", "thoi gian toi", "nhung ngay toi", "may ngay toi", "hom nay", "ngay mai", "han cuoi"]),
        (Cue.DeadlineWord, ["han", "han nop", "thoi han", "het han"]),
        (Cue.Year, ["ca nam", "nam nay", "trong nam", "toan bo", "tat ca", "hang nam", "nguyen nam", "ke hoach nam",
            "ca ke hoach", "toan bo ke hoach"]),
        (Cue.Plan, ["ke hoach"]),
        (Cue.Greeting, ["chao", "xin chao", "hello", "hi", "alo", "hey", "chao bot", "bot oi", "cam on", "thanks", "thank you", "alo co ai khong", "co ai o day khong"]),
        (Cue.Help, ["giup", "giup do", "help", "khong hieu", "khong biet"]),
        (Cue.StrongHelp, ["huong dan", "tro giup", "cach dung", "cach su dung", "su dung", "dung the nao", "dung cai nay the nao", "dung cai nay nhu the nao", "dung cai nay sao",
            "dung nhu the nao", "dung sao", "lam duoc gi", "lam gi duoc", "lam duoc nhung gi", "chuc nang", "menu", "lenh", "cac lenh",
            "hoi duoc gi", "hoi duoc nhung gi", "hoi duoc cai gi", "dung bot", "tu nhac", "tu gui nhac", "tu dong", "su dung bot", "giup gi", "giup duoc gi", "co the giup", "giup duoc nhung gi", "giup duoc nhung viec gi", "giup nhung viec gi", "giup duoc viec gi",
            "bot nay dung de lam gi", "bot dung de lam gi", "bot nay de lam gi", "bot nay lam gi", "khong biet dung", "nhac duoc khong", "co nhac duoc"]),
        (Cue.HowTo, ["lam sao", "lam the nao", "lam nhu the nao", "cach nao", "cach", "kieu gi", "kieu nao", "bang cach nao", "o dau", "cho nao",
            "lenh nao", "co lenh", "sua sao", "sua the nao", "sua nhu the nao", "sua nhu nao", "sua lai sao", "sua lai the nao", "go the nao", "go nhu the nao", "thi sao", "huy sao", "huy the nao", "huy nhu the nao", "huy nhu nao", "huy kieu gi", "huy bang cach nao", "go gi", "thi go", "phai go", "xai sao",
            "go lenh", "go lenh gi", "lenh gi", "nhan gi de", "nhan the nao de", "nhan sao de", "go lenh nao", "go cau gi", "go chu gi", "cu phap", "cu phap gi", "cu phap nao",
            "nhan the nao", "nhan nhu the nao", "nhan kieu gi", "nhan tin the nao", "nhan tin nhu the nao", "nhan tin kieu gi"]),
        (Cue.Members, ["thanh vien", "nguoi dung", "ai dang dung", "tai khoan"]),
        (Cue.Accept, ["tiep nhan", "chap nhan", "duyet", "phe duyet"]),
        (Cue.Return, ["tra lai", "tra ve", "yeu cau nop lai", "bat nop lai"]),
        (Cue.Invite, ["ma moi", "loi moi", "link moi", "moi them", "them thanh vien", "them nguoi", "them don vi"]),
        (Cue.Broadcast, ["phat dong", "gui thong bao", "thong bao cho", "thong bao toi", "thong bao den", "thong bao tat ca"]),
        (Cue.Start, ["bat dau", "start", "kich hoat"]),
        (Cue.TaskWord, ["nhiem vu", "muc", "so", "stt", "tt", "viec", "cong viec", "noi dung", "task", "phan", "chi tieu"]),
        (Cue.UnitWord, ["don vi", "co quan", "ben"]),
        (Cue.Plural, ["cac don vi", "nhung don vi", "danh sach", "cac co quan", "tinh hinh", "thong ke", "tong hop"]),
        (Cue.Able, ["duoc"]),
        (Cue.Joiner, ["qua", "bang", "luc", "vao", "tai", "ngay", "kem", "theo", "ma"]),
    ];

    // Words a typo fix must leave alone although no phrase lists them: the period words Mentions
    // reads, and ordinary words one letter away from a cue ("phòng" is not a misspelt "không", "trên" not "triển",
    // "thông" not "tháng", "quyết định" not "duyệt", "phụ trách" not "tranh").
    private static readonly string[] Bystanders =
    [
        "phong", "trong", "truong", "thuong", "duong", "nhanh", "chanh", "tranh", "chinh", "chieu", "nguoi", "khoan",
        "khang", "thong", "cuong", "luong", "tuong", "vuong", "chuong", "khach", "thich", "thiet", "nhiet", "nghiem",
        "nghiep", "thuoc", "truoc", "buoc", "cuoc", "nuoc", "thuc", "chuc", "phuc", "truc", "khuc", "chung", "trung",
        "hung", "nhieu", "hieu", "kieu", "lieu", "thang", "tuan", "quy", "nam", "thanh", "nhan", "trang", "khoa",
        "tong", "ket", "bao", "cao", "email", "zalo", "file", "giay", "thoi", "gian", "hoc", "kinh", "phat", "dong",
        "dung", "tien", "chien", "thien", "doan", "hoan", "chuan", "thuan", "xuan", "hien", "cuoi", "nhat", "quyet", "tren", "trach",
    ];

    private static readonly Dictionary<string, List<(string[] Words, Cue Cue)>> ByFirstWord = Build();

    private static readonly HashSet<string> Vocabulary = BuildVocabulary();

    // The longest phrase starting at words[index]: how many words it covers and its cue.
    public static (int Length, Cue Cue)? LongestPhraseAt(IReadOnlyList<Word> words, int index)
    {
        if (ByFirstWord.TryGetValue(words[index].Folded, out var phrases))
        {
            foreach (var (phrase, cue) in phrases)
            {
                // A phrase runs within a clause: "quên báo, giờ báo bổ sung" holds no "bao giờ".
                if (index + phrase.Length <= words.Count && Enumerable.Range(1, phrase.Length - 1).All(k => words[index + k].Folded == phrase[k] && !words[index + k].Paused))
                {
                    return (phrase.Length, cue);
                }
            }
        }

        return null;
    }

    // The cue of a word on its own; phrases are sorted longest first, so a one-word phrase is last.
    public static Cue SingleWordCue(string word) =>
        ByFirstWord.TryGetValue(word, out var phrases) && phrases[^1].Words.Length == 1 ? phrases[^1].Cue : Cue.None;

    // A folded word as it was meant: unchanged when known; else undone from Telex keystrokes
    // ("noopj" → "nop"); else the one cue word a letter away ("khoong" → "khong", "nheim" → "nhiem").
    // Words under four letters get no typo fix: at that length every other word is a letter away from a cue.
    public static string Correct(string word)
    {
        if (word.Length < 3 || Vocabulary.Contains(word) || word.Any(char.IsAsciiDigit))
        {
            return word;
        }

        var untyped = FromTelex(word);
        if (Vocabulary.Contains(untyped))
        {
            return untyped;
        }

        if (word.Length < 4)
        {
            return word;
        }

        string? found = null;
        foreach (var known in Vocabulary)
        {
            if (known.Length >= 5 && Math.Abs(known.Length - word.Length) <= 1 && OneSlipApart(word, known))
            {
                if (found is not null)
                {
                    // Two candidates: guessing would change the meaning half of the time.
                    return word;
                }

                found = known;
            }
        }

        return found ?? word;
    }

    // Telex typed without an input method: "w" marks a horn or breve, doubled vowels and "dd" mark
    // circumflex and đ, and s/f/r/x/j/z after a vowel or at the end mark the tone ("tuaanf"). No
    // Vietnamese syllable has those letters after its vowel, so removing them cannot turn one real
    // word into another.
    private static string FromTelex(string word)
    {
        var chars = new List<char>(word.Length);
        for (var i = 0; i < word.Length; i++)
        {
            var ch = word[i];
            if (ch == 'w')
            {
                continue;
            }

            var previous = chars.Count > 0 ? chars[^1] : '\0';
            if ("sfrxjz".Contains(ch, StringComparison.Ordinal) && i > 0
                && ("aeiouy".Contains(previous, StringComparison.Ordinal) || i == word.Length - 1))
            {
                continue;
            }

            if (ch == previous && "aeod".Contains(ch, StringComparison.Ordinal))
            {
                continue;
            }

            chars.Add(ch);
        }

        return new string([.. chars]);
    }

    // One edit (EditDistance 1) or two neighbouring letters swapped ("nheim" for "nhiem").
    private static bool OneSlipApart(string a, string b)
    {
        if (VietnameseText.EditDistance(a, b) == 1)
        {
            return true;
        }

        if (a.Length != b.Length)
        {
            return false;
        }

        var first = -1;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i])
            {
                first = i;
                break;
            }
        }

        return first >= 0 && first + 1 < a.Length && a[first] == b[first + 1] && a[first + 1] == b[first]
               && a.AsSpan(first + 2).SequenceEqual(b.AsSpan(first + 2));
    }

    private static Dictionary<string, List<(string[] Words, Cue Cue)>> Build()
    {
        var byFirst = new Dictionary<string, List<(string[] Words, Cue Cue)>>(StringComparer.Ordinal);
        foreach (var (cue, phrases) in Entries)
        {
            foreach (var phrase in phrases)
            {
                var words = phrase.Split(' ');
                if (!byFirst.TryGetValue(words[0], out var list))
                {
                    byFirst[words[0]] = list = [];
                }

                list.Add((words, cue));
            }
        }

        foreach (var list in byFirst.Values)
        {
            list.Sort((x, y) => y.Words.Length.CompareTo(x.Words.Length));
        }

        return byFirst;
    }

    private static HashSet<string> BuildVocabulary()
    {
        var vocabulary = new HashSet<string>(Bystanders, StringComparer.Ordinal);
        foreach (var (_, phrases) in Entries)
        {
            foreach (var phrase in phrases)
            {
                vocabulary.UnionWith(phrase.Split(' '));
            }
        }

        return vocabulary;
    }
}
