// The placement stage (place.hpp): tokens onto the cells of the form.
#include "read/place.hpp"

#include "base/text.hpp"
#include "read/labels.hpp"
#include "read/runs.hpp"

#include <ogi/form/regulation.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <set>
#include <unordered_map>

namespace ogi::read {

using detail::normalise_label;

std::string_view to_string(Basis b) {
    switch (b) {
    case Basis::row: return "row";
    case Basis::before_label: return "before-label";
    case Basis::missing_label: return "missing-label";
    case Basis::stream: return "stream";
    case Basis::columns: return "columns";
    case Basis::split: return "split";
    case Basis::cut_off: return "cut-off";
    }
    return "row";
}

Diagnostic reading_diagnostic(std::string_view rule, Severity severity, std::string path, const SourceSpan* at,
                              std::string en, std::string zh) {
    Diagnostic d;
    d.rule = rule;
    d.severity = severity;
    d.path = std::move(path);
    d.message_en = std::move(en);
    d.message_zh = std::move(zh);
    if (at && at->line) {
        d.line = at->line;
        d.column = at->column ? at->column : 1;  // an HTML cell's column is counted only for the cells read
    }
    return d;
}

std::optional<Edition> detect_edition(const std::vector<Token>& tokens) {
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
    for (const Token& t : tokens) {
        if (t.kind != Token::Kind::text) continue;
        for (const auto& [k, e] : keys) {
            if (t.norm.find(k) == std::string::npos) continue;
            // 本年处理决定数量 contains 处理决定数量: count the longer key only
            if (k == decisions && t.norm.find(decisions_2021) != std::string::npos) continue;
            ++votes[e];
        }
    }
    if (votes[0] == 0 && votes[1] == 0) return std::nullopt;
    return votes[0] > votes[1] ? Edition::e2019 : Edition::e2021;
}

namespace {

/// The first cell (index in the form) of every row of both editions' forms.
CellIndex first_cell(const Form& f, const Row& row) {
    static const std::unordered_map<const Row*, CellIndex> firsts = [] {
        std::unordered_map<const Row*, CellIndex> out;
        for (const Edition e : all_editions) {
            CellIndex next = 0;
            for (const Table& t : form(e).tables())
                for (const Block& b : t.blocks)
                    for (const Row& r : b.rows) {
                        out.emplace(&r, next);
                        next += static_cast<CellIndex>(b.columns.size());
                    }
        }
        return out;
    }();
    (void)f;
    return firsts.at(&row);
}

/// The value cells of a row (its unit column, not a cell of the text, left out).
std::vector<CellIndex> row_cells(const Form& f, const Block& b, const Row& r) {
    std::vector<CellIndex> out;
    const CellIndex first = first_cell(f, r);
    for (std::size_t c = 0; c < b.columns.size(); ++c)
        if (b.columns[c].kind != CellKind::unit) out.push_back(first + static_cast<CellIndex>(c));
    return out;
}

struct Region {
    std::size_t from = 0, to = 0;
    bool found = false;
};

class Placer {
public:
    Placer(const std::vector<Token>& tokens, bool glued) : t_(tokens), glued_(glued) {}

    Placement run();

private:
    const std::vector<Token>& t_;
    bool glued_;
    Placement out_;
    const Form* form_ = nullptr;
    std::vector<bool> grid_row_has_row_label_;
    std::vector<bool> grid_row_has_text_;
    std::size_t last_content_ = 0;  // the last token that is a value or a row label
    std::vector<bool> used_;        // value tokens given to a cell
    std::size_t limit_ = 0;         // the tokens of the first report: [0, limit_)

    const Label* label_of(std::size_t i) const {
        const Token& t = t_[i];
        if (t.kind != Token::Kind::text || t.label < 0) return nullptr;
        return &in_edition(t.label, out_.edition);
    }
    static bool is_row_label_kind(LabelKind k) { return k == LabelKind::proactive_row || k == LabelKind::application_row; }
    bool is_row_label(std::size_t i) const {
        const Label* l = label_of(i);
        return l && is_row_label_kind(l->kind);
    }
    /// Nothing of the tables comes after token i: the text ends there (a page or download cut short).
    bool ends_input(std::size_t i) const { return i >= last_content_; }
    /// Token i is the last of the text: nothing at all follows it.
    bool ends_text(std::size_t i) const { return i + 1 >= limit_; }

    void diag(std::string_view rule, Severity sev, std::string path, const SourceSpan* at, std::string en, std::string zh) {
        out_.diagnostics.push_back(reading_diagnostic(rule, sev, std::move(path), at, std::move(en), std::move(zh)));
    }
    const std::string& pointer(CellIndex c) const { return form_->cells()[c].pointer; }

