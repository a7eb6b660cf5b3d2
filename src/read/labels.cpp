// The form's labels for reading (labels.hpp).
#include "read/labels.hpp"

#include "base/text.hpp"
#include "read/chars.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <map>
#include <set>
#include <unordered_map>

namespace ogi::read {

using detail::normalise_label;

std::string strip_numbering(const std::string& norm) {
    // "1.属于国家秘密" → "属于国家秘密"; "(一)予以公开" → "予以公开"
    std::string s = norm;
    if (!s.empty() && s[0] >= '0' && s[0] <= '9') {
        std::size_t i = 0;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
        if (i < s.size() && s[i] == '.') return s.substr(i + 1);
    }
    if (!s.empty() && s[0] == '(') {
        const auto close = s.find(')');
        if (close != std::string::npos && close < 12) return s.substr(close + 1);
    }
    return s;
}

const std::vector<Label>& labels() {
    static const std::vector<Label> table = [] {
        std::vector<Label> out;
        auto add = [&](std::string_view text, LabelKind k, int edition = -1, int block = -1, int row = -1,
                       int column = -1, bool primary = true) {
            out.push_back(Label{normalise_label(text), k, edition, block, row, column, primary});
        };
        add("一、总体情况", LabelKind::section_overview);
        add("二、主动公开政府信息情况", LabelKind::section_proactive);
        add("三、收到和处理政府信息公开申请情况", LabelKind::section_applications);
        add("四、政府信息公开行政复议、行政诉讼情况", LabelKind::section_reviews);
        add("四、政府信息公开行政复议和行政诉讼情况", LabelKind::section_reviews, -1, -1, -1, -1, false);
        add("四、因政府信息公开申请行政复议、提起行政诉讼的情况", LabelKind::section_reviews, -1, -1, -1, -1, false);
        add("五、政府信息公开工作存在的主要问题及改进情况", LabelKind::section_problems);
        add("五、存在的主要问题及改进情况", LabelKind::section_problems, -1, -1, -1, -1, false);
        add("六、其他需要报告的事项", LabelKind::section_other);
        add("六、其他需要报告的情况", LabelKind::section_other, -1, -1, -1, -1, false);
        add("信息内容", LabelKind::info_header);
        for (int e = 0; e < 2; ++e) {
            const Form& f = form(all_editions[e]);
            const Table& t = *f.table("proactive");
            for (std::size_t b = 0; b < t.blocks.size(); ++b) {
                const Block& block = t.blocks[b];
                add(block.heading, LabelKind::block_heading, e, static_cast<int>(b));
                for (std::size_t c = 0; c < block.columns.size(); ++c) {
                    if (block.columns[c].kind == CellKind::unit) continue;
                    add(block.columns[c].label, LabelKind::column_header, e, static_cast<int>(b), -1, static_cast<int>(c));
                    for (const auto& v : block.columns[c].variants)
                        add(v, LabelKind::column_header, e, static_cast<int>(b), -1, static_cast<int>(c), false);
                }
                for (std::size_t r = 0; r < block.rows.size(); ++r) {
                    add(block.rows[r].label, LabelKind::proactive_row, e, static_cast<int>(b), static_cast<int>(r));
                    for (const auto& v : block.rows[r].variants)
                        add(v, LabelKind::proactive_row, e, static_cast<int>(b), static_cast<int>(r), -1, false);
                }
            }
        }
        const Block& apps = form(Edition::e2021).table("applications")->blocks.front();
        add(apps.header, LabelKind::check_note);
        add("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", LabelKind::check_note);
        add(apps.heading, LabelKind::check_note);  // 申请人情况
        add("法人或其他组织", LabelKind::applicant_header);
        add("法人或者其他组织", LabelKind::applicant_header, -1, -1, -1, -1, false);
        for (std::size_t c = 0; c < apps.columns.size(); ++c) add(apps.columns[c].label, LabelKind::applicant_header);
        std::set<std::string> groups;
        for (std::size_t r = 0; r < apps.rows.size(); ++r) {
            const Row& row = apps.rows[r];
            add(row.label, LabelKind::application_row, -1, 0, static_cast<int>(r));
            for (const auto& v : row.variants) add(v, LabelKind::application_row, -1, 0, static_cast<int>(r), -1, false);
            if (!row.group.empty() && groups.insert(row.group).second) add(row.group, LabelKind::group_label);
            if (!row.number.empty() && groups.insert(row.number).second) add(row.number, LabelKind::group_label);
        }
        for (const char* h : {"行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉", "结果维持", "结果纠正", "其他结果",
                              "尚未审结"})
            add(h, LabelKind::review_header);
        return out;
    }();
    return table;
}

namespace {

bool digits_only(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; });
}


/// The first two characters of a normalised text as one number (their UTF-8 bytes), with the
/// count of characters it holds (0, 1 or 2).
std::pair<std::uint64_t, int> prefix_key(std::string_view norm) {
    std::size_t end = 0;
    int chars = 0;
    while (chars < 2 && end < norm.size()) {
        const auto lead = static_cast<unsigned char>(norm[end]);
        end += lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        ++chars;
    }
    end = std::min(end, norm.size());
    std::uint64_t key = 0;
    std::memcpy(&key, norm.data(), end);
    return {key, chars};
}

