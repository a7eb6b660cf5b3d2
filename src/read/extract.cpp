// The extractor: published report text (or HTML) → Report.
//
// 1. The input becomes lines of cells (text split at tabs, pipes and wide gaps; HTML rows).
// 2. Cells are tokens: numbers (with units, signs, notes), placeholders, text; text tokens
//    that match a label of the form (or a variant, or the start of a wrapped label) are anchors.
// 3. Each table's region is found from its anchors, and its numbers are laid into the form's
//    cells in the form's order: by count when the count fits, else row by row at the labels.
// 4. Digits that ran together are split by the form's arithmetic; a split that is not unique
//    leaves the cell blank with the candidates listed. Nothing is guessed.
#include <ogi/read/extract.hpp>

#include "read/html.hpp"
#include "read/readers.hpp"
#include "base/text.hpp"

#include <boost/json.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cassert>
#include <cstdint>
#include <cstring>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

namespace ogi {
namespace {

using detail::normalise_label;
using read::Grid;
using read::GridCell;
using read::GridRow;

// ---------------------------------------------------------------- UTF-8 helpers

std::u32string to_u32(std::string_view s) { return detail::to_code_points(s); }
std::string to_u8(std::u32string_view s) { return detail::to_utf8(s); }

bool is_space(char32_t c) { return c == U' ' || c == U'\t' || c == 0xA0 || c == 0x3000 || c == U'\r'; }
bool is_digit(char32_t c) { return (c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９'); }
char digit_char(char32_t c) { return static_cast<char>(c >= U'０' ? U'0' + (c - U'０') : c); }

/// The length of the white space (is_space) that starts `s`, or 0.
inline std::size_t space_at(std::string_view s) {
    if (s.empty()) return 0;
    const auto b = static_cast<unsigned char>(s[0]);
    if (b > ' ' && b != 0xC2 && b != 0xE3) [[likely]] return 0;  // most characters
    if (s[0] == ' ' || s[0] == '\t' || s[0] == '\r') return 1;
    if (s.substr(0, 2) == "\xC2\xA0") return 2;       // U+00A0
    if (s.substr(0, 3) == "\xE3\x80\x80") return 3;  // U+3000
    return 0;
}

/// The length in bytes of the character at s[i] (1 for a stray byte), never past the end.
std::size_t char_length(std::string_view s, std::size_t i) {
    const auto lead = static_cast<unsigned char>(s[i]);
    const std::size_t n = lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    return std::min(n, s.size() - i);
}

/// Whether the character at s[i] is a digit, ASCII or full-width.
bool is_digit_at(std::string_view s, std::size_t i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b >= '0' && b <= '9') return true;
    return s.substr(i, 2) == "\xEF\xBC" && i + 2 < s.size() && static_cast<unsigned char>(s[i + 2]) >= 0x90 &&
           static_cast<unsigned char>(s[i + 2]) <= 0x99;
}

std::string_view trim_view(std::string_view s) {
    while (const std::size_t n = space_at(s)) s.remove_prefix(n);
    for (;;) {
        if (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
        else if (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xA0") s.remove_suffix(2);
        else if (s.size() >= 3 && s.substr(s.size() - 3) == "\xE3\x80\x80") s.remove_suffix(3);
        else break;
    }
    return s;
}

std::string trim(std::string_view s) { return std::string(trim_view(s)); }

// ---------------------------------------------------------------- tokens

struct Token {
    enum class Kind { text, number, blank, run } kind = Kind::text;
    std::string raw;   // as printed
    std::string norm;  // normalised, for text
    std::size_t line = 0, column = 0;
    // number: digits of the value ("-8", "38297", "0.38"); unit as printed; note in brackets
    std::string value;
    std::string unit;
    bool annotated = false;
    // run: digits that ran together with their neighbours ("898989", may hold one '.')
    int label = -1;         // index into the label table when this text is a label
    bool partial = false;   // the label matched only the start of a wrapped label
};

/// The JSON pointers of the cells of row `r` of either edition's form, one a column of its
/// block ("/applications/disclosed/natural"), made once: the readers ask for them per row.
const std::vector<std::string>& row_cell_pointers(const Row& r) {
    static const std::unordered_map<const Row*, std::vector<std::string>> pointers = [] {
        std::unordered_map<const Row*, std::vector<std::string>> out;
        for (const Edition e : all_editions)
            for (const Table& t : form(e).tables())
                for (const Block& b : t.blocks)
                    for (const Row& row : b.rows) {
                        auto& v = out[&row];
                        for (const Column& col : b.columns) v.push_back(fmt::format("/{}/{}/{}", t.key, row.key, col.key));
                    }
        return out;
    }();
    return pointers.at(&r);
}

/// One of them, in table `table`.
const std::string& cell_pointer(std::string_view table, const Row& r, std::size_t c) {
    const std::string& p = row_cell_pointers(r)[c];
    assert(p.compare(1, table.size(), table) == 0);
    (void)table;
    return p;
}

/// Whether every byte of `s` is an ASCII digit (true for empty text).
bool ascii_digits(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// Whether a trimmed cell starts as a number or a placeholder can (a digit, a sign, a dash, a
/// slash, 无 …): most text cells are turned away here without being decoded.
bool may_start_number_cell(std::string_view t) {
    if (t.empty()) return false;
    const auto b = static_cast<unsigned char>(t[0]);
    if (b < 0x80) return (b >= '0' && b <= '9') || b == '-' || b == '+' || b == '/' || b == '\\' || b == 'N' || b == 'n';
    if (t.size() < 3 || (b != 0xE2 && b != 0xE6 && b != 0xE7 && b != 0xE4 && b != 0xEF)) return false;
    static constexpr std::string_view starts[] = {"－", "＋", "／", "—", "–", "无", "無", "空", "不"};
    for (const auto st : starts)
        if (t.starts_with(st)) return true;
    return t.starts_with("\xEF\xBC") && static_cast<unsigned char>(t[2]) >= 0x90 &&
           static_cast<unsigned char>(t[2]) <= 0x99;  // ０ … ９
}

/// A number as printed in a cell: "0", "-8", "+22", "1,234", "38297元", "13件", "0.38万元",
/// "22（其中修订16件）". Placeholders ("/", "-", "—", "无") are blanks.
std::optional<Token> read_number_cell(std::string_view text) {
    const std::string_view trimmed = trim_view(text);
    if (!may_start_number_cell(trimmed)) return std::nullopt;
    if (ascii_digits(trimmed)) {
        Token t;  // the common case: plain digits
        t.kind = Token::Kind::number;
        t.value = trimmed;
        return t;
    }
    const std::u32string u = to_u32(trimmed);
    static const std::u32string placeholders[] = {U"/", U"／", U"-", U"－", U"—", U"——", U"--", U"–", U"无", U"無",
                                                  U"空", U"\\", U"N/A", U"n/a", U"不适用", U"—-", U"-—"};
    for (const auto& p : placeholders)
        if (u == p) {
            Token t;
            t.kind = Token::Kind::blank;
            return t;
        }
    std::size_t i = 0;
    Token t;
    t.kind = Token::Kind::number;
    if (u[i] == U'-' || u[i] == U'－' || u[i] == U'+' || u[i] == U'＋') {
        if (u[i] == U'-' || u[i] == U'－') t.value += '-';
        else t.annotated = true;  // an explicit plus sign is noted
        ++i;
    }
    bool any = false, point = false;
    for (; i < u.size(); ++i) {
        if (is_digit(u[i])) {
            t.value += digit_char(u[i]);
            any = true;
        } else if ((u[i] == U',' || u[i] == U'，') && any && i + 3 < u.size() && is_digit(u[i + 1]) &&
                   is_digit(u[i + 2]) && is_digit(u[i + 3]) && (i + 4 >= u.size() || !is_digit(u[i + 4]))) {
            continue;  // thousands separator
        } else if ((u[i] == U'.' || u[i] == U'．') && any && !point && i + 1 < u.size() && is_digit(u[i + 1])) {
            t.value += '.';
            point = true;
        } else {
            break;
        }
    }
    if (!any) return std::nullopt;
    // What may follow: a unit, then a note in brackets.
    std::u32string rest = u.substr(i);
    std::size_t r = 0;
    while (r < rest.size() && is_space(rest[r])) ++r;
    static const std::u32string units[] = {U"万元", U"元", U"件", U"个", U"条", U"项", U"次", U"宗", U"起", U"人次"};
    for (const auto& unit : units)
        if (rest.compare(r, unit.size(), unit) == 0) {
            t.unit = to_u8(unit);
            r += unit.size();
            break;
        }
    while (r < rest.size() && is_space(rest[r])) ++r;
    if (r < rest.size()) {
        if (rest[r] == U'(' || rest[r] == U'（') {
            t.annotated = true;
            r = rest.size();
        } else {
            return std::nullopt;
        }
    }
    if (!t.unit.empty()) t.annotated = true;
    return t;
}

/// Whether read_number_cell reads the cell as a number or a placeholder, without making the token.
bool is_number_cell(std::string_view text) {
    const std::string_view t = trim_view(text);
    if (!may_start_number_cell(t)) return false;
    if (ascii_digits(t)) return true;
    return read_number_cell(t).has_value();
}

/// Page numbers that pdftotext leaves between lines: "-3-", "- 3 -", "第 3 页", "3/10".
bool is_page_number(std::string_view text) {
    // Only short cells with a dash or 页 can be one; most cells are not looked at twice.
    if (text.size() > 40 || (text.find('-') == std::string_view::npos && text.find("－") == std::string_view::npos &&
                             text.find("页") == std::string_view::npos))
        return false;
    const std::string s = normalise_label(text);
    if (s.size() >= 3 && s.front() == '-' && s.back() == '-') {
        const std::string mid = s.substr(1, s.size() - 2);
        return !mid.empty() && ascii_digits(mid);
    }
    if (s.rfind("第", 0) == 0 && s.size() > 6 && s.substr(s.size() - 3) == "页") return true;
    return false;
}

// ---------------------------------------------------------------- labels

enum class LabelKind {
    section_proactive, section_applications, section_reviews, section_problems, section_other, section_overview,
    block_heading,   // 第二十条第（一）项
    info_header,     // 信息内容
    column_header,   // a column label of table 二
    proactive_row,   // a row of table 二 (form, block, row)
    check_note,      // the 勾稽 note / 申请人情况: the head of table 三
    applicant_header,
    application_row, // a row of table 三
    group_label,     // （三）不予公开 …: no cells of its own
    review_header,   // 行政复议, 行政诉讼, 结果维持 …
};

struct Label {
    std::string norm;
    LabelKind kind;
    int edition = -1;  // for table 二: 0 = 2019, 1 = 2021; -1 both
    int block = -1, row = -1, column = -1;
    bool primary = true;  // the official wording (not a variant)
};

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

bool digits_only(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; });
}

/// The label a text cell is, if any: the longest label the cell starts with (the rest being
/// empty, a note in brackets, or digits that ran on), or, for a wrapped label, the one whose
/// start the cell is. Returns the label index and the length (bytes of norm) it covers.
struct LabelMatch {
    int label = -1;
    std::size_t covered = 0;
    bool partial = false;
};

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

// ---------------------------------------------------------------- lines → tokens

struct Tokenizer {
    std::vector<Token> tokens;
    bool glued = false;
    std::vector<std::pair<std::size_t, std::size_t>> words_;  // segment()'s scratch

    void text_token(std::string_view raw, std::size_t line, std::size_t column) {
        const std::string_view t = trim_view(raw);
        if (t.empty()) return;
        if (ascii_digits(t)) {
            Token& n = tokens.emplace_back();  // plain digits, most cells: read_number_cell's first case
            n.kind = Token::Kind::number;
            n.value = t;
            n.raw = t;
            n.line = line;
            n.column = column;
            return;
        }
        if (is_page_number(t)) return;
        if (auto n = read_number_cell(t)) {
            n->raw = t;
            n->line = line;
            n->column = column;
            tokens.push_back(std::move(*n));
            return;
        }
        Token& tok = tokens.emplace_back();
        tok.kind = Token::Kind::text;
        tok.raw = t;
        tok.norm = normalise_label(t);
        tok.line = line;
        tok.column = column;
        // A label with digits run on ("规范性文件898989") or the numbers after it ("四、结转 0 0 0").
        const LabelMatch m = match_label(tok.norm, glued);
        if (m.label >= 0) {
            tok.label = m.label;
            tok.partial = m.partial;
            if (m.covered < tok.norm.size() && tok.norm[m.covered] != '(' && !m.partial) {
                Token run;
                run.kind = Token::Kind::run;
                run.value = tok.norm.substr(m.covered);
                run.raw = run.value;
                run.line = line;
                run.column = column + detail::char_count(tok.raw);
                tok.norm.resize(m.covered);
                tokens.push_back(std::move(run));
            }
        }
    }

    /// A segment between tabs, pipes or wide gaps: "label 0 0 0" splits off its numbers.
    /// `column` is the column of the segment's first character.
    void segment(std::string_view u, std::size_t line, std::size_t column) {
        words_.clear();  // [start, end) in bytes
        for (std::size_t i = 0; i < u.size();) {
            while (i < u.size())
                if (const std::size_t n = space_at(u.substr(i))) i += n;
                else break;
            const std::size_t s = i;
            while (i < u.size() && space_at(u.substr(i)) == 0) i += char_length(u, i);
            if (i > s) words_.emplace_back(s, i);
        }
        if (words_.empty()) return;
        // Trailing words that are numbers become cells of their own.
        std::size_t first_number = words_.size();
        while (first_number > 0) {
            const auto [s, e] = words_[first_number - 1];
            if (!is_number_cell(u.substr(s, e - s))) break;
            --first_number;
        }
        // columns point at the cell's first character
        const std::size_t lead = column + detail::char_count(u.substr(0, words_.front().first));
        if (first_number == words_.size() || (first_number == 0 && words_.size() == 1)) {
            text_token(u, line, lead);
            return;
        }
        if (first_number > 0) text_token(u.substr(0, words_[first_number - 1].second), line, lead);
        for (std::size_t w = first_number; w < words_.size(); ++w) {
            const auto [s, e] = words_[w];
            text_token(u.substr(s, e - s), line, column + detail::char_count(u.substr(0, s)));
        }
    }

    /// A line of text (or a part of one, starting at `column`), split into cells.
    void text_line(const std::string_view u, std::size_t line, std::size_t column) {
        auto column_at = [&](std::size_t byte) { return column + detail::char_count(u.substr(0, byte)); };
        auto space = [&](std::size_t i) { return space_at(u.substr(i)); };
        // A separator at byte i: its length, or 0 (tab, pipe, full-width pipe).
        auto separator = [&](std::size_t i) -> std::size_t {
            if (u[i] == '\t' || u[i] == '|') return 1;
            return u.substr(i, 3) == "｜" ? 3 : 0;
        };
        // Cells: split at tabs and pipes, then at gaps of two or more spaces.
        std::size_t start = 0;
        auto flush = [&](std::size_t end) {
            if (end <= start) return;
            std::size_t i = start;
            while (i < end) {
                // find next gap of >= 2 spaces
                std::size_t gap = end;
                for (std::size_t j = i; j < end;) {
                    const std::size_t n = space(j);
                    if (n && j + n < end && space(j + n)) {
                        gap = j;
                        break;
                    }
                    j += n ? n : char_length(u, j);
                }
                segment(u.substr(i, gap - i), line, column_at(i));
                if (gap == end) break;
                i = gap;
                while (i < end)
                    if (const std::size_t n = space(i)) i += n;
                    else break;
            }
        };
        // An empty cell between two separators is a blank cell ("规章 | 0 |  | 3 |"), and so is a
        // line that is a lone tab (a copied table's empty cell); a line of pipes only is filler.
        bool any_text = false;
        for (std::size_t i = 0; i < u.size() && !any_text;) {
            const std::size_t n = space(i);
            any_text = n == 0 && u[i] != '|' && u.substr(i, 3) != "｜";
            i += n ? n : char_length(u, i);
        }
        char before = 0;  // the separator before the current segment: '\t', '|', 'F' (｜), or 0
        bool starts_with_empty_value_row = false;
        {
            // " | 8 | 0 | …": an empty first cell, then numbers only
            std::size_t k = 0;
            while (k < u.size())
                if (const std::size_t n = space(k)) k += n;
                else break;
            if (k < u.size() && k > 0 && (u[k] == '|' || u.substr(k, 3) == "｜")) {
                bool numbers = false, words = false;
                for (std::size_t q = k; q < u.size();) {
                    const std::size_t n = space(q);
                    const std::size_t len = n ? n : char_length(u, q);
                    if (is_digit_at(u, q)) numbers = true;
                    else if (!n && u[q] != '|' && u.substr(q, 3) != "｜" && u[q] != '.' && u[q] != '-' && u[q] != '/')
                        words = true;
                    q += len;
                }
                starts_with_empty_value_row = numbers && !words;
            }
        }
        auto blank_if_empty = [&](std::size_t end, char after) {
            for (std::size_t k = start; k < end;) {
                const std::size_t n = space(k);
                if (!n) return;
                k += n;
            }
            // Before the first separator: a cell only in a row of values whose first is blank
            // (" | 8 | 0 |"), not in a line that opens with a separator ("|", "\t0").
            if (before == 0 && (after != '|' || !starts_with_empty_value_row)) return;
            if (after == 0 && before != '\t') return;  // after the row's closing pipe
            if (!any_text && before != '\t') return;   // "|||"
            Token b;
            b.kind = Token::Kind::blank;
            b.line = line;
            b.column = column_at(start);
            tokens.push_back(std::move(b));
        };
        for (std::size_t i = 0; i < u.size();) {
            if (const std::size_t n = separator(i)) {
                const char sep = u[i] == '\t' ? '\t' : u[i] == '|' ? '|' : 'F';  // F: the full-width pipe
                blank_if_empty(i, sep);
                flush(i);
                start = i + n;
                before = sep;
                i += n;
            } else {
                i += char_length(u, i);
            }
        }
        blank_if_empty(u.size(), 0);
        flush(u.size());
    }

    void explicit_cell(const GridCell& cell) {
        const std::string t = trim(cell.text);
        if (t.empty()) {
            Token b;
            b.kind = Token::Kind::blank;
            b.line = cell.source.line;
            b.column = cell.source.column;
            tokens.push_back(std::move(b));
            return;
        }
        text_token(t, cell.source.line, cell.source.column);
    }
};

/// A crawler's one-line body: the tables' cells touch ("规章000规范性文件898989"). Cut the text
/// before and after every label of the form, so that what is left between them are digit runs.
/// Bytes of the UTF-8 character that starts with this byte.
std::size_t utf8_length(unsigned char lead) { return lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4; }

std::vector<std::string> cut_glued(std::string_view line) {
    const std::u32string u = to_u32(line);
    // Normalise per character so that positions map back; spaces are kept (they are cell
    // boundaries inside digit runs) but skipped when matching a label ("本年度办 理结果").
    std::string joined;
    std::vector<std::size_t> char_of;  // byte of joined → character of u
    for (std::size_t i = 0; i < u.size(); ++i) {
        std::string n = is_space(u[i]) ? std::string(" ") : normalise_label(to_u8(std::u32string(1, u[i])));
        for (std::size_t k = 0; k < n.size(); ++k) char_of.push_back(i);
        joined += n;
    }
    char_of.push_back(u.size());
    auto match_at = [&](std::size_t pos, const std::string& label) -> std::size_t {  // bytes of joined covered
        std::size_t j = pos, k = 0;
        while (k < label.size()) {
            if (j >= joined.size()) return 0;
            if (joined[j] == ' ' && k > 0) {
                ++j;
                continue;
            }
            if (joined[j] != label[k]) return 0;
            ++j;
            ++k;
        }
        return j - pos;
    };
    // The labels by their first character: a position is tried only against the labels that
    // start with its character (not every label), and only where a character starts, so that
    // the cut is linear in the line's length (a 100 MB one-line dump stays linear).
    static const std::map<std::string, std::vector<const Label*>, std::less<>> by_first = [] {
        std::map<std::string, std::vector<const Label*>, std::less<>> m;
        for (const Label& l : labels())
            if (!l.norm.empty()) m[l.norm.substr(0, utf8_length(static_cast<unsigned char>(l.norm[0])))].push_back(&l);
        return m;
    }();
    std::vector<std::size_t> cuts;
    std::size_t pos = 0;
    while (pos < joined.size()) {
        std::size_t best = 0;
        const auto lead = static_cast<unsigned char>(joined[pos]);
        if (joined[pos] != ' ' && (lead & 0xC0) != 0x80)
            if (auto it = by_first.find(std::string_view(joined).substr(pos, utf8_length(lead))); it != by_first.end())
                for (const Label* l : it->second)
                    if (const std::size_t m = match_at(pos, l->norm); m > best) best = m;
        if (best > 0) {
            cuts.push_back(char_of[pos]);
            cuts.push_back(char_of[pos + best]);
            pos += best;
        } else {
            ++pos;
        }
    }
    std::vector<std::string> parts;
    std::size_t prev = 0;
    for (std::size_t c : cuts) {
        if (c > prev) parts.push_back(to_u8(std::u32string_view(u).substr(prev, c - prev)));
        prev = std::max(prev, c);
    }
    if (prev < u.size()) parts.push_back(to_u8(std::u32string_view(u).substr(prev)));
    return parts;
}

// ---------------------------------------------------------------- splitting digit runs

/// At most this many splits of one run are looked at. A run that splits in more ways than this
/// is left blank, as undecided: a truncated list could make a cell look decided when a split
/// beyond it also fits (and fuzzing found 40-digit runs that took seconds to list).
constexpr std::size_t max_splits = 20000;

/// Every way to cut the digits of `pieces` (cuts only inside a piece; a piece may start with a
/// minus sign) into exactly one number per cell, without leading zeros; only money may hold a
/// decimal point and only a signed count a minus sign. An empty `kinds` means counts. Returns
/// false when the search stopped at `limit` splits (or its step budget) before it was done.
bool split_runs(const std::vector<std::string>& pieces, std::size_t n, const std::vector<CellKind>& kinds,
                std::vector<std::vector<std::string>>& out, std::size_t limit = max_splits) {
    std::vector<std::string> current;
    std::size_t steps = 0;
    bool stopped = false;
    auto kind = [&](std::size_t k) { return k < kinds.size() ? kinds[k] : CellKind::count; };
    // Characters from each piece to the end: a branch that cannot fill the cells left (every
    // piece needs a number, a number has at most 16 characters) is cut at once, so that the
    // search does not grow exponentially on runs that have no split (fuzzing found a hang).
    std::vector<std::size_t> chars_from(pieces.size() + 1, 0);
    for (std::size_t k = pieces.size(); k-- > 0;) chars_from[k] = chars_from[k + 1] + pieces[k].size();
    std::function<void(std::size_t, std::size_t)> go = [&](std::size_t piece, std::size_t at) {
        if (stopped) return;
        // The step budget bounds the time of one run whatever its shape: fuzzing found a 408-byte
        // text whose runs of sixes and points took 0.7 s (and 30 s under the sanitizers) with a
        // budget of 64 steps a split. Real runs need a few hundred steps.
        if (out.size() >= limit || ++steps > limit * 8) {
            stopped = true;
            return;
        }
        if (piece == pieces.size()) {
            if (current.size() == n) out.push_back(current);
            return;
        }
        const std::string& p = pieces[piece];
        if (at == p.size()) {
            go(piece + 1, 0);
            return;
        }
        if (current.size() >= n) return;
        const std::size_t cells_left = n - current.size();
        if (pieces.size() - piece > cells_left || chars_from[piece] - at > cells_left * 16) return;
        if (chars_from[piece] - at < cells_left) return;  // every cell needs a character
        const CellKind k = kind(current.size());
        const bool negative = at == 0 && p[0] == '-';
        if (negative && k != CellKind::signed_count) return;
        const std::size_t digits_from = negative ? 1 : 0;
        for (std::size_t len = digits_from + 1; at + len <= p.size(); ++len) {
            const std::string_view num = std::string_view(p).substr(at, len);
            const std::string_view digits = num.substr(digits_from);
            if (digits.size() > 1 && digits[0] == '0' && digits[1] != '.') break;  // no leading zeros
            if (digits.front() == '.') break;
            if (num.back() == '.') continue;
            const auto points = std::count(digits.begin(), digits.end(), '.');
            if (points > 1 || (points == 1 && k != CellKind::money)) break;
            if (digits.size() > 15) break;
            current.emplace_back(num);
            go(piece, at + len);
            current.pop_back();
        }
    };
    go(0, 0);
    return !stopped;
}

/// The value of digits as read, for the readers' arithmetic checks. It stops at 10^15: no cell
/// of the form holds more than fifteen digits (a longer one is refused as too large), and the
/// sums the checks make then stay far from overflow (fuzzing found 5555555555555555555 × 10).
std::int64_t to_int(const std::string& s) {
    constexpr std::int64_t cap = 1'000'000'000'000'000;
    std::int64_t v = 0;
    const bool negative = !s.empty() && s[0] == '-';
    for (char c : s) {
        if (c == '.') break;
        if (c >= '0' && c <= '9') v = std::min(cap, v * 10 + (c - '0'));
    }
    return negative ? -v : v;
}

// ---------------------------------------------------------------- the extractor

struct Placed {
    std::string value;  // digits as read ("" = blank)
    bool blank = false;
    std::size_t line = 0, column = 0;
    std::string unit;
    bool annotated = false;
    std::string raw;
};

/// Every cell pointer of either edition's form, numbered once: the extractor's cells are a
/// table indexed by these, so placing a value costs a look-up, not a string key and a node.
const std::unordered_map<std::string_view, std::size_t>& pointer_ids() {
    static const std::unordered_map<std::string_view, std::size_t> ids = [] {
        std::unordered_map<std::string_view, std::size_t> out;
        for (const Edition e : all_editions)
            for (const CellDef& d : form(e).cells()) out.emplace(d.pointer, out.size());  // views of the forms' strings
        return out;
    }();
    return ids;
}

/// The cells read so far, by JSON pointer.
class CellTable {
public:
    CellTable() : slots_(pointer_ids().size()) {}

    void put(std::string_view pointer, Placed p) {
        if (const auto id = pointer_ids().find(pointer); id != pointer_ids().end()) slots_[id->second] = std::move(p);
        else other_[std::string(pointer)] = std::move(p);  // not a cell of either form: kept all the same
    }
    [[nodiscard]] const Placed* find(std::string_view pointer) const {
        if (const auto id = pointer_ids().find(pointer); id != pointer_ids().end())
            return slots_[id->second] ? &*slots_[id->second] : nullptr;
        const auto it = other_.find(std::string(pointer));
        return it == other_.end() ? nullptr : &it->second;
    }

private:
    std::vector<std::optional<Placed>> slots_;
    std::map<std::string, Placed> other_;
};

class Extractor {
public:
    Extractor(std::vector<Token> tokens, bool glued) : tokens_(std::move(tokens)), glued_(glued) {}

    ExtractResult run(const std::vector<std::string_view>& lines);

private:
    std::vector<Token> tokens_;
    bool glued_;
    ExtractResult result_;
    Edition edition_ = Edition::e2021;
    CellTable cells_;  // pointer → value
    std::set<std::string> ambiguous_;
    std::map<std::string, std::string> unit_hints_;  // pointer → unit printed after a run
    std::map<std::string, std::string> hints_;       // pointer → value the narrative states

    /// Counts the prose states that can settle a split: "制发…规范性文件62件", "制发…规章1件".
    void narrative_hints(const std::vector<std::string_view>& lines) {
        if (edition_ != Edition::e2021) return;
        const std::pair<const char*, const char*> items[] = {{"规范性文件", "/proactive/normative_documents/issued"},
                                                              {"规章", "/proactive/regulations/issued"}};
        for (const std::string_view line : lines) {
            if (line.find("规范性文件") == std::string::npos && line.find("规章") == std::string::npos) continue;
            const std::u32string u = to_u32(line);
            for (const auto& [word, pointer] : items) {
                const std::u32string w = to_u32(word);
                for (std::size_t at = u.find(w); at != std::u32string::npos; at = u.find(w, at + 1)) {
                    std::size_t k = at + w.size();
                    while (k < u.size() && is_space(u[k])) ++k;
                    std::string digits;
                    while (k < u.size() && is_digit(u[k])) digits += digit_char(u[k++]);
                    while (k < u.size() && is_space(u[k])) ++k;
                    if (digits.empty() || k >= u.size() || u[k] != U'件') continue;
                    const std::size_t from = at > 14 ? at - 14 : 0;
                    const std::u32string before = u.substr(from, at - from);
                    const bool issued = before.find(U"制发") != std::u32string::npos ||
                                        before.find(U"印发") != std::u32string::npos ||
                                        before.find(U"出台") != std::u32string::npos;
                    const bool other = before.find(U"现行") != std::u32string::npos || before.find(U"废止") != std::u32string::npos ||
                                       before.find(U"清理") != std::u32string::npos;
                    if (issued && !other && !hints_.count(pointer)) hints_[pointer] = digits;
                }
            }
        }
    }

    /// The label of a text token, read in the detected edition: 规章 is a row of both
    /// editions' table 二, and the one of this report's edition is meant.
    const Label* label_of(std::size_t i) const {
        const Token& t = tokens_[i];
        if (t.kind != Token::Kind::text || t.label < 0) return nullptr;
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
        const std::size_t e = edition_ == Edition::e2019 ? 0 : 1;
        return &labels()[twins[e][static_cast<std::size_t>(t.label)]];
    }
    bool is_value(std::size_t i) const {
        return tokens_[i].kind == Token::Kind::number || tokens_[i].kind == Token::Kind::blank ||
               tokens_[i].kind == Token::Kind::run;
    }

    void diag(std::string_view rule, Severity sev, std::string path, std::size_t line, std::size_t column, std::string en,
              std::string zh) {
        Diagnostic d;
        d.rule = rule;
        d.severity = sev;
        d.path = std::move(path);
        d.message_en = std::move(en);
        d.message_zh = std::move(zh);
        if (line) {
            d.line = line;
            d.column = column;
        }
        result_.diagnostics.push_back(std::move(d));
    }

    void place(const std::string& pointer, const Token& t) {
        Placed p;
        p.line = t.line;
        p.column = t.column;
        p.raw = t.raw;
        if (t.kind == Token::Kind::blank) {
            p.blank = true;
        } else {
            p.value = t.value;
            p.unit = t.unit;
            p.annotated = t.annotated;
        }
        cells_.put(pointer, std::move(p));
    }

    Edition detect_edition();
    void read_proactive(std::size_t from, std::size_t to, bool cut_off);
    bool read_applications(std::size_t from, std::size_t to, bool cut_off);
    void read_reviews(std::size_t from, std::size_t to, bool cut_off);
    /// Lays the values of [from, to) into the given cells in order; runs are split first.
    /// Returns how many cells were filled.
    std::size_t lay(const std::vector<std::string>& pointers, std::size_t from, std::size_t to,
                    const std::function<bool(const std::vector<std::int64_t>&)>& arithmetic);
    /// The digits of value tokens as pieces: spaces and signs inside a run are boundaries.
    std::vector<std::string> run_pieces(const std::vector<std::size_t>& vals) const {
        std::vector<std::string> pieces;
        for (std::size_t i : vals) {
            const Token& t = tokens_[i];
            std::string cur;
            for (char c : t.value) {
                if (c == ' ' || c == '-') {
                    if (!cur.empty()) pieces.push_back(cur);
                    cur.clear();
                    if (c == '-') cur.push_back('-');  // not cur = "-": GCC 12's -Wrestrict misfires on it at -O2
                } else if ((c >= '0' && c <= '9') || c == '.') {
                    cur += c;
                }
            }
            if (!cur.empty() && cur != "-") pieces.push_back(cur);
        }
        return pieces;
    }
    /// What each of these cells may hold, for splitting runs.
    static std::vector<CellKind> kinds_of(const std::vector<std::string>& pointers) {
        std::vector<CellKind> k;
        for (const auto& p : pointers) {
            CellKind kind = CellKind::count;
            for (Edition e : all_editions)
                if (auto i = form(e).find(p)) kind = form(e).column(form(e).cells()[*i]).kind;
            k.push_back(kind);
        }
        return k;
    }
    /// A row printed with its label and no values: its cells are blank (022's empty tables).
    void blank_row(const std::vector<std::string>& pointers, const Token& label) {
        Token b;
        b.kind = Token::Kind::blank;
        b.line = label.line;
        b.column = label.column;
        for (const auto& p : pointers) place(p, b);
    }
    /// Blank cells after a row's values that are padding ("行政许可 | 0 | ||").
    std::vector<std::size_t> trailing_padding_dropped(std::vector<std::size_t> vals, std::size_t cells) const {
        while (vals.size() > cells && tokens_[vals.back()].kind == Token::Kind::blank) vals.pop_back();
        return vals;
    }
    std::vector<std::size_t> values_in(std::size_t from, std::size_t to) const {
        std::vector<std::size_t> v;
        for (std::size_t i = from; i < to; ++i)
            if (is_value(i)) v.push_back(i);
        return v;
    }
    void metadata(const std::vector<std::string_view>& lines, Report& r);
    /// The unit printed with an amount (元, 万元) goes to the row's unit cell, where it has one.
    static void set_unit(Report& r, const Form& f, const CellDef& d, const std::string& unit) {
        const std::string word = unit == "万元" ? "wan_yuan" : (unit == "元" ? "yuan" : "");
        for (const Column& c : f.tables()[d.table].blocks[d.block].columns) {
            if (c.kind != CellKind::unit) continue;
            for (std::size_t w = 0; w < c.words.size(); ++w)
                if (c.words[w] == word)
                    *r.cell(fmt::format("/{}/{}/{}", f.tables()[d.table].key, f.row(d).key, c.key)) =
                        Cell{Cell::State::value, static_cast<std::int64_t>(w), {}};
        }
    }
};

Edition Extractor::detect_edition() {
    int votes[2] = {0, 0};
    // The words that tell the editions' section 二 apart, normalised once.
    static const std::vector<std::pair<std::string, int>> keys = [] {
        const std::pair<const char*, int> words[] = {
            {"本年新制作数量", 0}, {"上一年项目数量", 0}, {"本年增/减", 0}, {"第二十条第(九)项", 0}, {"政府集中采购", 0},
            {"采购项目数量", 0}, {"对外公开总数量", 0}, {"处理决定数量", 0},
            {"本年制发件数", 1}, {"现行有效件数", 1}, {"本年收费金额", 1}, {"本年废止件数", 1}, {"本年处理决定数量", 1}};
        std::vector<std::pair<std::string, int>> out;
        for (const auto& [w, e] : words) out.emplace_back(normalise_label(w), e);
        return out;
    }();
    static const std::string decisions = normalise_label("处理决定数量"), decisions_2021 = normalise_label("本年处理决定数量");
    for (const Token& t : tokens_) {
        if (t.kind != Token::Kind::text) continue;
        for (const auto& [k, e] : keys) {
            if (t.norm.find(k) == std::string::npos) continue;
            // 本年处理决定数量 contains 处理决定数量: count the longer key only
            if (k == decisions && t.norm.find(decisions_2021) != std::string::npos) continue;
            ++votes[e];
        }
    }
    if (votes[0] == 0 && votes[1] == 0) return Edition::e2021;
    return votes[0] > votes[1] ? Edition::e2019 : Edition::e2021;
}

std::size_t Extractor::lay(const std::vector<std::string>& pointers, std::size_t from, std::size_t to,
                           const std::function<bool(const std::vector<std::int64_t>&)>& arithmetic) {
    const auto vals = values_in(from, to);
    const bool has_run = std::any_of(vals.begin(), vals.end(), [&](std::size_t i) { return tokens_[i].kind == Token::Kind::run; });
    if (!has_run) {
        const std::size_t n = std::min(vals.size(), pointers.size());
        for (std::size_t k = 0; k < n; ++k) place(pointers[k], tokens_[vals[k]]);
        return n;
    }
    // Digits ran together: every split into exactly as many numbers as cells, then the form's
    // arithmetic; a cell is read only when every remaining split agrees on it.
    const std::vector<std::string> pieces = run_pieces(vals);
    std::vector<std::vector<std::string>> splits;
    if (!split_runs(pieces, pointers.size(), kinds_of(pointers), splits)) {
        const Token& first = tokens_[vals.front()];
        diag("OGI-E-AMBIGUOUS", Severity::warning, pointers.front(), first.line, first.column,
             fmt::format("digits that ran together (\"{}\") can be split into {} cells in more than {} ways (or in too many to "
                         "search); the cells are left blank", fmt::join(pieces, " "), pointers.size(), max_splits),
             fmt::format("连在一起的数字（“{}”）拆分为{}个单元格的方式超过{}种（或多到无法穷举）：这些单元格留空", fmt::join(pieces, " "),
                         pointers.size(), max_splits));
        for (const auto& p : pointers) ambiguous_.insert(p);
        return pointers.size();
    }
    std::vector<std::vector<std::string>> fitting;
    for (auto& s : splits) {
        std::vector<std::int64_t> v;
        for (auto& x : s) v.push_back(to_int(x));
        if (!arithmetic || arithmetic(v)) fitting.push_back(s);
    }
    // The report's own prose may fix a cell ("本年度制发行政规范性文件62件"): keep the splits
    // that agree with it, if any do.
    for (std::size_t k = 0; k < pointers.size(); ++k) {
        auto hint = hints_.find(pointers[k]);
        if (hint == hints_.end()) continue;
        std::vector<std::vector<std::string>> agree;
        for (const auto& s : fitting)
            if (s[k] == hint->second) agree.push_back(s);
        if (!agree.empty() && agree.size() < fitting.size()) {
            fitting = std::move(agree);
            const Token& t = tokens_[vals.front()];
            diag("OGI-E-NARRATIVE", Severity::info, pointers[k], t.line, t.column,
                 fmt::format("the split of \"{}\" is fixed by the report's own text, which gives {}",
                             fmt::join(run_pieces(vals), " "), hint->second),
                 fmt::format("“{}”的拆分由报告正文所述的{}确定", fmt::join(run_pieces(vals), " "), hint->second));
        }
    }
    const Token& first = tokens_[vals.front()];
    // "…432.52元": the unit printed after the run belongs to its last cell, split or not.
    if (!tokens_[vals.back()].unit.empty()) unit_hints_[pointers.back()] = tokens_[vals.back()].unit;
    if (fitting.empty()) {
        diag("OGI-E-AMBIGUOUS", Severity::warning, pointers.front(), first.line, first.column,
             fmt::format("digits that ran together (\"{}\") cannot be split into {} cells that fit the form's arithmetic; "
                         "the cells are left blank", fmt::join(pieces, " "), pointers.size()),
             fmt::format("连在一起的数字（“{}”）无法拆分为符合表格勾稽关系的{}个单元格，这些单元格留空", fmt::join(pieces, " "),
                         pointers.size()));
        for (const auto& p : pointers) ambiguous_.insert(p);
        return pointers.size();
    }
    for (std::size_t k = 0; k < pointers.size(); ++k) {
        std::set<std::string> candidates;
        for (const auto& s : fitting) candidates.insert(s[k]);
        Token t = first;
        if (candidates.size() == 1) {
            t.kind = Token::Kind::number;
            t.value = *candidates.begin();
            t.raw = t.value;
            t.unit.clear();
            place(pointers[k], t);
        } else {
            ambiguous_.insert(pointers[k]);
            std::vector<std::string> c(candidates.begin(), candidates.end());
            std::sort(c.begin(), c.end(), [](const std::string& a, const std::string& b) {
                return a.size() != b.size() ? a.size() < b.size() : a < b;
            });
            diag("OGI-E-AMBIGUOUS", Severity::warning, pointers[k], first.line, first.column,
                 fmt::format("digits that ran together (\"{}\") can be split in {} ways that fit; this cell could be {}: "
                             "left blank", fmt::join(pieces, " "), fitting.size(), fmt::join(c, ", ")),
                 fmt::format("连在一起的数字（“{}”）有{}种符合要求的拆分；该单元格可能为{}：留空", fmt::join(pieces, " "),
                             fitting.size(), fmt::join(c, "、")));
        }
    }
    return pointers.size();
}

void Extractor::read_proactive(std::size_t from, std::size_t to, bool cut_off) {
    const Form& f = form(edition_);
    const Table& t = *f.table("proactive");
    const int e = edition_ == Edition::e2019 ? 0 : 1;
    // Block starts: the headings 第二十条第（X）项 when there is one per block, else the first
    // label of each block (its header or a row).
    std::vector<std::size_t> headings;
    for (std::size_t i = from; i < to; ++i)
        if (const Label* l = label_of(i); l && l->kind == LabelKind::block_heading) {
            if (!headings.empty() && headings.back() + 1 == i) continue;
            headings.push_back(i);
        }
    // A heading without its item number ("第二十条第") still starts a block.
    if (headings.size() != t.blocks.size()) {
        headings.clear();
        for (std::size_t i = from; i < to; ++i)
            if (tokens_[i].kind == Token::Kind::text && tokens_[i].norm.rfind(normalise_label("第二十条"), 0) == 0)
                headings.push_back(i);
    }
    std::vector<std::size_t> starts;
    if (headings.size() == t.blocks.size()) {
        starts = headings;
    } else {
        // by the rows: the first row label of each block, in order
        std::size_t pos = from;
        for (std::size_t b = 0; b < t.blocks.size(); ++b) {
            std::size_t found = to;
            for (std::size_t i = pos; i < to; ++i)
                if (const Label* l = label_of(i); l && l->kind == LabelKind::proactive_row && l->edition == e &&
                                                  l->block == static_cast<int>(b)) {
                    found = i;
                    break;
                }
            starts.push_back(found);
            if (found < to) pos = found + 1;
        }
    }
    for (std::size_t b = 0; b < t.blocks.size(); ++b) {
        const Block& block = t.blocks[b];
        std::size_t s = starts[b];
        std::size_t end = to;
        for (std::size_t k = b + 1; k < starts.size(); ++k)
            if (starts[k] < to && starts[k] > s) {
                end = starts[k];
                break;
            }
        if (s >= to) continue;
        // The block's data cells in the form's order (the unit is not a cell of its own).
        std::vector<std::string> pointers;
        for (const Row& r : block.rows)
            for (std::size_t c = 0; c < block.columns.size(); ++c)
                if (block.columns[c].kind != CellKind::unit) pointers.push_back(cell_pointer("proactive", r, c));
        const auto vals = values_in(s, end);
        if (!glued_ && (vals.size() == pointers.size() || (cut_off && b + 1 == t.blocks.size() && end == to))) {
            lay(pointers, s, end, nullptr);
            continue;
        }
        // Row by row at the labels.
        for (std::size_t r = 0; r < block.rows.size(); ++r) {
            std::size_t at = end;
            for (std::size_t i = s; i < end; ++i)
                if (const Label* l = label_of(i); l && l->kind == LabelKind::proactive_row && l->edition == e &&
                                                  l->block == static_cast<int>(b) && l->row == static_cast<int>(r)) {
                    at = i;
                    break;
                }
            std::vector<std::string> row_pointers;
            for (std::size_t c = 0; c < block.columns.size(); ++c)
                if (block.columns[c].kind != CellKind::unit) row_pointers.push_back(cell_pointer("proactive", block.rows[r], c));
            if (at == end) {
                diag("OGI-E-MISSING", Severity::warning, fmt::format("/proactive/{}", block.rows[r].key), tokens_[s].line,
                     tokens_[s].column, fmt::format("row {} of {} not found", block.rows[r].label, block.heading),
                     fmt::format("未找到{}的“{}”行", block.heading, block.rows[r].label));
                continue;
            }
            std::size_t stop = end;
            for (std::size_t i = at + 1; i < end; ++i)
                if (const Label* l = label_of(i); l && (l->kind == LabelKind::proactive_row || l->kind == LabelKind::block_heading)) {
                    stop = i;
                    break;
                }
            const auto row_vals = trailing_padding_dropped(values_in(at + 1, stop), row_pointers.size());
            if (row_vals.empty() && !glued_) {
                blank_row(row_pointers, tokens_[at]);
            } else if (row_vals.size() == row_pointers.size() || glued_) {
                lay(row_pointers, at + 1, row_vals.empty() ? at + 1 : row_vals.back() + 1, nullptr);
            } else {
                diag("OGI-E-UNREADABLE", Severity::warning, fmt::format("/proactive/{}", block.rows[r].key),
                     tokens_[at].line, tokens_[at].column,
                     fmt::format("row {} has {} values for {} cells; which cell each belongs to is not clear: left blank",
                                 block.rows[r].label, row_vals.size(), row_pointers.size()),
                     fmt::format("“{}”行有{}个数值，而应有{}个单元格，无法确定对应关系：留空", block.rows[r].label,
                                 row_vals.size(), row_pointers.size()));
            }
        }
    }
}

bool Extractor::read_applications(std::size_t from, std::size_t to, bool cut_off) {
    const Block& block = form(Edition::e2021).table("applications")->blocks.front();
    // Which layout of （六）: the split rows' labels, or the single row's.
    bool split = false, single = false;
    std::set<int> split_rows;  // the split rows whose own labels were seen
    for (std::size_t i = from; i < to; ++i)
        if (const Label* l = label_of(i); l && l->kind == LabelKind::application_row) {
            const RowLayout layout = block.rows[static_cast<std::size_t>(l->row)].layout;
            split = split || layout == RowLayout::split_other;
            single = single || layout == RowLayout::single_other;
            if (layout == RowLayout::split_other) split_rows.insert(l->row);
        }
    // （六）其他处理 is the single row's label and also the group over the split rows: two or more
    // of the split rows' own labels decide for the split layout.
    if (split && single && split_rows.size() >= 2) single = false;
    const auto vals = values_in(from, to);
    const std::size_t cols = block.columns.size();
    std::size_t rows_single = 0, rows_split = 0;
    for (const Row& r : block.rows) {
        rows_single += r.layout != RowLayout::split_other;
        rows_split += r.layout != RowLayout::single_other;
    }
    if (split == single) {  // no label decides: the count may
        if (vals.size() == rows_single * cols) single = true, split = false;
        else if (vals.size() == rows_split * cols) split = true, single = false;
        else single = edition_ == Edition::e2019, split = !single;
    }
    std::vector<const Row*> rows;
    for (const Row& r : block.rows)
        if (r.layout == RowLayout::always || (r.layout == RowLayout::single_other) == single) rows.push_back(&r);
    auto row_pointers = [](const Row& r) -> const std::vector<std::string>& { return row_cell_pointers(r); };
    auto row_total_holds = [](const std::vector<std::int64_t>& v) {
        std::int64_t sum = 0;
        for (std::size_t k = 0; k + 1 < v.size(); ++k) sum += v[k];
        return sum == v.back();
    };
    const bool has_run = std::any_of(vals.begin(), vals.end(), [&](std::size_t i) { return tokens_[i].kind == Token::Kind::run; });
    if (!has_run && (vals.size() == rows.size() * cols || cut_off)) {
        // The values in the form's order. A stretch of values with no label between them is a
        // block of whole rows; a PDF's text sometimes gives such a block column by column, which
        // the row totals tell apart.
        std::vector<std::size_t> order;
        auto holds = [&](std::size_t k, std::size_t m, bool column_major) {
            for (std::size_t r = 0; r < m; ++r) {
                std::vector<std::int64_t> v;
                for (std::size_t c = 0; c < cols; ++c) {
                    const Token& t = tokens_[vals[k + (column_major ? c * m + r : r * cols + c)]];
                    if (t.kind != Token::Kind::number) return false;
                    v.push_back(to_int(t.value));
                }
                if (!row_total_holds(v)) return false;
            }
            return true;
        };
        std::size_t k = 0;
        while (k < vals.size()) {
            std::size_t e = k + 1;
            while (e < vals.size() && vals[e] == vals[e - 1] + 1) ++e;
            // Within the stretch: whole rows as printed while they hold; the rest, if it is whole
            // rows that hold only when read column by column, so.
            while (k < e) {
                const std::size_t size = e - k;
                if (size % cols != 0 || size <= cols || k % cols != 0 || holds(k, size / cols, false) ||
                    !holds(k, size / cols, true)) {
                    const std::size_t take = (size % cols == 0 && k % cols == 0 && size > cols && !holds(k, size / cols, false))
                                                 ? cols
                                                 : size;
                    for (std::size_t q = k; q < k + take; ++q) order.push_back(vals[q]);
                    k += take;
                    continue;
                }
                const std::size_t m = size / cols;
                const Token& t = tokens_[vals[k]];
                diag("OGI-E-LAYOUT", Severity::info, "/applications", t.line, t.column,
                     fmt::format("{} values from here are given column by column ({} rows of {}); read so, as the row "
                                 "totals show", size, m, cols),
                     fmt::format("自此起的{}个数值按列排列（{}行×{}列），据各行合计按列读取", size, m, cols));
                for (std::size_t r = 0; r < m; ++r)
                    for (std::size_t c = 0; c < cols; ++c) order.push_back(vals[k + c * m + r]);
                k = e;
            }
        }
        std::vector<const std::string*> all;
        for (const Row* r : rows)
            for (const auto& p : row_pointers(*r)) all.push_back(&p);
        for (std::size_t q = 0; q < order.size() && q < all.size(); ++q) place(*all[q], tokens_[order[q]]);
        return single;
    }
    // Row by row at the labels. Digits that ran together are read jointly: each row's splits
    // that keep its total, then the splits of all rows that keep the column sums and the balance.
    struct Reading {
        const Row* row = nullptr;
        std::size_t token = 0;
        std::vector<std::vector<std::string>> options;
        std::vector<std::string> pieces;
        bool too_many = false;  // more splits than max_splits: not read
    };
    std::vector<Reading> readings;
    std::size_t pos = from;
    for (const Row* rp : rows) {
        const Row& r = *rp;
        std::size_t at = to;
        for (std::size_t i = pos; i < to; ++i)
            if (const Label* l = label_of(i); l && l->kind == LabelKind::application_row &&
                                              block.rows[static_cast<std::size_t>(l->row)].key == r.key) {
                at = i;
                break;
            }
        if (at == to) {
            diag("OGI-E-MISSING", Severity::warning, fmt::format("/applications/{}", r.key), 0, 0,
                 fmt::format("row {} of section 三 not found", r.label), fmt::format("未找到第三部分的“{}”行", r.label));
            continue;
        }
        std::size_t stop = to;
        for (std::size_t i = at + 1; i < to; ++i)
            if (const Label* l = label_of(i); l && l->kind == LabelKind::application_row) {
                stop = i;
                break;
            }
        pos = at + 1;
        const auto row_vals = trailing_padding_dropped(values_in(at + 1, stop), cols);
        const bool runs = std::any_of(row_vals.begin(), row_vals.end(),
                                      [&](std::size_t i) { return tokens_[i].kind == Token::Kind::run; });
        if (!runs) {
            if (row_vals.empty()) {
                blank_row(row_pointers(r), tokens_[at]);
            } else if (row_vals.size() == cols) {
                lay(row_pointers(r), at + 1, row_vals.back() + 1, nullptr);
            } else {
                diag("OGI-E-UNREADABLE", Severity::warning, fmt::format("/applications/{}", r.key), tokens_[at].line,
                     tokens_[at].column,
                     fmt::format("row {} has {} values for {} cells; which cell each belongs to is not clear: left blank",
                                 r.label, row_vals.size(), cols),
                     fmt::format("“{}”行有{}个数值，而应有{}个单元格，无法确定对应关系：留空", r.label, row_vals.size(), cols));
            }
            continue;
        }
        Reading rd;
        rd.row = &r;
        rd.token = row_vals.front();
        rd.pieces = run_pieces(row_vals);
        std::vector<std::vector<std::string>> splits;
        rd.too_many = !split_runs(rd.pieces, cols, {}, splits);
        if (rd.too_many) splits.clear();  // undecided: the row is left blank
        for (auto& sp : splits) {
            std::vector<std::int64_t> v;
            for (auto& x : sp) v.push_back(to_int(x));
            if (row_total_holds(v)) rd.options.push_back(std::move(sp));
        }
        readings.push_back(std::move(rd));
    }
    if (readings.empty()) return single;
    // Joint choice over the rows that still have several readings.
    std::map<std::string, std::size_t> index;  // row key → reading
    for (std::size_t k = 0; k < readings.size(); ++k) index[readings[k].row->key] = k;
    std::vector<std::size_t> open;
    std::size_t product = 1;
    for (std::size_t k = 0; k < readings.size(); ++k)
        if (readings[k].options.size() > 1) {
            open.push_back(k);
            product = product > max_splits / readings[k].options.size() ? max_splits + 1 : product * readings[k].options.size();
        }
    std::vector<std::size_t> choice(readings.size(), 0);
    auto value = [&](const std::string& key, std::size_t c) -> std::optional<std::int64_t> {
        auto it = index.find(key);
        if (it != index.end()) {
            const Reading& rd = readings[it->second];
            if (rd.options.empty()) return std::nullopt;
            return to_int(rd.options[choice[it->second]][c]);
        }
        const Row* row = nullptr;
        for (const Row& candidate : block.rows)
            if (candidate.key == key) row = &candidate;
        if (!row) return std::nullopt;
        const Placed* cell = cells_.find(row_cell_pointers(*row)[c]);
        if (!cell || cell->blank) return std::nullopt;
        return to_int(cell->value);
    };
    auto columns_hold = [&]() {
        for (std::size_t c = 0; c < cols; ++c) {
            std::optional<std::int64_t> sum = 0;
            for (const Row* r : rows)
                if (is_outcome(static_cast<ApplicationRow>(&*r - &block.rows.front()))) {
                    auto v = value(r->key, c);
                    sum = v && sum ? std::optional(*sum + *v) : std::nullopt;
                }
            const auto total = value("total", c);
            if (sum && total && *sum != *total) return false;
            const auto a = value("new_received", c), b = value("carried_over", c), f = value("carried_forward", c);
            if (a && b && total && f && *a + *b != *total + *f) return false;
        }
        return true;
    };
    std::vector<std::vector<std::size_t>> surviving;
    if (!open.empty() && product <= max_splits) {
        std::function<void(std::size_t)> go = [&](std::size_t k) {
            if (k == open.size()) {
                if (columns_hold()) {
                    std::vector<std::size_t> pick;
                    for (std::size_t o : open) pick.push_back(choice[o]);
                    surviving.push_back(pick);
                }
                return;
            }
            for (std::size_t i = 0; i < readings[open[k]].options.size(); ++i) {
                choice[open[k]] = i;
                go(k + 1);
            }
        };
        go(0);
    }
    for (std::size_t k = 0; k < readings.size(); ++k) {
        Reading& rd = readings[k];
        const auto pointers = row_pointers(*rd.row);
        const Token& t = tokens_[rd.token];
        if (rd.too_many) {
            diag("OGI-E-AMBIGUOUS", Severity::warning, pointers.back(), t.line, t.column,
                 fmt::format("digits that ran together (\"{}\") can be split into {} cells in more than {} ways (or in too many "
                             "to search); the row is left blank", fmt::join(rd.pieces, " "), cols, max_splits),
                 fmt::format("连在一起的数字（“{}”）拆分为{}个单元格的方式超过{}种（或多到无法穷举）：该行留空", fmt::join(rd.pieces, " "), cols,
                             max_splits));
            for (const auto& p : pointers) ambiguous_.insert(p);
            continue;
        }
        if (rd.options.empty()) {
            diag("OGI-E-AMBIGUOUS", Severity::warning, pointers.back(), t.line, t.column,
                 fmt::format("digits that ran together (\"{}\") cannot be split into {} cells whose total is the sum of "
                             "the others; the row is left blank", fmt::join(rd.pieces, " "), cols),
                 fmt::format("连在一起的数字（“{}”）无法拆分为合计等于各列之和的{}个单元格：该行留空", fmt::join(rd.pieces, " "), cols));
            for (const auto& p : pointers) ambiguous_.insert(p);
            continue;
        }
        // The readings left for this row: all of them, or those in a joint choice that fits.
        std::vector<std::size_t> left;
        const auto open_at = std::find(open.begin(), open.end(), k);
        if (open_at != open.end() && !surviving.empty()) {
            std::set<std::size_t> s;
            for (const auto& pick : surviving) s.insert(pick[static_cast<std::size_t>(open_at - open.begin())]);
            left.assign(s.begin(), s.end());
        } else {
            for (std::size_t i = 0; i < rd.options.size(); ++i) left.push_back(i);
        }
        for (std::size_t c = 0; c < cols; ++c) {
            std::set<std::string> candidates;
            for (std::size_t i : left) candidates.insert(rd.options[i][c]);
            if (candidates.size() == 1) {
                Token v = t;
                v.kind = Token::Kind::number;
                v.value = *candidates.begin();
                v.raw = v.value;
                v.unit.clear();
                v.annotated = false;
                place(pointers[c], v);
            } else {
                ambiguous_.insert(pointers[c]);
                diag("OGI-E-AMBIGUOUS", Severity::warning, pointers[c], t.line, t.column,
                     fmt::format("digits that ran together (\"{}\") can be split in {} ways that keep the table's sums; "
                                 "this cell could be {}: left blank", fmt::join(rd.pieces, " "), left.size(),
                                 fmt::join(candidates, ", ")),
                     fmt::format("连在一起的数字（“{}”）有{}种符合表格勾稽关系的拆分；该单元格可能为{}：留空",
                                 fmt::join(rd.pieces, " "), left.size(), fmt::join(candidates, "、")));
            }
        }
    }
    return single;
}

void Extractor::read_reviews(std::size_t from, std::size_t to, bool cut_off) {
    std::vector<std::string> pointers;
    for (int g = 0; g < review_group_count; ++g)
        for (int r = 0; r < review_result_count; ++r)
            pointers.push_back(fmt::format("/reviews/{}/{}", key(static_cast<ReviewGroup>(g)), key(static_cast<ReviewResult>(r))));
    // Start after the last header label, so that numbers in prose before the table are not read.
    std::size_t start = from;
    for (std::size_t i = from; i < to; ++i)
        if (const Label* l = label_of(i); l && l->kind == LabelKind::review_header) start = i + 1;
        else if (is_value(i) && start > from) break;
    auto group_totals = [](const std::vector<std::int64_t>& v) {
        for (std::size_t g = 0; g + 4 < v.size(); g += 5)
            if (v[g] + v[g + 1] + v[g + 2] + v[g + 3] != v[g + 4]) return false;
        return true;
    };
    auto vals = values_in(start, to);
    // padding of the header row before the values, and anything after the fifteen
    while (vals.size() > pointers.size() && tokens_[vals.front()].kind == Token::Kind::blank) vals.erase(vals.begin());
    if (vals.size() > pointers.size() && !glued_) vals.resize(pointers.size());
    const std::size_t end = vals.empty() ? start : vals.back() + 1;
    (void)cut_off;
    lay(pointers, vals.empty() ? start : vals.front(), end, group_totals);
}

// ---------------------------------------------------------------- metadata and narrative

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

void Extractor::metadata(const std::vector<std::string_view>& lines, Report& r) {
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

ExtractResult Extractor::run(const std::vector<std::string_view>& lines) {
    edition_ = detect_edition();
    narrative_hints(lines);
    const Form& f = form(edition_);

    // Regions: table 二 from its first label, 三 from its head, 四 from its head.
    auto first = [&](std::size_t from, const std::function<bool(const Label&)>& pred) {
        for (std::size_t i = from; i < tokens_.size(); ++i)
            if (const Label* l = label_of(i); l && pred(*l)) return i;
        return tokens_.size();
    };
    const std::size_t n = tokens_.size();
    const std::size_t sec2 = first(0, [](const Label& l) { return l.kind == LabelKind::section_proactive; });
    const int e = edition_ == Edition::e2019 ? 0 : 1;
    std::size_t p2 = first(sec2 < n ? sec2 : 0, [&](const Label& l) {
        return l.kind == LabelKind::block_heading || l.kind == LabelKind::info_header ||
               (l.kind == LabelKind::proactive_row && l.edition == e) || (l.kind == LabelKind::column_header && l.edition == e);
    });
    std::size_t p3 = first(p2 < n ? p2 : 0, [](const Label& l) {
        return l.kind == LabelKind::check_note || l.kind == LabelKind::section_applications ||
               l.kind == LabelKind::application_row;
    });
    // Table 四 follows 结转下年度 (四、… of table 三) — the same numeral opens section 四.
    const std::size_t carried = first(p3 < n ? p3 : 0, [](const Label& l) {
        return l.kind == LabelKind::application_row && l.row == static_cast<int>(ApplicationRow::carried_forward);
    });
    std::size_t p4 = first(p3 < n ? p3 : 0, [](const Label& l) {
        return l.kind == LabelKind::section_reviews || l.kind == LabelKind::review_header;
    });
    if (carried < n && p4 < carried) p4 = first(carried, [](const Label& l) {
        return l.kind == LabelKind::section_reviews || l.kind == LabelKind::review_header;
    });
    std::size_t p5 = first(p4 < n ? p4 : n, [](const Label& l) {
        return l.kind == LabelKind::section_problems || l.kind == LabelKind::section_other;
    });
    if (p2 >= n && p3 >= n && p4 >= n) {
        diag("OGI-E-NO-TABLES", Severity::error, "", 0, 0, "no table of the report form was found in the input",
             "输入中未找到年报格式的表格");
        return std::move(result_);
    }
    // Extra labels from a later table close the region before them.
    const std::size_t end2 = std::min(p3, p4);
    const std::size_t end3 = p4;
    if (p2 < end2) read_proactive(p2, end2, end2 >= n);
    else
        diag("OGI-E-MISSING", Severity::warning, "/proactive", 0, 0, "section 二 (主动公开政府信息情况) was not found",
             "未找到第二部分（主动公开政府信息情况）表格");
    bool single_other = edition_ == Edition::e2019;
    if (p3 < end3 || (p3 < n && end3 >= n)) single_other = read_applications(p3, std::min(end3, n), end3 >= n);
    else
        diag("OGI-E-MISSING", Severity::warning, "/applications", 0, 0, "section 三 (收到和处理政府信息公开申请情况) was not found",
             "未找到第三部分（收到和处理政府信息公开申请情况）表格");
    if (p4 < n) read_reviews(p4, p5, p5 >= n);
    else
        diag("OGI-E-MISSING", Severity::warning, "/reviews", 0, 0, "section 四 (行政复议、行政诉讼情况) was not found",
             "未找到第四部分（行政复议、行政诉讼情况）表格");

    // A second report in the same text (two pages saved into one file): the headings of
    // sections 一 to 三 again after section 四. The form is filled once, from the first.
    if (p4 < n)
        for (std::size_t i = p4 + 1; i < n; ++i)
            if (const Label* l = label_of(i); l && (l->kind == LabelKind::section_overview ||
                                                   l->kind == LabelKind::section_proactive ||
                                                   l->kind == LabelKind::section_applications)) {
                const Token& t = tokens_[i];
                diag("OGI-E-SECOND", Severity::warning, "", t.line, t.column,
                     fmt::format("\"{}\" comes again after section 四: a second report seems to start here; only the "
                                 "first report was read (split the text to read the other)",
                                 t.raw),
                     fmt::format("第四部分之后再次出现“{}”：此处似乎是另一份年报的开始；只读取了第一份（请拆分文本后分别读取）",
                                 t.raw));
                break;
            }

    // The report: every cell found is filled; the rest stay blank.
    Report r(edition_);
    r.use_single_other(single_other);
    std::size_t expected = 0, found = 0;
    std::string first_missing;
    for (std::size_t i = 0; i < f.cells().size(); ++i) {
        const CellDef& d = f.cells()[i];
        const Column& col = f.column(d);
        Cell& cell = r.cells()[i];
        if (cell.state == Cell::State::absent || col.kind == CellKind::unit) continue;
        ++expected;
        if (auto hint = unit_hints_.find(d.pointer); hint != unit_hints_.end() && col.kind == CellKind::money)
            set_unit(r, f, d, hint->second);
        const Placed* placed = cells_.find(d.pointer);
        if (!placed) {
            if (!ambiguous_.count(d.pointer) && first_missing.empty()) first_missing = d.pointer;
            if (ambiguous_.count(d.pointer)) ++found;
            continue;
        }
        ++found;
        const Placed& p = *placed;
        result_.provenance[d.pointer] = SourcePosition{p.line, p.column};
        if (p.blank) continue;
        const bool negative = !p.value.empty() && p.value[0] == '-';
        if (col.kind == CellKind::money) {
            auto dec = Decimal::parse(p.value);
            if (!dec || dec->is_negative()) {
                diag("OGI-E-UNREADABLE", Severity::warning, d.pointer, p.line, p.column,
                     fmt::format("\"{}\" is not an amount: left blank", p.raw), fmt::format("“{}”不是金额：留空", p.raw));
                continue;
            }
            std::string value = p.value;
            cell = Cell{Cell::State::value, 0, *dec};
            if (!p.unit.empty()) set_unit(r, f, d, p.unit);
        } else {
            if (p.value.find('.') != std::string::npos) {
                diag("OGI-E-UNREADABLE", Severity::warning, d.pointer, p.line, p.column,
                     fmt::format("\"{}\" is not a whole number: left blank", p.raw), fmt::format("“{}”不是整数：留空", p.raw));
                continue;
            }
            if (negative && col.kind == CellKind::count) {
                diag("OGI-E-UNREADABLE", Severity::warning, d.pointer, p.line, p.column,
                     fmt::format("\"{}\" is negative, which a count cannot be: left blank", p.raw),
                     fmt::format("“{}”为负数，数量不能为负：留空", p.raw));
                continue;
            }
            const std::string digits = negative ? p.value.substr(1) : p.value;
            if (digits.size() > 15) {
                diag("OGI-E-UNREADABLE", Severity::warning, d.pointer, p.line, p.column,
                     fmt::format("\"{}\" is too large to be a count: left blank", p.raw), fmt::format("“{}”数值过大：留空", p.raw));
                continue;
            }
            std::int64_t v = to_int(digits);
            cell = Cell{Cell::State::value, negative ? -v : v, {}};
        }
        if (p.annotated)
            diag("OGI-E-ANNOTATED", Severity::info, d.pointer, p.line, p.column,
                 fmt::format("read \"{}\" as {}", p.raw, col.kind == CellKind::money ? cell.money.to_string() : std::to_string(cell.number)),
                 fmt::format("“{}”按{}读取", p.raw, col.kind == CellKind::money ? cell.money.to_string() : std::to_string(cell.number)));
    }
    result_.complete = first_missing.empty() && found == expected;
    if (!first_missing.empty()) {
        const std::size_t missing = expected - found;
        diag("OGI-E-TRUNCATED", Severity::warning, first_missing, 0, 0,
             fmt::format("{} of {} cells were not found in the input, from {} on: they are left blank", missing, expected,
                         first_missing),
             fmt::format("输入中缺少{}个单元格（共{}个），自{}起：均留空", missing, expected, first_missing));
    }
    // A report that mixes the layouts of the two editions is kept as it is, and said.
    if ((edition_ == Edition::e2021) == single_other)
        diag("OGI-E-MIXED", Severity::warning, single_other ? "/applications/other" : "/applications/other_overdue_correction",
             0, 0,
             fmt::format("section 二 follows the {} form but section 三（六） has the layout of the other edition",
                         to_string(edition_)),
             fmt::format("第二部分为{}版格式，但第三部分（六）为另一版本的版式", to_string(edition_)));
    metadata(lines, r);
    result_.report = std::move(r);
    return std::move(result_);
}

/// The file's extension in lower case ("doc", "wps"), or "".
std::string extension_of(std::string_view name) {
    const std::size_t slash = name.find_last_of("/\\");
    const std::string_view base = slash == std::string_view::npos ? name : name.substr(slash + 1);
    const std::size_t dot = base.rfind('.');
    std::string ext(dot == std::string_view::npos ? std::string_view() : base.substr(dot + 1));
    for (char& c : ext)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return ext;
}

/// No report, and an OGI-E-FORMAT error that says what the file is and what to turn it into.
ExtractResult format_refused(InputKind kind, std::string_view name) {
    const std::string ext = extension_of(name);
    std::string en, zh;
    switch (kind) {
    case InputKind::pdf:
        en = "this is a PDF, and this build of ogi has no PDF reader (it is built when poppler's C++ library, "
             "libpoppler-cpp-dev, is found); convert it with `pdftotext -layout` and read the text";
        zh = "这是PDF文件，而此版本的ogi未包含PDF读取组件（找到poppler的C++库libpoppler-cpp-dev时才构建）；"
             "可先用`pdftotext -layout`转换为文本再读取";
        break;
    case InputKind::docx:
        en = "this is a Word (.docx) document, and this build of ogi has no DOCX reader; save it as PDF or text";
        zh = "这是Word（.docx）文档，而此版本的ogi未包含DOCX读取组件；请另存为PDF或文本";
        break;
    case InputKind::word97: {
        const bool wps = ext == "wps";
        en = fmt::format("this is a {} file (an old binary format), which ogi does not read: convert it to .docx first, "
                         "for example `libreoffice --headless --convert-to docx {}`",
                         wps ? "WPS (.wps)" : "Word 97-2003 (.doc)", name.empty() ? "FILE" : std::string(name));
        zh = fmt::format("这是{}文件（旧的二进制格式），ogi不读取：请先转换为.docx，例如`libreoffice --headless --convert-to docx {}`",
                         wps ? "WPS（.wps）" : "Word 97-2003（.doc）", name.empty() ? "文件" : std::string(name));
        break;
    }
    case InputKind::spreadsheet:
        en = "this is a spreadsheet, which ogi does not read: save the report as PDF, DOCX or text";
        zh = "这是电子表格文件，ogi不读取：请将年报另存为PDF、DOCX或文本";
        break;
    case InputKind::image:
        en = "this is an image: a scanned report has no text to read; run OCR on it first and read the text";
        zh = "这是图片文件：扫描件没有可读取的文字；请先进行OCR文字识别，再读取识别出的文本";
        break;
    default:
        en = "this is an archive or a binary file, which ogi does not read: give it the report itself (text, HTML, PDF or DOCX)";
        zh = "这是压缩包或二进制文件，ogi不读取：请提供年报本身（文本、HTML、PDF或DOCX）";
        break;
    }
    ExtractResult refused;
    refused.diagnostics.push_back(Diagnostic{"OGI-E-FORMAT", Severity::error, "", std::move(zh), std::move(en), {}, {}, {}, {}, {}});
    return refused;
}

}  // namespace

ExtractResult extract(std::string_view bytes, const ExtractOptions& options) {
    if (bytes.size() > options.max_bytes) {
        ExtractResult refused;
        refused.diagnostics.push_back(
            Diagnostic{"OGI-E-NO-TABLES", Severity::error, "",
                       fmt::format("输入有{}字节，超过{}字节的上限：未读取", bytes.size(), options.max_bytes),
                       fmt::format("the input is {} bytes, over the limit of {} bytes: it was not read", bytes.size(),
                                   options.max_bytes),
                       {}, {}, {}, 1, 1});
        return refused;
    }
    // Binary inputs are read into a grid by their reader; text and HTML are decoded first.
    const InputKind kind = detect_input_kind(bytes);
    std::optional<Grid> grid;
    std::vector<Diagnostic> reader_notes;
    if (kind != InputKind::text && kind != InputKind::html) {
        const read::BinaryReader reader = read::binary_reader(kind);
        if (!reader) return format_refused(kind, options.source_name);
        read::BinaryRead got = reader(bytes, options);
        if (!got.grid) {
            ExtractResult refused;
            refused.diagnostics = std::move(got.diagnostics);
            return refused;
        }
        grid = std::move(got.grid);
        reader_notes = std::move(got.diagnostics);
    }
    detail::Encoding enc{};
    const std::string text = grid ? std::string() : detail::decode_text(bytes, enc);

    // The text's lines, for metadata and narrative, as views: of the text itself, or of a
    // grid's rows (an HTML page, a PDF, a DOCX) joined by tabs. Plain text is tokenized line by
    // line from these views; a grid's tabular rows keep their cells.
    std::vector<std::string> joined;
    std::vector<std::string_view> lines;
    if (!grid && kind == InputKind::html) grid = read::read_html(text);
    if (grid) {
        joined.reserve(grid->rows.size());
        for (const GridRow& l : grid->rows) {
            std::string& s = joined.emplace_back();
            for (const auto& c : l.cells) {
                if (!s.empty()) s += '\t';
                s += c.text;
            }
        }
        lines.assign(joined.begin(), joined.end());
    } else {
        lines.reserve(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1);
        for (std::size_t start = 0;;) {
            std::size_t end = text.find('\n', start);
            if (end == std::string::npos) end = text.size();
            std::string_view l(text.data() + start, end - start);
            if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
            lines.push_back(l);
            if (end == text.size()) break;
            start = end + 1;
        }
    }

    // A crawler's dump puts a whole table on one long line with the cells touching.
    bool glued = false;
    const std::string art20 = "第二十条";
    auto check_glued = [&](std::string_view l) {
        if (glued || l.size() <= 600 || l.find(art20) == std::string_view::npos) return;
        if (normalise_label(l).find(normalise_label("信息内容")) != std::string::npos) glued = true;
    };
    if (grid) {
        for (const GridRow& l : grid->rows)
            if (!l.tabular && l.cells.size() == 1) check_glued(l.cells[0].text);
    } else {
        for (const std::string_view l : lines) check_glued(l);
    }
    Tokenizer tz;
    tz.glued = glued;
    // A line of text; in a dump, cut at the labels first (a table continued on the next line
    // is cut the same way).
    auto text_line = [&](std::string_view l, std::size_t line) {
        if (!glued) {
            tz.text_line(l, line, 1);
            return;
        }
        std::size_t col = 1;
        for (const std::string& part : cut_glued(l)) {
            tz.text_line(part, line, col);
            col += detail::char_count(part);
        }
    };
    if (grid) {
        std::size_t cells = 0;
        for (const GridRow& l : grid->rows) cells += l.cells.size();
        tz.tokens.reserve(cells + cells / 2);  // about a token a cell; growing moves every token
        for (const GridRow& l : grid->rows) {
            if (l.tabular) {
                for (const auto& c : l.cells) tz.explicit_cell(c);
            } else {
                for (const auto& c : l.cells) text_line(c.text, c.source.line);  // a paragraph: a line of text
            }
        }
    } else {
        tz.tokens.reserve(lines.size() + lines.size() / 2);
        for (std::size_t i = 0; i < lines.size(); ++i) text_line(lines[i], i + 1);
    }
    // In a dump, every run of digits is a run: their boundaries are unknown.
    if (glued)
        for (Token& t : tz.tokens) {
            if (t.kind == Token::Kind::blank || (t.kind == Token::Kind::text && t.label >= 0)) continue;
            // digits, spaces, signs and a point, maybe with a unit after them ("35-15", "432.52元")
            std::string v, unit;
            bool digits_only = true, any = false;
            const std::u32string u = to_u32(t.raw);
            std::size_t k = 0;
            for (; k < u.size(); ++k) {
                const char32_t c = u[k];
                if (is_digit(c)) v += digit_char(c), any = true;
                else if (c == U'.' || c == U'-' || c == U' ') v += static_cast<char>(c);
                else break;
            }
            const std::string rest = to_u8(std::u32string_view(u).substr(k));
            if (rest == "元" || rest == "万元") unit = rest;
            else if (!rest.empty()) digits_only = false;
            if (!any || !digits_only) continue;
            t.kind = Token::Kind::run;
            t.value = v;
            t.unit = unit;
        }

    // A blank cell belongs to a row: one that sits between a heading or header and the next
    // label (a table's empty corner, "|||" padding) is not a cell of the form. Table 四's
    // values follow its header directly, so a blank that leads on to numbers is kept.
    {
        auto is_row_label = [](const Token& t) {
            if (t.kind != Token::Kind::text || t.label < 0) return false;
            const LabelKind k = labels()[static_cast<std::size_t>(t.label)].kind;
            return k == LabelKind::proactive_row || k == LabelKind::application_row;
        };
        std::vector<Token>& ts = tz.tokens;
        std::vector<bool> drop(ts.size(), false);
        for (std::size_t i = 0; i < ts.size(); ++i) {
            if (ts[i].kind != Token::Kind::blank) continue;
            std::size_t p = i, n = i + 1;
            while (p > 0 && ts[p - 1].kind == Token::Kind::blank) --p;
            while (n < ts.size() && ts[n].kind == Token::Kind::blank) ++n;
            const bool after_header = p == 0 || (ts[p - 1].kind == Token::Kind::text && !is_row_label(ts[p - 1]));
            const bool before_text = n >= ts.size() || ts[n].kind == Token::Kind::text;
            drop[i] = after_header && before_text;
        }
        if (std::find(drop.begin(), drop.end(), true) != drop.end()) {
            std::size_t out = 0;
            for (std::size_t i = 0; i < ts.size(); ++i)
                if (!drop[i]) {
                    if (out != i) ts[out] = std::move(ts[i]);
                    ++out;
                }
            ts.erase(ts.begin() + static_cast<std::ptrdiff_t>(out), ts.end());
        }
    }
    Extractor x(std::move(tz.tokens), glued);
    ExtractResult result = x.run(lines);
    result.diagnostics.insert(result.diagnostics.begin(), reader_notes.begin(), reader_notes.end());
    if (enc == detail::Encoding::gb18030)
        result.diagnostics.insert(result.diagnostics.begin(),
                                  Diagnostic{"OGI-E-ENCODING", Severity::info, "", "输入不是UTF-8，已按GB18030（GBK）读取",
                                             "the input is not UTF-8; it was read as GB18030 (GBK)", {}, {}, {}, 1, 1});
    if (enc == detail::Encoding::utf8_repaired)
        result.diagnostics.insert(result.diagnostics.begin(),
                                  Diagnostic{"OGI-E-ENCODING", Severity::warning, "",
                                             "输入含有无效的UTF-8字节，已替换为U+FFFD", "the input has invalid UTF-8 bytes; they were replaced by U+FFFD",
                                             {}, {}, {}, 1, 1});
    if (result.report) {
        if (!options.source_name.empty()) result.report->source["file"] = options.source_name;
        if (options.with_provenance) {
            boost::json::object prov;
            for (const auto& [p, pos] : result.provenance) prov[p] = fmt::format("{}:{}", pos.line, pos.column);
            result.report->source["provenance"] = std::move(prov);
        }
    }
    return result;
}

}  // namespace ogi