    void put(CellIndex cell, std::size_t token, Basis basis) {
        const Token& t = t_[token];
        Slot s;
        s.source = t.source;
        s.raw = t.raw;
        s.basis = basis;
        if (t.kind == Token::Kind::blank) {
            s.blank = true;
        } else {
            s.value = t.value;
            s.unit = t.unit;
            s.annotated = t.annotated;
        }
        out_.cells[cell] = std::move(s);
        used_[token] = true;
    }
    /// A row printed with its label and no values: its cells are blank (a table left empty).
    void blank_row(const std::vector<CellIndex>& cells, std::size_t label) {
        for (CellIndex c : cells) {
            Slot s;
            s.blank = true;
            s.source = t_[label].source;
            s.raw = t_[label].raw;
            out_.cells[c] = std::move(s);
        }
    }

    /// The values of the row whose label is token `at`, before `stop`: on the label's grid row
    /// up to the next label; if none are there, on the following grid rows up to the next label,
    /// never on a grid row that has a row label of its own.
    std::vector<std::size_t> row_values(std::size_t at, std::size_t stop) const {
        std::vector<std::size_t> vals;
        std::size_t i = at + 1;
        const std::uint32_t row = t_[at].row;
        for (; i < stop && t_[i].row == row; ++i) {
            if (label_of(i)) return vals;
            if (t_[i].is_value()) vals.push_back(i);
        }
        if (!vals.empty()) return vals;
        for (; i < stop; ++i) {
            if (label_of(i) || grid_row_has_row_label_[t_[i].row] || numbered(t_[i])) break;
            if (t_[i].is_value()) vals.push_back(i);
        }
        return vals;
    }
    /// Text that opens with a row's numbering ("2.", "（五）", "四、"): a row of its own, even when
    /// its wording is not the form's (a typo), so the row above never reads on into it. The
    /// rest of a wrapped label ("不计其他情形）") has none.
    static bool numbered(const Token& t) {
        if (t.kind != Token::Kind::text) return false;
        const std::string& n = t.norm;
        std::size_t i = 0;
        while (i < n.size() && n[i] >= '0' && n[i] <= '9') ++i;
        if (i > 0 && i < n.size() && n[i] == '.') return true;
        static const std::string_view numerals[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
        const std::string_view v = n;
        const std::size_t open = v.starts_with("(") ? 1 : 0;
        for (const auto num : numerals)
            if (v.substr(open).starts_with(num)) {
                const std::string_view after = v.substr(open + num.size());
                return open ? after.starts_with(")") : after.starts_with("、");
            }
        return false;
    }
    /// Blank cells after a row's values that are padding ("行政许可 | 0 | ||").
    std::vector<std::size_t> drop_padding(std::vector<std::size_t> vals, std::size_t cells) const {
        while (vals.size() > cells && t_[vals.back()].kind == Token::Kind::blank) vals.pop_back();
        return vals;
    }
    bool has_run(const std::vector<std::size_t>& vals) const {
        return std::any_of(vals.begin(), vals.end(), [&](std::size_t i) { return t_[i].kind == Token::Kind::run; });
    }
    /// Whether most values of [from, to) stand alone on their grid rows: a table given a cell per line.
    bool streamy(std::size_t from, std::size_t to) const {
        std::size_t values = 0, alone = 0;
        for (std::size_t i = from; i < to; ++i) {
            if (!t_[i].is_value()) continue;
            ++values;
            const bool prev_same = i > 0 && t_[i - 1].row == t_[i].row;
            const bool next_same = i + 1 < t_.size() && t_[i + 1].row == t_[i].row;
            alone += !prev_same && !next_same;
        }
        return values > 0 && alone * 2 > values;
    }
    std::vector<std::size_t> values_in(std::size_t from, std::size_t to) const {
        std::vector<std::size_t> v;
        for (std::size_t i = from; i < to; ++i)
            if (t_[i].is_value()) v.push_back(i);
        return v;
    }

    enum class RowOutcome { read, blank, cut, unreadable, runs, missing };
    /// One labeled row: its values laid into its cells in order, when they are exactly as many;
    /// fewer at the end of the text: the first cells; else left blank and said.
    /// `stop` is the end of the row's table in the text; `later_rows` whether a later row of the
    /// table was found (true for the table's last row, after which there is none to find): when
    /// none was and nothing of the table follows, the table stops in this row.
    RowOutcome read_row(const std::vector<CellIndex>& cells, std::size_t label, std::vector<std::size_t> vals,
                        const std::string& row_path, const std::string& row_label, RunGroup::Check check, std::size_t stop,
                        bool later_rows) {
        auto table_stops_after = [&](std::size_t i) {
            if (ends_input(i)) return true;
            if (later_rows) return false;
            for (std::size_t k = i + 1; k < stop; ++k)
                if (t_[k].is_value() || is_row_label(k)) return false;
            return true;
        };
        for (std::size_t v : vals) used_[v] = true;  // the row's, padding included, whatever becomes of them
        vals = drop_padding(std::move(vals), cells.size());
        // Digits that ran together up to where the text stops may be cut short ("35" of "35-15"):
        // no split of them is certain.
        if (has_run(vals) && ends_text(vals.back())) return RowOutcome::missing;
        if (has_run(vals)) {
            RunGroup g;
            g.cells = cells;
            g.tokens = vals;
            g.check = check;
            for (std::size_t v : vals) used_[v] = true;
            out_.runs.push_back(std::move(g));
            return RowOutcome::runs;
        }
        if (vals.empty()) {
            if (table_stops_after(label)) return RowOutcome::missing;
            blank_row(cells, label);
            return RowOutcome::blank;
        }
        if (vals.size() == cells.size()) {
            for (std::size_t k = 0; k < cells.size(); ++k) put(cells[k], vals[k], Basis::row);
            if (table_stops_after(vals.back())) at_the_end_.insert(at_the_end_.end(), cells.begin(), cells.end());
            return RowOutcome::read;
        }
        if (vals.size() < cells.size() && table_stops_after(vals.back())) {
            for (std::size_t k = 0; k < vals.size(); ++k) put(cells[k], vals[k], Basis::cut_off);
            return RowOutcome::cut;
        }
        for (std::size_t v : vals) used_[v] = true;  // they are this row's, though not readable
        for (CellIndex c : cells) out_.unreadable.push_back(c);
        diag("OGI-E-UNREADABLE", Severity::warning, row_path, &t_[label].source,
             fmt::format("row {} has {} values for {} cells; which cell each belongs to is not clear: left blank", row_label,
                         vals.size(), cells.size()),
             fmt::format("“{}”行有{}个数值，而应有{}个单元格，无法确定对应关系：留空", row_label, vals.size(), cells.size()));
        return RowOutcome::unreadable;
    }

    /// Values of [from, to) no row took: maximal stretches with no label between them.
    std::vector<std::vector<std::size_t>> leftovers(std::size_t from, std::size_t to) const {
        std::vector<std::vector<std::size_t>> out;
        std::vector<std::size_t> cur;
        for (std::size_t i = from; i < to; ++i) {
            if (label_of(i)) {
                if (!cur.empty()) out.push_back(std::move(cur));
                cur.clear();
                continue;
            }
            if (t_[i].is_value() && !used_[i]) cur.push_back(i);
        }
        if (!cur.empty()) out.push_back(std::move(cur));
        return out;
    }

    /// The rows of a block or table that the labels did not give, read from the values no row
    /// took: a row whose label stands right after exactly its values (and has none after it), or
    /// the one row missing between two rows found, given exactly its values between them.
    /// `rows` are the rows in the form's order with their cells; `label_at[k]` the token of row
    /// k's label (npos when not found); `took[k]` whether row k has its values.
    /// Returns false when numbers were left that belong to no row.
    bool unlabeled(std::size_t from, std::size_t to, const std::vector<std::vector<CellIndex>>& rows,
                   const std::vector<std::size_t>& label_at, std::vector<bool>& took) {
        bool all = true;
        for (const auto& stretch : leftovers(from, to)) {
            if (stretch.empty() || t_[stretch.front()].kind == Token::Kind::run) continue;
            const std::size_t first = stretch.front(), last = stretch.back();
            // The rows found before and after the stretch, by their labels' places.
            std::size_t before = std::string::npos, after = std::string::npos;
            for (std::size_t k = 0; k < rows.size(); ++k) {
                if (label_at[k] == std::string::npos) continue;
                if (label_at[k] < first) before = k;
                else if (label_at[k] > last && after == std::string::npos) after = k;
            }
            // (a) the label right after its values, with none of its own (and not at the end of a
            // text cut short, where its own values may be what was cut off).
            if (after != std::string::npos && !took[after] && rows[after].size() == stretch.size() &&
                !ends_input(label_at[after])) {
                bool adjacent = true;
                for (std::size_t i = last + 1; i < label_at[after]; ++i) adjacent = adjacent && !t_[i].is_value() && !label_of(i);
                if (adjacent) {
                    clear_row(rows[after]);
                    for (std::size_t k = 0; k < stretch.size(); ++k) put(rows[after][k], stretch[k], Basis::before_label);
                    took[after] = true;
                    continue;
                }
            }
            // (b) the one row missing between the rows around the stretch.
            const std::size_t lo = before == std::string::npos ? 0 : before + 1;
            const std::size_t hi = after == std::string::npos ? rows.size() : after;
            std::size_t missing = std::string::npos, count = 0;
            for (std::size_t k = lo; k < hi; ++k)
                if (label_at[k] == std::string::npos && !took[k]) {
                    missing = k;
                    ++count;
                }
            if (count == 1 && rows[missing].size() == stretch.size()) {
                for (std::size_t k = 0; k < stretch.size(); ++k) put(rows[missing][k], stretch[k], Basis::missing_label);
                took[missing] = true;
                continue;
            }
            const bool only_blanks = std::all_of(stretch.begin(), stretch.end(),
                                                 [&](std::size_t i) { return t_[i].kind == Token::Kind::blank; });
            if (stretch.size() >= 2 && !only_blanks) all = false;
            if (stretch.size() >= 2 && !only_blanks)
                diag("OGI-E-UNREADABLE", Severity::warning, "", &t_[first].source,
                     fmt::format("{} values here belong to no row that the labels give: not read", stretch.size()),
                     fmt::format("此处的{}个数值无法对应到表格的任何一行：未读取", stretch.size()));
        }
        return all;
    }
    /// A table with numbers that belong to no row has its labels apart from its numbers: the row
    /// whose numbers run to where its text stops (short of them or not) may have more after the
    /// cut, and its numbers may be anyone's. Its cells go. The first cells
    /// read of a row where it stops are then not certain, and go.
    void forget_cut_rows(const std::vector<std::vector<CellIndex>>& rows) {
        const std::set<CellIndex> at_end(at_the_end_.begin(), at_the_end_.end());
        for (const auto& r : rows)
            for (CellIndex c : r)
                if (out_.cells[c] && (out_.cells[c]->basis == Basis::cut_off || at_end.count(c))) out_.cells[c].reset();
    }
    std::vector<CellIndex> at_the_end_;  // cells of a row whose values end where its table's text stops
    /// Every cell of a table, found but not read.
    void unread_table(std::string_view key) {
        const Table& t = *form_->table(key);
        for (const Block& b : t.blocks)
            for (const Row& r : b.rows)
                for (CellIndex c : row_cells(*form_, b, r)) out_.unreadable.push_back(c);
    }
    void clear_row(const std::vector<CellIndex>& cells) {
        for (CellIndex c : cells) out_.cells[c].reset();
    }

    Edition edition_from_rows(std::size_t from, std::size_t to) const;
    std::vector<Region> regions();
    void read_proactive(std::size_t from, std::size_t to);
    void read_applications(std::size_t from, std::size_t to);
    void read_reviews(std::size_t from, std::size_t to);
};

std::vector<Region> Placer::regions() {
    // Table 二 from its heading or first label, 三 likewise, 四 likewise: wherever each stands.
    const std::size_t n = limit_;
    const int e = out_.edition == Edition::e2019 ? 0 : 1;
    auto first = [&](const std::function<bool(const Label&)>& pred, std::size_t from = 0) {
        for (std::size_t i = from; i < n; ++i)
            if (const Label* l = label_of(i); l && pred(*l)) return i;
        return n;
    };
    auto heading_or = [&](LabelKind heading, const std::function<bool(const Label&)>& content) {
        const std::size_t h = first([&](const Label& l) { return l.kind == heading; });
        // The table starts at its first label after its heading (the heading may stand alone in prose).
        const std::size_t c = first(content, h < n ? h : 0);
        return std::min(h, c);
    };
    std::vector<Region> r(3);
    r[0].from = heading_or(LabelKind::section_proactive, [&](const Label& l) {
        return l.kind == LabelKind::block_heading || l.kind == LabelKind::info_header ||
               (l.kind == LabelKind::proactive_row && l.edition == e) || (l.kind == LabelKind::column_header && l.edition == e);
    });
    r[1].from = heading_or(LabelKind::section_applications, [](const Label& l) {
        return l.kind == LabelKind::check_note || l.kind == LabelKind::application_row;
    });
    // 四、结转下年度继续办理 (a row of table 三) and 四、… of section 四 share the numeral; the
    // section's own heading or its header cells start it.
    r[2].from = heading_or(LabelKind::section_reviews, [](const Label& l) { return l.kind == LabelKind::review_header; });
    // A table's head inside another table's rows (a review header word among section 三's cells)
    // does not start it: the heading of each table first, then the first label after the tables before it.
    std::vector<std::size_t> starts;
    for (const Region& g : r)
        if (g.from < n) starts.push_back(g.from);
    for (std::size_t i = 0; i < n; ++i)
        if (const Label* l = label_of(i);
            l && (l->kind == LabelKind::section_overview || l->kind == LabelKind::section_problems || l->kind == LabelKind::section_other))
            starts.push_back(i);
    std::sort(starts.begin(), starts.end());
    for (Region& g : r) {
        if (g.from >= n) continue;
        g.found = true;
        g.to = n;
        for (std::size_t s : starts)
            if (s > g.from) {
                g.to = s;
                break;
            }
    }
    return r;
}

void Placer::read_proactive(std::size_t from, std::size_t to) {
    const Form& f = *form_;
    const Table& t = *f.table("proactive");
    const int e = out_.edition == Edition::e2019 ? 0 : 1;
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
        static const std::string art20 = normalise_label("第二十条");
        for (std::size_t i = from; i < to; ++i)
            if (t_[i].kind == Token::Kind::text && t_[i].norm.rfind(art20, 0) == 0) headings.push_back(i);
    }
    std::vector<std::size_t> starts;
    if (headings.size() == t.blocks.size()) {
        starts = headings;
    } else {
        // Each block by its own heading where it has one (a text cut short has only the first
        // ones), else by its first row label, in order.
        std::size_t pos = from;
        for (std::size_t b = 0; b < t.blocks.size(); ++b) {
            std::size_t found = to;
            for (std::size_t i = pos; i < to && found == to; ++i)
                if (const Label* l = label_of(i); l && l->kind == LabelKind::block_heading && l->edition == e &&
                                                  l->block == static_cast<int>(b))
                    found = i;
            for (std::size_t i = pos; i < to && found == to; ++i)
                if (const Label* l = label_of(i);
                    l && l->kind == LabelKind::proactive_row && l->edition == e && l->block == static_cast<int>(b))
                    found = i;
            starts.push_back(found);
            if (found < to) pos = found + 1;
        }
    }
    for (std::size_t b = 0; b < t.blocks.size(); ++b) {
        const Block& block = t.blocks[b];
        const std::size_t s = starts[b];
        if (s >= to) continue;
        std::size_t end = to;
        for (std::size_t k = b + 1; k < starts.size(); ++k)
            if (starts[k] < to && starts[k] > s) {
                end = starts[k];
                break;
            }
        std::vector<std::vector<CellIndex>> rows;
        std::vector<std::size_t> label_at;
        std::vector<bool> took(block.rows.size(), false);
        for (std::size_t r = 0; r < block.rows.size(); ++r) {
            rows.push_back(row_cells(f, block, block.rows[r]));
            std::size_t at = std::string::npos;
            for (std::size_t i = s; i < end && at == std::string::npos; ++i)
                if (const Label* l = label_of(i); l && l->kind == LabelKind::proactive_row && l->edition == e &&
                                                  l->block == static_cast<int>(b) && l->row == static_cast<int>(r))
                    at = i;
            label_at.push_back(at);
        }
        bool clean = true, unread = false;  // clean: every row found and read
        for (std::size_t r = 0; r < block.rows.size(); ++r) {
            if (label_at[r] == std::string::npos) {
                clean = false;
                continue;
            }
            std::size_t stop = end;  // the next row label or heading of the block
            for (std::size_t i = label_at[r] + 1; i < end; ++i)
                if (const Label* l = label_of(i); l && (l->kind == LabelKind::proactive_row || l->kind == LabelKind::block_heading)) {
                    stop = i;
                    break;
                }
            bool later = false;
            for (std::size_t k = r + 1; k < block.rows.size(); ++k) later = later || label_at[k] != std::string::npos;
            for (std::size_t k = b + 1; k < starts.size(); ++k) later = later || starts[k] < to;
            later = later || (r + 1 == block.rows.size() && b + 1 == t.blocks.size());
            const RowOutcome o = read_row(rows[r], label_at[r], row_values(label_at[r], stop),
                                          fmt::format("/proactive/{}", block.rows[r].key), block.rows[r].label,
                                          RunGroup::Check::none, to, later);
            took[r] = o != RowOutcome::blank && o != RowOutcome::missing;
            unread = unread || o == RowOutcome::unreadable;
        }
        // Numbers that belong to no row: the labels stand apart from the numbers (plain pdftotext).
        const bool messy = !glued_ && !unlabeled(s, end, rows, label_at, took);
        clean = clean && !messy && !unread;
        // A block given a cell per line, its labels apart from its numbers: when the labels give
        // no clean reading and its values are exactly its cells, the form's order is the only one.
        const auto vals = values_in(s, end);
        std::size_t cells = 0;
        for (const auto& r : rows) cells += r.size();
        const bool all_took = std::all_of(took.begin(), took.end(), [](bool x) { return x; });
        if (!glued_ && !has_run(vals) && vals.size() == cells && !(clean && all_took) && streamy(s, end)) {
            std::size_t k = 0;
            for (const auto& r : rows)
                for (CellIndex c : r) put(c, vals[k++], Basis::stream);
            out_.unreadable.erase(std::remove_if(out_.unreadable.begin(), out_.unreadable.end(),
                                                 [&](CellIndex c) { return out_.cells[c].has_value(); }),
                                  out_.unreadable.end());
            continue;
        }
        if (messy) forget_cut_rows(rows);
        // A row missing before a row that is there is a gap, said here; the rows after the last one
        // there are where the text stops, said once by OGI-E-TRUNCATED.
        std::size_t last_found = 0;
        bool any_found = false;
        for (std::size_t r = 0; r < block.rows.size(); ++r)
            if (label_at[r] != std::string::npos || took[r]) last_found = r, any_found = true;
        bool later_blocks = false;
        for (std::size_t k = b + 1; k < starts.size(); ++k) later_blocks = later_blocks || starts[k] < to;
        for (std::size_t r = 0; r < block.rows.size(); ++r)
            if (label_at[r] == std::string::npos && !took[r] && !ends_input(s) && ((any_found && r < last_found) || later_blocks))
                diag("OGI-E-MISSING", Severity::warning, fmt::format("/proactive/{}", block.rows[r].key), &t_[s].source,
                     fmt::format("row {} of {} not found", block.rows[r].label, block.heading),
                     fmt::format("未找到{}的“{}”行", block.heading, block.rows[r].label));
    }
}

void Placer::read_applications(std::size_t from, std::size_t to) {
    const Form& f = *form_;
    const Block& block = f.table("applications")->blocks.front();
    auto row_index = [&](const Label& l) -> const Row* {
        // Section 三's labels are numbered by the 2021 form's rows; both forms have the same rows.
        const auto& rows = form(Edition::e2021).table("applications")->blocks.front().rows;
        const std::string& key = rows[static_cast<std::size_t>(l.row)].key;
        for (const Row& r : block.rows)
            if (r.key == key) return &r;
        return nullptr;
    };
    // Which layout of （六）: the split rows' labels, or the single row's.
    bool split = false, single = false;
    std::set<const Row*> split_rows;  // the split rows whose own labels were seen
    for (std::size_t i = from; i < to; ++i)
        if (const Label* l = label_of(i); l && l->kind == LabelKind::application_row) {
            const Row* r = row_index(*l);
            split = split || r->layout == RowLayout::split_other;
            single = single || r->layout == RowLayout::single_other;
            if (r->layout == RowLayout::split_other) split_rows.insert(r);
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
        else single = out_.edition == Edition::e2019, split = !single;
    }
    out_.single_other = single;
    std::vector<const Row*> rows;
    for (const Row& r : block.rows)
        if (r.layout == RowLayout::always || (r.layout == RowLayout::single_other) == single) rows.push_back(&r);

    // Row by row at the labels, in the form's order.
    std::vector<std::vector<CellIndex>> cells;
    std::vector<std::size_t> label_at;
    std::vector<bool> took(rows.size(), false);
    bool clean = true, unread = false;  // clean: every row found and read
    std::size_t pos = from;
    for (const Row* rp : rows) {
        cells.push_back(row_cells(f, block, *rp));
        std::size_t at = std::string::npos;
        for (std::size_t i = pos; i < to && at == std::string::npos; ++i)
            if (const Label* l = label_of(i); l && l->kind == LabelKind::application_row && row_index(*l) == rp) at = i;
        label_at.push_back(at);
        if (at != std::string::npos) pos = at + 1;
    }
    for (std::size_t k = 0; k < rows.size(); ++k) {
        if (label_at[k] == std::string::npos) {
            clean = false;
            continue;
        }
        std::size_t stop = to;
        for (std::size_t i = label_at[k] + 1; i < to; ++i)
            if (const Label* l = label_of(i); l && l->kind == LabelKind::application_row) {
                stop = i;
                break;
            }
        bool later = false;
        for (std::size_t j = k + 1; j < rows.size(); ++j) later = later || label_at[j] != std::string::npos;
        later = later || k + 1 == rows.size();
        const RowOutcome o = read_row(cells[k], label_at[k], row_values(label_at[k], stop),
                                      fmt::format("/applications/{}", rows[k]->key), rows[k]->label, RunGroup::Check::row_total,
                                      to, later);
        took[k] = o != RowOutcome::blank && o != RowOutcome::missing;
        unread = unread || o == RowOutcome::unreadable;
    }
    // Numbers that belong to no row: the labels stand apart from the numbers (plain pdftotext).
    const bool messy = !glued_ && !unlabeled(from, to, cells, label_at, took);
    clean = clean && !messy && !unread;
    const bool all_took = std::all_of(took.begin(), took.end(), [](bool x) { return x; });

    // A table given a cell per line with its labels apart from its numbers (plain pdftotext): when
    // the labels give no clean reading and the values are exactly the cells, they are the cells in
    // the form's order. A stretch of values with no label between them is a block of whole rows;
    // a PDF's text sometimes gives such a block column by column, which the row totals tell apart.
    if (!glued_ && !has_run(vals) && vals.size() == rows.size() * cols && !(clean && all_took) && streamy(from, to)) {
        auto row_total_holds = [&](const std::vector<std::int64_t>& v) {
            std::int64_t sum = 0;
            for (std::size_t k = 0; k + 1 < v.size(); ++k) sum += v[k];
            return sum == v.back();
        };
        auto holds = [&](std::size_t k, std::size_t m, bool column_major) {
            for (std::size_t r = 0; r < m; ++r) {
                std::vector<std::int64_t> v;
                for (std::size_t c = 0; c < cols; ++c) {
                    const Token& t = t_[vals[k + (column_major ? c * m + r : r * cols + c)]];
                    if (t.kind != Token::Kind::number) return false;
                    v.push_back(to_int(t.value));
                }
                if (!row_total_holds(v)) return false;
            }
            return true;
        };
        std::vector<std::size_t> order;
        std::vector<bool> by_column;
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
                    for (std::size_t q = k; q < k + take; ++q) order.push_back(vals[q]), by_column.push_back(false);
                    k += take;
                    continue;
                }
                const std::size_t m = size / cols;
                diag("OGI-E-LAYOUT", Severity::info, "/applications", &t_[vals[k]].source,
                     fmt::format("{} values from here are given column by column ({} rows of {}); read so, as the row "
                                 "totals show", size, m, cols),
                     fmt::format("自此起的{}个数值按列排列（{}行×{}列），据各行合计按列读取", size, m, cols));
                for (std::size_t r = 0; r < m; ++r)
                    for (std::size_t c = 0; c < cols; ++c) order.push_back(vals[k + c * m + r]), by_column.push_back(true);
                k = e;
            }
        }
        std::size_t q = 0;
        for (const auto& r : cells)
            for (CellIndex c : r) {
                put(c, order[q], by_column[q] ? Basis::columns : Basis::stream);
                ++q;
            }
        out_.unreadable.erase(std::remove_if(out_.unreadable.begin(), out_.unreadable.end(),
                                             [&](CellIndex c) { return out_.cells[c].has_value(); }),
                              out_.unreadable.end());
        return;
    }
    if (messy) forget_cut_rows(cells);
    std::size_t last_found = 0;  // rows missing after the last one there: where the text stops (OGI-E-TRUNCATED)
    for (std::size_t k = 0; k < rows.size(); ++k)
        if (label_at[k] != std::string::npos || took[k]) last_found = k;
    for (std::size_t k = 0; k < rows.size(); ++k)
        if (label_at[k] == std::string::npos && !took[k] && !ends_input(from) && k < last_found)
            diag("OGI-E-MISSING", Severity::warning, fmt::format("/applications/{}", rows[k]->key), nullptr,
                 fmt::format("row {} of section 三 not found", rows[k]->label), fmt::format("未找到第三部分的“{}”行", rows[k]->label));
}