/// The label table indexed for matching: labels by their first two characters (a cell that
/// starts with a label, or is the start of one, shares them), and the application rows'
/// labels without their numbering.
struct LabelIndex {
    std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> by_prefix;
    std::vector<std::uint32_t> short_labels;  // fewer than two characters: candidates for every cell
    std::unordered_map<std::string, std::uint32_t> row_by_bare;

    LabelIndex() {
        const auto& all = labels();
        for (std::uint32_t i = 0; i < all.size(); ++i) {
            if (all[i].norm.empty()) continue;
            const auto [key, chars] = prefix_key(all[i].norm);
            if (chars < 2) short_labels.push_back(i);
            else by_prefix[key].push_back(i);
            if (all[i].kind == LabelKind::application_row) row_by_bare.emplace(strip_numbering(all[i].norm), i);
        }
    }

    /// The labels that can match `norm`, in table order; `scratch` holds them when they are not
    /// one bucket as it is.
    const std::vector<std::uint32_t>& candidates(std::string_view norm, std::vector<std::uint32_t>& scratch) const {
        static const std::vector<std::uint32_t> none;
        const auto [key, chars] = prefix_key(norm);
        const auto it = chars == 2 ? by_prefix.find(key) : by_prefix.end();
        const std::vector<std::uint32_t>& bucket = it != by_prefix.end() ? it->second : none;
        if (short_labels.empty()) return bucket;
        scratch = bucket;
        scratch.insert(scratch.end(), short_labels.begin(), short_labels.end());
        std::sort(scratch.begin(), scratch.end());
        return scratch;
    }
};

const LabelIndex& label_index() {
    static const LabelIndex index;
    return index;
}

}  // namespace

LabelMatch match_label(const std::string& norm, bool glued) {
    const auto& all = labels();
    std::vector<std::uint32_t> scratch;
    const std::vector<std::uint32_t>& candidates = label_index().candidates(norm, scratch);
    LabelMatch best;
    for (const std::uint32_t i : candidates) {
        const std::string& l = all[i].norm;
        if (norm.compare(0, l.size(), l) == 0) {
            const std::string_view rest = std::string_view(norm).substr(l.size());
            const bool fits = rest.empty() || rest[0] == '(' || (glued && (rest[0] == '-' || (rest[0] >= '0' && rest[0] <= '9'))) ||
                              digits_only(rest);
            if (fits && l.size() > best.covered) best = LabelMatch{static_cast<int>(i), l.size(), false};
        }
    }
    if (best.label >= 0) return best;
    // A wrapped label: the cell is the start of one label only (at least five characters).
    if (detail::char_count(norm) >= 5) {
        int found = -1;
        for (const std::uint32_t i : candidates) {
            const std::string& l = all[i].norm;
            if (l.size() > norm.size() && l.compare(0, norm.size(), norm) == 0) {
                if (found >= 0 && all[static_cast<std::size_t>(found)].kind != all[i].kind) return best;
                if (found < 0) found = static_cast<int>(i);
            }
        }
        if (found >= 0) return LabelMatch{found, norm.size(), true};
    }
    // A label with its numbering dropped or changed ("属于国家秘密", "7、属于行政执法案卷").
    const std::string bare = strip_numbering(norm);
    if (detail::char_count(bare) >= 4) {
        const auto& rows = label_index().row_by_bare;
        if (auto it = rows.find(bare); it != rows.end()) return LabelMatch{static_cast<int>(it->second), norm.size(), false};
    }
    return best;
}

const Label& in_edition(int label, Edition edition) {
    // twins[e][i]: the label of edition e worded as label i, or label i itself.
    static const std::array<std::vector<std::size_t>, 2> twins = [] {
        std::array<std::vector<std::size_t>, 2> out;
        const auto& all = labels();
        for (int e = 0; e < 2; ++e)
            for (std::size_t i = 0; i < all.size(); ++i) {
                std::size_t twin = i;
                if (all[i].edition >= 0 && all[i].edition != e)
                    for (std::size_t j = 0; j < all.size(); ++j)
                        if (all[j].edition == e && all[j].kind == all[i].kind && all[j].norm == all[i].norm) {
                            twin = j;
                            break;
                        }
                out[static_cast<std::size_t>(e)].push_back(twin);
            }
        return out;
    }();
    const std::size_t e = edition == Edition::e2019 ? 0 : 1;
    return labels()[twins[e][static_cast<std::size_t>(label)]];
}

const std::vector<const Label*>& labels_starting_with(std::string_view first) {
    static const std::map<std::string, std::vector<const Label*>, std::less<>> by_first = [] {
        std::map<std::string, std::vector<const Label*>, std::less<>> m;
        for (const Label& l : labels())
            if (!l.norm.empty()) m[l.norm.substr(0, utf8_length(static_cast<unsigned char>(l.norm[0])))].push_back(&l);
        return m;
    }();
    static const std::vector<const Label*> none;
    const auto it = by_first.find(first);
    return it == by_first.end() ? none : it->second;
}

}  // namespace ogi::read
