// Cells into tokens (cells.hpp).
#include "read/cells.hpp"

#include "read/chars.hpp"

#include <algorithm>

namespace ogi::read {

using detail::normalise_label;

namespace {

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

}  // namespace

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


namespace {

/// A cell's token(s): a number, a blank, or text (maybe a label, maybe with digits run on).
void cell_tokens(const GridCell& cell, std::uint32_t row, bool glued, std::vector<Token>& tokens) {
    const std::string_view t = trim_view(cell.text);
    auto place = [&](Token& tok) {
        tok.row = row;
        tok.source = cell.source;
    };
    if (t.empty()) {
        Token& b = tokens.emplace_back();
        b.kind = Token::Kind::blank;
        place(b);
        return;
    }
    if (ascii_digits(t)) {
        Token& n = tokens.emplace_back();  // plain digits, most cells: read_number_cell's first case
        n.kind = Token::Kind::number;
        n.value = t;
        n.raw = t;
        place(n);
        return;
    }
    if (is_page_number(t)) return;
    if (auto n = read_number_cell(t)) {
        n->raw = t;
        place(*n);
        tokens.push_back(std::move(*n));
        return;
    }
    Token& tok = tokens.emplace_back();
    tok.kind = Token::Kind::text;
    tok.raw = t;
    tok.norm = normalise_label(t);
    place(tok);
    // A label with digits run on ("规范性文件898989").
    const LabelMatch m = match_label(tok.norm, glued);
    if (m.label < 0) return;
    tok.label = m.label;
    tok.partial = m.partial;
    if (m.covered < tok.norm.size() && tok.norm[m.covered] != '(' && !m.partial) {
        Token run;
        run.kind = Token::Kind::run;
        run.value = tok.norm.substr(m.covered);
        run.raw = run.value;
        run.row = row;
        run.source = cell.source;
        // The run starts where the label's characters end (the run's characters are ASCII once normalised).
        const std::size_t run_chars = detail::char_count(run.value);
        const std::size_t cell_chars = detail::char_count(t);
        if (cell.source.line && cell_chars >= run_chars) {
            run.source.column = cell.source.column + static_cast<std::uint32_t>(cell_chars - run_chars);
            run.source.length = std::min(cell.source.length, run.value.size());
            run.source.offset = cell.source.offset + cell.source.length - run.source.length;
        }
        tok.norm.resize(m.covered);
        tokens.push_back(std::move(run));
    }
}

bool is_row_label(const Token& t) {
    if (t.kind != Token::Kind::text || t.label < 0) return false;
    const LabelKind k = labels()[static_cast<std::size_t>(t.label)].kind;
    return k == LabelKind::proactive_row || k == LabelKind::application_row;
}

}  // namespace

std::vector<Token> tokenize(const Grid& grid, bool glued) {
    std::vector<Token> tokens;
    std::size_t cells = 0;
    for (const GridRow& r : grid.rows) cells += r.cells.size();
    tokens.reserve(cells + cells / 4);  // about a token a cell; growing moves every token
    for (std::size_t r = 0; r < grid.rows.size(); ++r)
        for (const GridCell& c : grid.rows[r].cells) cell_tokens(c, static_cast<std::uint32_t>(r), glued, tokens);
    // In a dump, every number is a run: its boundaries are unknown.
    if (glued)
        for (Token& t : tokens) {
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
    std::vector<bool> drop(tokens.size(), false);
    bool any = false;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (tokens[i].kind != Token::Kind::blank) continue;
        std::size_t p = i, n = i + 1;
        while (p > 0 && tokens[p - 1].kind == Token::Kind::blank) --p;
        while (n < tokens.size() && tokens[n].kind == Token::Kind::blank) ++n;
        const bool after_header = p == 0 || (tokens[p - 1].kind == Token::Kind::text && !is_row_label(tokens[p - 1]));
        const bool before_text = n >= tokens.size() || tokens[n].kind == Token::Kind::text;
        drop[i] = after_header && before_text;
        any = any || drop[i];
    }
    if (any) {
        std::size_t out = 0;
        for (std::size_t i = 0; i < tokens.size(); ++i)
            if (!drop[i]) {
                if (out != i) tokens[out] = std::move(tokens[i]);
                ++out;
            }
        tokens.erase(tokens.begin() + static_cast<std::ptrdiff_t>(out), tokens.end());
    }
    return tokens;
}

}  // namespace ogi::read