void Placer::read_reviews(std::size_t from, std::size_t to) {
    const Form& f = *form_;
    std::vector<CellIndex> cells;
    for (const Block& b : f.table("reviews")->blocks)
        for (const Row& r : b.rows) {
            const auto rc = row_cells(f, b, r);
            cells.insert(cells.end(), rc.begin(), rc.end());
        }
    // Start after the last header label, so that numbers in prose before the table are not read.
    std::size_t start = from;
    for (std::size_t i = from; i < to; ++i)
        if (const Label* l = label_of(i); l && l->kind == LabelKind::review_header) start = i + 1;
        else if (t_[i].is_value() && start > from) break;
    // The table's values: from there on, labels skipped (a PDF's text may put 总计 among the
    // numbers), up to the first other text (the prose after the table) or section heading.
    std::vector<std::size_t> vals;
    for (std::size_t i = start; i < to; ++i) {
        if (t_[i].kind == Token::Kind::blank && grid_row_has_text_[t_[i].row]) continue;  // a header row's padding
        if (t_[i].is_value()) {
            vals.push_back(i);
            continue;
        }
        const Label* l = label_of(i);
        if (!vals.empty() && (!l || is_section(l->kind))) break;
    }
    // Padding of the header row before the values, and after them.
    while (vals.size() > cells.size() && t_[vals.front()].kind == Token::Kind::blank) vals.erase(vals.begin());
    while (vals.size() > cells.size() && t_[vals.back()].kind == Token::Kind::blank) vals.pop_back();
    if (vals.empty()) {
        // The header printed with no values under it: the cells are blank (a table left empty).
        if (start > from && start < to && !ends_input(start - 1)) blank_row(cells, start - 1);
        return;
    }
    if (has_run(vals) && ends_text(vals.back())) return;  // cut short, maybe inside a run: not split
    if (has_run(vals)) {
        RunGroup g;
        g.cells = cells;
        g.tokens = vals;
        g.check = RunGroup::Check::group_totals;
        out_.runs.push_back(std::move(g));
        return;
    }
    if (vals.size() == cells.size()) {
        for (std::size_t k = 0; k < cells.size(); ++k) put(cells[k], vals[k], Basis::row);
        return;
    }
    if (vals.size() < cells.size() && ends_input(vals.back())) {
        for (std::size_t k = 0; k < vals.size(); ++k) put(cells[k], vals[k], Basis::cut_off);
        return;
    }
    for (CellIndex c : cells) out_.unreadable.push_back(c);
    diag("OGI-E-UNREADABLE", Severity::warning, "/reviews", &t_[vals.front()].source,
         fmt::format("section 四 has {} values for {} cells; which cell each belongs to is not clear: left blank", vals.size(),
                     cells.size()),
         fmt::format("第四部分有{}个数值，而应有{}个单元格，无法确定对应关系：留空", vals.size(), cells.size()));
}

