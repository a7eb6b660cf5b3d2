// Metadata and narrative of a published report (metadata.hpp).
#include "read/metadata.hpp"

#include "read/cells.hpp"
#include "read/chars.hpp"
#include "read/labels.hpp"

#include <ogi/base/decimal.hpp>

#include <string>

namespace ogi::read {

using detail::normalise_label;

namespace {

std::optional<int> year_before(const std::u32string& u, std::size_t at) {
    // four digits ending right before `at` (allowing "年" or "年度" after them)
    if (at < 4) return std::nullopt;
    for (std::size_t k = at - 4; k < at; ++k)
        if (!is_digit(u[k])) return std::nullopt;
    int y = 0;
    for (std::size_t k = at - 4; k < at; ++k) y = y * 10 + (digit_char(u[k]) - '0');
    return y;
}

/// The name of an agency that ends at `end` in `u`: the run of CJK characters before it,
/// after the last punctuation, digit or 年.
std::string name_before(const std::u32string& u, std::size_t end) {
    std::size_t b = end;
    while (b > 0) {
        const char32_t c = u[b - 1];
        const bool cjk = c >= 0x4E00 && c <= 0x9FFF;
        if (!cjk || c == U'年' || c == U'在' || c == U'的' || c == U'由' || c == U'是') break;
        --b;
    }
    return to_u8(u.substr(b, end - b));
}

}  // namespace

void read_metadata(const std::vector<std::string_view>& lines, Report& r) {
    // The title: "<agency><year>年(度)政府信息公开(工作)年度报告", "<year>年度<agency>政府信息…",
    // "关于<year>年度政府信息公开工作的年度报告" under the agency's name; maybe over two lines.
    std::vector<std::pair<std::string, std::size_t>> head;  // non-empty lines near the top
    for (std::size_t li = 0; li < lines.size() && head.size() < 16; ++li) {
        const std::string t = trim(lines[li]);
        if (!t.empty() && detail::char_count(t) <= 80) head.emplace_back(t, li);
    }
    const std::u32string key = to_u32("政府信息公开");
    for (std::size_t h = 0; h < head.size(); ++h) {
        std::u32string u;
        for (char32_t c : to_u32(head[h].first))
            if (!is_space(c)) u += c;  // "2024 年政府信息…"
        if (u.find(U'《') != std::u32string::npos || u.find(U"根据") != std::u32string::npos) continue;  // prose
        if (h + 1 < head.size() && u.find(key) == std::u32string::npos) {
            // a title wrapped after "政府": join the next line
            const std::u32string joined = u + to_u32(head[h + 1].first);
            if (joined.find(key) != std::u32string::npos && joined.find(U'报') != std::u32string::npos &&
                u.size() >= 4 && u.substr(u.size() - 2) == U"政府")
                u = joined;
        }
        const auto at = u.find(key);
        if (at == std::u32string::npos || u.find(U"报告", at) == std::u32string::npos) continue;
        if (u.find(U"年", 0) == std::u32string::npos) continue;
        // the year: four digits followed by 年
        std::size_t y_at = std::u32string::npos;
        for (std::size_t k = 0; k + 4 < u.size(); ++k)
            if (is_digit(u[k]) && is_digit(u[k + 1]) && is_digit(u[k + 2]) && is_digit(u[k + 3]) && u[k + 4] == U'年' &&
                (k == 0 || !is_digit(u[k - 1]))) {
                y_at = k;
                break;
            }
        if (y_at == std::u32string::npos) continue;
        r.year = *year_before(u, y_at + 4);
        std::u32string name = u.substr(0, y_at);
        for (const char* prefix : {"标题:", "标题：", "标题", "关于"}) {
            const auto p = to_u32(prefix);
            if (name.compare(0, p.size(), p) == 0) name = name.substr(p.size());
        }
        if (name.size() >= 2 && name.substr(name.size() - 2) == U"关于") name.resize(name.size() - 2);
        std::string agency = trim(to_u8(name));
        if (agency.empty()) {  // "2022年度螅镇政府信息公开…": the name after the year
            std::size_t from = y_at + 5;
            if (from < u.size() && u[from] == U'度') ++from;
            if (at > from) agency = trim(to_u8(u.substr(from, at - from)));
            if (agency == "关于") agency.clear();
        }
        if (agency.empty() && h > 0 && detail::char_count(head[h - 1].first) <= 30 &&
            head[h - 1].first.find("报告") == std::string::npos)
            agency = head[h - 1].first;  // the agency's name on the line above the title
        if (detail::char_count(agency) > 40) agency.clear();
        r.agency.name = agency;
        if (!agency.empty()) break;  // else a later copy of the title may sit under the name
    }
    if (r.year == 0) {  // 统计期限 …2020年1月1日至…, or the year the overview opens with
        for (const std::string_view line : lines) {
            const std::u32string u = to_u32(line);
            const auto at = u.find(to_u32("年1月1日"));
            if (at != std::u32string::npos)
                if (auto y = year_before(u, at)) {
                    r.year = *y;
                    break;
                }
        }
    }
    if (r.year == 0 || r.agency.name.empty()) {
        // The first lines of the overview: "2023年，官洲街道办事处认真贯彻…", "汇报我镇2023年…".
        bool in_overview = false;
        std::size_t seen = 0;
        for (const std::string_view line : lines) {
            const std::string n = normalise_label(line);
            if (n == normalise_label("一、总体情况")) {
                in_overview = true;
                continue;
            }
            if (!in_overview || trim(line).empty()) continue;
            if (++seen > 4) break;
            const std::u32string u = to_u32(line);
            if (r.year == 0)
                for (std::size_t k = 0; k + 4 < u.size(); ++k)
                    if (is_digit(u[k]) && is_digit(u[k + 1]) && is_digit(u[k + 2]) && is_digit(u[k + 3]) && u[k + 4] == U'年') {
                        const int y = *year_before(u, k + 4);
                        if (y >= 2008 && y <= 2100) r.year = y;
                        break;
                    }
            if (r.agency.name.empty())
                for (const char* suffix : {"街道办事处", "镇人民政府", "乡人民政府", "人民政府", "镇", "乡"}) {
                    const std::u32string sfx = to_u32(suffix);
                    for (std::size_t at = u.find(sfx); at != std::u32string::npos; at = u.find(sfx, at + 1)) {
                        const std::string name = name_before(u, at + sfx.size());
                        if (detail::char_count(name) >= detail::char_count(suffix) + 2 &&
                            name.find("我") == std::string::npos) {
                            r.agency.name = name;
                            break;
                        }
                    }
                    if (!r.agency.name.empty()) break;
                }
        }
    }
    if (!r.agency.name.empty()) {
        const std::string& n = r.agency.name;
        auto ends = [&](std::string_view s) { return n.size() >= s.size() && n.compare(n.size() - s.size(), s.size(), s) == 0; };
        if (ends("街道办事处") || ends("镇人民政府") || ends("乡人民政府") || ends("街道") || ends("镇政府") || ends("乡政府"))
            r.agency.kind = AgencyKind::township;
        else if (ends("人民政府") || ends("管委会") || ends("管理委员会") || ends("综合实验区"))
            r.agency.kind = AgencyKind::government;
        else if (ends("局") || ends("委员会") || ends("办公室") || ends("厅") || ends("委") || ends("中心") || ends("署") ||
                 ends("院"))
            r.agency.kind = AgencyKind::department;
    }

    // Sections of prose: from each heading line to the next heading.
    struct Section {
        LabelKind kind;
        std::size_t line;
    };
    static const std::vector<const Label*> section_labels = [] {
        std::vector<const Label*> out;
        for (const Label& l : labels())
            if (l.kind <= LabelKind::section_overview) out.push_back(&l);
        return out;
    }();
    std::vector<Section> heads;
    for (std::size_t li = 0; li < lines.size(); ++li) {
        if (lines[li].size() > 160) continue;  // a heading is short; 40 characters at most
        // Every section heading starts with 一 … 六. A line that starts with ASCII or with another
        // ideograph cannot normalise to one (NFKC and the traditional forms keep those as they are).
        if (const std::string_view t = trim_view(lines[li]); !t.empty()) {
            const auto b = static_cast<unsigned char>(t[0]);
            const bool cjk = t.size() >= 3 && b >= 0xE4 && b <= 0xE9;  // U+4000..U+9FFF
            if (b < 0x80 || (cjk && !t.starts_with("一") && !t.starts_with("二") && !t.starts_with("三") &&
                             !t.starts_with("四") && !t.starts_with("五") && !t.starts_with("六") &&
                             to_u32(t.substr(0, 3))[0] >= 0x4E00))
                continue;
        }
        const std::string n = normalise_label(lines[li]);
        if (n.empty() || detail::char_count(n) > 40) continue;
        for (const Label* l : section_labels)
            if (n == l->norm) heads.push_back({l->kind, li});
    }
    auto text_between = [&](std::size_t a, std::size_t b) {
        std::vector<std::string> out;
        for (std::size_t li = a; li < b && li < lines.size(); ++li) {
            const std::string t = trim(lines[li]);
            if (t.empty() || is_page_number(t)) continue;
            out.push_back(t);
        }
        return out;
    };
    auto join = [](const std::vector<std::string>& v) {
        std::string s;
        for (std::size_t k = 0; k < v.size(); ++k) s += (k ? "\n" : "") + v[k];
        return s;
    };
    for (std::size_t h = 0; h < heads.size(); ++h) {
        const LabelKind kind = heads[h].kind;
        // Only these sections are prose; the last section also holds the signature.
        if (kind != LabelKind::section_overview && kind != LabelKind::section_problems &&
            kind != LabelKind::section_other && h + 1 != heads.size())
            continue;
        const std::size_t end = h + 1 < heads.size() ? heads[h + 1].line : lines.size();
        auto body = text_between(heads[h].line + 1, end);
        if (heads[h].kind == LabelKind::section_other || h + 1 == heads.size()) {
            // The signature (落款) closes the report: the agency's name and the date. It ends
            // section 六, or whatever section comes last when a report has no 六.
            if (!body.empty()) {
                const std::u32string last = to_u32(body.back());
                const auto ri = last.find(U'日');
                const auto yi = last.find(U'年');
                if (ri != std::u32string::npos && yi != std::u32string::npos && last.size() <= 20 && yi >= 4) {
                    if (auto y = year_before(last, yi)) {
                        // month and day
                        std::size_t k = yi + 1;
                        int m = 0, d = 0;
                        while (k < last.size() && is_digit(last[k])) m = m * 10 + (digit_char(last[k++]) - '0');
                        if (k < last.size() && last[k] == U'月') {
                            ++k;
                            while (k < last.size() && is_digit(last[k])) d = d * 10 + (digit_char(last[k++]) - '0');
                            if (m >= 1 && d >= 1) r.published_on = Date{*y, m, d}.to_string();
                        }
                    }
                    body.pop_back();
                    if (!body.empty() && detail::char_count(body.back()) <= 40 &&
                        (body.back() == r.agency.name || normalise_label(body.back()) == normalise_label(r.agency.name)))
                        body.pop_back();
                }
            }
        }
        if (body.empty()) continue;
        const std::string text = join(body);
        switch (heads[h].kind) {
        case LabelKind::section_overview:
            if (!r.narrative.overview) r.narrative.overview = text;
            break;
        case LabelKind::section_problems:
            if (!r.narrative.problems) r.narrative.problems = text;
            break;
        case LabelKind::section_other:
            if (!r.narrative.other_matters) r.narrative.other_matters = text;
            break;
        default: break;
        }
    }
}

}  // namespace ogi::read
