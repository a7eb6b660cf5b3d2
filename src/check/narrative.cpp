#include "check/narrative.hpp"
#include "base/text.hpp"

#include <algorithm>
#include <optional>

namespace ogi::detail {
namespace {

using Text = std::u32string;

/// Decodes UTF-8 as to_code_points() does (an invalid byte becomes U+FFFD) and drops white
/// space; full-width digits become ASCII, so that the scanners below see "申请 17 件" and
/// "申请１７件" as "申请17件". One pass, without the intermediate string.
Text compact(std::string_view s) {
    Text out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        char32_t cp = next_code_point(s, i);
        if (cp == U' ' || cp == U'\t' || cp == U'\n' || cp == U'\r' || cp == U'\u3000' || cp == U'\u00A0') continue;
        if (cp >= U'０' && cp <= U'９') cp = U'0' + (cp - U'０');
        out.push_back(cp);
    }
    return out;
}

std::string encode(const Text& t, std::size_t from, std::size_t to) {
    to = std::min(to, t.size());
    return from < to ? to_utf8(std::u32string_view(t).substr(from, to - from)) : std::string();
}

bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }

/// The number starting at i (digits, maybe with thousands commas); advances i past it.
std::optional<std::int64_t> number_at(const Text& t, std::size_t& i) {
    if (i >= t.size() || !is_digit(t[i])) return std::nullopt;
    std::int64_t v = 0;
    std::size_t digits = 0;
    while (i < t.size() && (is_digit(t[i]) || (t[i] == U',' && i + 3 < t.size() && is_digit(t[i + 1]) &&
                                                is_digit(t[i + 2]) && is_digit(t[i + 3]) && digits > 0))) {
        if (t[i] != U',') {
            if (++digits > 15) return std::nullopt;  // not a count anyone states in prose
            v = v * 10 + (t[i] - U'0');
        }
        ++i;
    }
    return v;
}

bool contains(const Text& t, std::size_t from, std::size_t to, std::u32string_view word) {
    if (to > t.size()) to = t.size();
    if (from >= to || to - from < word.size()) return false;
    return std::u32string_view(t).substr(from, to - from).find(word) != std::u32string_view::npos;
}

bool starts_with(const Text& t, std::size_t at, std::u32string_view word) {
    return std::u32string_view(t).substr(at, word.size()) == word;
}

bool ends_sentence(char32_t c) { return c == U'。' || c == U'；' || c == U';' || c == U'！' || c == U'？'; }

}  // namespace

