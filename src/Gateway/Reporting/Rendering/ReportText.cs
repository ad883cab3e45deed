using Cooperation.Contracts.Common;
using Cooperation.Contracts.Kpis;
using Cooperation.Contracts.Reporting;

namespace Cooperation.Gateway.Reporting.Rendering;

/// <summary>The words of a report in its language: headings, labels, statuses, and names.</summary>
public static class ReportText
{
    private static readonly Dictionary<string, (string En, string Vi, string Ja)> Words = new(StringComparer.Ordinal)
    {
        ["report"] = ("Progress report", "Báo cáo tiến độ", "進捗報告書"),
        ["donor"] = ("Donor", "Nhà tài trợ", "資金提供者"),
        ["period"] = ("Period", "Kỳ báo cáo", "対象期間"),
        ["cutoff"] = ("Figures as of", "Số liệu tính đến", "数値の基準時点"),
        ["basis.all"] = ("All submitted figures; verified and submitted-only ones are marked", "Tất cả số liệu đã nộp; số liệu đã xác minh và mới nộp được ghi rõ", "提出済みの全数値（検証済み・提出のみを明記）"),
        ["basis.approved"] = ("Approved figures only", "Chỉ số liệu đã phê duyệt", "承認済みの数値のみ"),
        ["totals"] = ("Totals", "Tổng hợp", "合計"),
        ["partnership"] = ("Partnership", "Quan hệ đối tác", "パートナーシップ"),
        ["programme"] = ("Programme", "Chương trình", "プログラム"),
        ["pilots"] = ("Pilots", "Dự án thí điểm", "パイロット事業"),
        ["pilot"] = ("Pilot", "Dự án thí điểm", "パイロット事業"),
        ["status"] = ("Status", "Trạng thái", "状況"),
        ["kpi"] = ("KPI", "Chỉ số", "指標"),
        ["baseline"] = ("Baseline", "Cơ sở", "基準値"),
        ["target"] = ("Target", "Mục tiêu", "目標値"),
        ["actual"] = ("Actual", "Thực tế", "実績"),
        ["progress"] = ("Progress", "Tiến độ", "進捗率"),
        ["trajectory"] = ("Trajectory", "Lộ trình", "目標軌道"),
        ["verified"] = ("verified", "đã xác minh", "検証済み"),
        ["submitted"] = ("submitted only", "mới nộp", "提出のみ"),
        ["milestones"] = ("Milestones due or overdue", "Mốc đến hạn hoặc quá hạn", "期限到来・超過のマイルストーン"),
        ["overdue"] = ("overdue", "quá hạn", "期限超過"),
        ["funding"] = ("Funding", "Tài trợ", "資金"),
        ["committed"] = ("Committed", "Cam kết", "拠出約束額"),
        ["disbursed"] = ("Disbursed", "Đã giải ngân", "支出済額"),
        ["reductions"] = ("Emission reductions (JCM), cumulative", "Giảm phát thải (JCM), lũy kế", "排出削減量（JCM）累計"),
        ["review"] = ("Review of the period", "Thẩm định kỳ báo cáo", "期間の審査"),
        ["submitted-by"] = ("submitted by", "nộp bởi", "提出者"),
        ["approved-by"] = ("approved by", "phê duyệt bởi", "承認者"),
        ["late"] = ("late", "nộp muộn", "遅延"),
        ["not-submitted"] = ("Nothing submitted for the period", "Chưa nộp số liệu cho kỳ này", "当期間の提出なし"),
        ["notes"] = ("Notes of the period", "Ghi chú của kỳ", "当期間の備考"),
        ["none"] = ("none", "không có", "なし"),
        ["no-pilots"] = ("No funded pilot in scope.", "Không có dự án được tài trợ trong phạm vi.", "対象範囲に資金提供中のパイロット事業はありません。"),
        ["on-track"] = ("on track", "đúng tiến độ", "順調"),
        ["at-risk"] = ("at risk", "có rủi ro", "要注意"),
        ["off-track"] = ("off track", "chậm tiến độ", "遅れ"),
        ["not-judged"] = ("not judged", "chưa đánh giá", "判定なし"),

        // ---- Revisions and delivery (e-mail subject and text, the report's revision line); {0} is a number or a date.
        // ---- Added with report revisions and signed links; to be merged into the per-language translation table.
        ["revision"] = ("Revision", "Bản sửa đổi", "改訂版"),
        ["revision.replaces"] = ("It replaces revision {0}: figures of the period changed or were verified after that one was made.",
            "Bản này thay thế bản {0}: số liệu của kỳ đã thay đổi hoặc được xác minh sau khi bản đó được lập.",
            "第{0}版の作成後に当期間の数値が変更または検証されたため、本版がそれに代わります。"),
        ["revision.changed"] = ("{0} figures changed", "{0} số liệu thay đổi", "変更された数値 {0} 件"),
        ["revision.verified"] = ("{0} newly verified", "{0} số liệu mới được xác minh", "新たに検証された数値 {0} 件"),
        ["mail.files"] = ("Files (the links open without an API key until {0})", "Tệp (liên kết mở được không cần khóa API đến {0})",
            "ファイル（リンクは {0} まで API キーなしで開けます）"),
        ["mail.attached"] = ("attached", "đính kèm", "添付"),
    };

    /// <summary>The word for <paramref name="key"/> in <paramref name="language"/>.</summary>
    public static string Word(string key, ReportLanguage language)
    {
        var (en, vi, ja) = Words[key];
        return language switch { ReportLanguage.Vi => vi, ReportLanguage.Ja => ja, _ => en };
    }

    /// <summary>A name in <paramref name="language"/>, else in English, Vietnamese or Japanese.</summary>
    public static string In(LocalizedText text, ReportLanguage language) => language switch
    {
        ReportLanguage.Vi => text.Vi ?? text.Display,
        ReportLanguage.Ja => text.Ja ?? text.Display,
        _ => text.Display,
    };

    /// <summary>A KPI status in <paramref name="language"/>.</summary>
    public static string Status(KpiStatus status, ReportLanguage language) => Word(status switch
    {
        KpiStatus.OnTrack => "on-track",
        KpiStatus.AtRisk => "at-risk",
        KpiStatus.OffTrack => "off-track",
        _ => "not-judged",
    }, language);
}