Placement Placer::run() {
    const std::optional<Edition> told = detect_edition(t_);
    out_.edition = told.value_or(Edition::e2021);
    form_ = &form(out_.edition);
    out_.cells.assign(form_->cells().size(), std::nullopt);
    used_.assign(t_.size(), false);
    std::uint32_t grid_rows = 0;
    for (const Token& t : t_) grid_rows = std::max(grid_rows, t.row + 1);
    grid_row_has_row_label_.assign(grid_rows, false);
    grid_row_has_text_.assign(grid_rows, false);
    for (const Token& t : t_)
        if (t.kind == Token::Kind::text) grid_row_has_text_[t.row] = true;
    // A second report in the same text (two pages saved into one file): a heading of sections 一
    // to 四 comes a second time. The form is filled once, from the first.
    limit_ = t_.size();
    {
        std::set<LabelKind> seen;
        for (std::size_t i = 0; i < t_.size(); ++i) {
            const Label* l = label_of(i);
            if (!l || !(l->kind == LabelKind::section_overview || l->kind == LabelKind::section_proactive ||
                        l->kind == LabelKind::section_applications || l->kind == LabelKind::section_reviews))
                continue;
            if (seen.insert(l->kind).second) continue;
            limit_ = i;
            diag("OGI-E-SECOND", Severity::warning, "", &t_[i].source,
                 fmt::format("\"{}\" comes a second time: a second report seems to start here; only the first report was "
                             "read (split the text to read the other)",
                             t_[i].raw),
                 fmt::format("“{}”再次出现：此处似乎是另一份年报的开始；只读取了第一份（请拆分文本后分别读取）", t_[i].raw));
            break;
        }
    }
    last_content_ = 0;
    for (std::size_t i = 0; i < limit_; ++i) {
        if (is_row_label(i)) grid_row_has_row_label_[t_[i].row] = true;
        if (t_[i].is_value() || is_row_label(i)) last_content_ = i;
    }
    const std::vector<Region> r = regions();
    out_.single_other = out_.edition == Edition::e2019;
    if (!r[0].found && !r[1].found && !r[2].found) {
        out_.no_tables = true;
        diag("OGI-E-NO-TABLES", Severity::error, "", nullptr, "no table of the report form was found in the input",
             "输入中未找到年报格式的表格");
        return std::move(out_);
    }
    // Section 二's cells are named differently in the two editions (制发 or 新制作 …): when no
    // label tells which it is, none of its numbers can be put in a cell for certain.
    if (r[0].found && !told && !values_in(r[0].from, r[0].to).empty())
        diag("OGI-E-UNREADABLE", Severity::warning, "/proactive", &t_[r[0].from].source,
             "section 二's column headers do not say which edition of the form it follows: its cells are left blank",
             "第二部分的表头无法确定所用的表格版本：其单元格留空"),
            unread_table("proactive");
    else if (r[0].found) read_proactive(r[0].from, r[0].to);
    else
        diag("OGI-E-MISSING", Severity::warning, "/proactive", nullptr, "section 二 (主动公开政府信息情况) was not found",
             "未找到第二部分（主动公开政府信息情况）表格");
    if (r[1].found) read_applications(r[1].from, r[1].to);
    else
        diag("OGI-E-MISSING", Severity::warning, "/applications", nullptr, "section 三 (收到和处理政府信息公开申请情况) was not found",
             "未找到第三部分（收到和处理政府信息公开申请情况）表格");
    if (r[2].found) read_reviews(r[2].from, r[2].to);
    else
        diag("OGI-E-MISSING", Severity::warning, "/reviews", nullptr, "section 四 (行政复议、行政诉讼情况) was not found",
             "未找到第四部分（行政复议、行政诉讼情况）表格");
    return std::move(out_);
}

}  // namespace

Placement place(const std::vector<Token>& tokens, bool glued) {
    Placer p(tokens, glued);
    Placement out = p.run();
    return out;
}

}  // namespace ogi::read