namespace {

std::vector<ApplicationStatement> application_counts(const Text& t) {
    std::vector<ApplicationStatement> out;
    static constexpr std::u32string_view keys[] = {U"收到", U"受理", U"新收", U"接收", U"接到"};
    static constexpr std::u32string_view not_applications[] = {U"复议", U"诉讼", U"咨询", U"信访", U"投诉", U"举报",
                                                               U"建议", U"提案", U"诉求", U"结转", U"办结", U"答复",
                                                               U"来电", U"留言", U"来信", U"增", U"减", U"较",
                                                               U"比", U"同期"};
    for (std::size_t i = 0; i < t.size(); ++i) {
        // Every key begins with one of these four characters.
        if (t[i] != U'收' && t[i] != U'受' && t[i] != U'新' && t[i] != U'接') continue;
        bool key = false;
        for (auto k : keys) key = key || starts_with(t, i, k);
        if (!key) continue;
        std::size_t j = i + 2;
        const std::size_t limit = std::min(t.size(), i + 40);
        while (j < limit && !is_digit(t[j]) && !ends_sentence(t[j]) && t[j] != U'，' && t[j] != U',') ++j;
        if (j >= limit || !is_digit(t[j])) continue;
        std::size_t k = j;
        auto n = number_at(t, k);
        if (!n || k >= t.size() || (t[k] != U'件' && t[k] != U'宗')) continue;
        const std::size_t after = k + 1;
        // The words before the number say what was received; or "收到4件申请" says it after.
        // An application for government information: "政府信息公开申请", "依申请公开" — not a 行政许可申请.
        const bool about_applications =
            (contains(t, i, j, U"申请") || contains(t, after, after + 8, U"申请")) &&
            (contains(t, i, j, U"公开") || contains(t, i, j, U"信息") || contains(t, after, after + 8, U"公开"));
        bool excluded = false;
        for (auto w : not_applications) excluded = excluded || contains(t, i, j, w);
        if (!about_applications || excluded) continue;
        ApplicationStatement s;
        s.count = *n;
        // "4件（含上年结转1件）", "4件，其中上年结转1件": only words right after the number count.
        std::size_t q = after;
        if (q < t.size() && (t[q] == U'（' || t[q] == U'(' || t[q] == U'，' || t[q] == U',')) ++q;
        const bool qualifies = starts_with(t, q, U"含") || starts_with(t, q, U"包括") || starts_with(t, q, U"包含") ||
                               starts_with(t, q, U"其中");
        s.includes_carried_over = qualifies && (contains(t, q, q + 8, U"上年结转") || contains(t, q, q + 8, U"上年度结转"));
        // Quote the clause: from the sentence start (or 12 characters back) to the number's unit.
        std::size_t from = i;
        while (from > 0 && i - from < 12 && !ends_sentence(t[from - 1]) && t[from - 1] != U'，') --from;
        s.quote = encode(t, from, after);
        out.push_back(std::move(s));
        i = k;
    }
    return out;
}

std::vector<ProactiveStatement> proactive_totals(const Text& t) {
    std::vector<ProactiveStatement> out;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (!is_digit(t[i]) || (i > 0 && is_digit(t[i - 1]))) continue;
        std::size_t k = i;
        auto total = number_at(t, k);
        if (!total || k >= t.size() || t[k] != U'条') continue;
        // Before the number: "…公开/公布/发布…信息", within the sentence.
        std::size_t from = i;
        while (from > 0 && i - from < 25 && !ends_sentence(t[from - 1])) --from;
        if (!contains(t, from, i, U"信息") ||
            !(contains(t, from, i, U"公开") || contains(t, from, i, U"公布") || contains(t, from, i, U"发布")))
            continue;
        // After it: "，其中" or "（其中".
        std::size_t p = k + 1;
        while (p < t.size() && p < k + 4 && !starts_with(t, p, U"其中")) ++p;
        if (!starts_with(t, p, U"其中")) continue;
        ProactiveStatement s;
        s.total = *total;
        // Parts: "N条" at the list's own depth, up to the end of the sentence or the bracket.
        int level = 0;
        std::size_t q = p + 2;
        for (; q < t.size(); ++q) {
            const char32_t c = t[q];
            if (c == U'(' || c == U'（') ++level;
            else if (c == U')' || c == U'）') {
                if (--level < 0) break;
            } else if (ends_sentence(c) && level <= 0) {
                break;
            } else if (level == 0 && is_digit(c) && !is_digit(t[q - 1])) {
                std::size_t e = q;
                auto n = number_at(t, e);
                if (n && e < t.size() && t[e] == U'条') s.parts.push_back(*n);
                q = e - 1;
            }
        }
        // Channels ("通过门户网站发布…条，政务微博…条") overlap: they are not parts of the total.
        static constexpr std::u32string_view channels[] = {U"通过", U"网站", U"微博", U"微信", U"公众号", U"新媒体",
                                                           U"客户端", U"报刊", U"电视", U"平台"};
        bool overlapping = false;
        for (auto w : channels) overlapping = overlapping || contains(t, p, q, w);
        if (s.parts.size() >= 2 && !overlapping) {
            s.quote = encode(t, from, std::min(q + 1, t.size()));
            out.push_back(std::move(s));
        }
        i = q;
    }
    return out;
}

}  // namespace

std::vector<ApplicationStatement> find_application_counts(std::string_view text) { return application_counts(compact(text)); }

std::vector<ProactiveStatement> find_proactive_totals(std::string_view text) { return proactive_totals(compact(text)); }

NarrativeStatements find_statements(std::string_view text) {
    const Text t = compact(text);
    return {application_counts(t), proactive_totals(t)};
}

}  // namespace ogi::detail
