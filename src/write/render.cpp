// Drawing the three tables of a report. The layout comes from the form definition: first a
// grid of cells with their row and column spans is built from the tables, blocks, rows and
// columns of the report's edition; then the grid is written as HTML, Markdown or text.
#include <ogi/write/render.hpp>

#include <boost/json.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <string>
#include <unordered_map>

namespace ogi {
namespace {

// ------------------------------------------------------------------ the grid

enum class Role : std::uint8_t {
    heading,  ///< a block heading or a caption over the data columns
    header,   ///< a column header or the row-label column's header
    label,    ///< a row label, group or number
    data,     ///< a cell of the report
};

struct GridCell {
    std::string text;
    int row = 0, col = 0, rowspan = 1, colspan = 1;
    Role role = Role::data;
    std::optional<CellIndex> cell;  ///< for data cells: the report cell shown
};

/// One table drawn as a grid: cells in reading order, each at its top-left position.
struct Grid {
    std::string key, title;
    int width = 0, height = 0;
    std::vector<GridCell> cells;

    void add(GridCell c) {
        width = std::max(width, c.col + c.colspan);
        height = std::max(height, c.row + c.rowspan);
        cells.push_back(std::move(c));
    }
    /// For each position, the index of the cell covering it (-1 for none).
    [[nodiscard]] std::vector<std::vector<int>> cover() const {
        std::vector<std::vector<int>> at(static_cast<std::size_t>(height), std::vector<int>(static_cast<std::size_t>(width), -1));
        for (std::size_t i = 0; i < cells.size(); ++i) {
            const GridCell& c = cells[i];
            for (int r = c.row; r < c.row + c.rowspan; ++r)
                for (int k = c.col; k < c.col + c.colspan; ++k)
                    at[static_cast<std::size_t>(r)][static_cast<std::size_t>(k)] = static_cast<int>(i);
        }
        return at;
    }
};

std::string unit_word(std::string_view word) {
    if (word == "yuan") return "元";
    if (word == "wan_yuan") return "万元";
    return std::string(word);
}

class GridBuilder {
public:
    explicit GridBuilder(const Report& r) : report_(r), form_(r.form()) {}

    std::vector<Grid> build() {
        std::vector<Grid> grids;
        for (std::size_t t = 0; t < form_.tables().size(); ++t) {
            const Table& table = form_.tables()[t];
            Grid g{table.key, table.title, 0, 0, {}};
            const bool across = table.blocks.size() == 1 && table.blocks.front().header.empty();
            if (across)
                draw_across(g, t);
            else
                draw_blocks(g, t);
            // the writers take the cells in reading order: by row, then by column
            std::stable_sort(g.cells.begin(), g.cells.end(), [](const GridCell& a, const GridCell& b) {
                return a.row != b.row ? a.row < b.row : a.col < b.col;
            });
            grids.push_back(std::move(g));
        }
        return grids;
    }

private:
    bool drawn(const Row& row) const {
        switch (row.layout) {
        case RowLayout::always: return true;
        case RowLayout::single_other: return single_;
        case RowLayout::split_other: return !single_;
        }
        return true;
    }

    static std::vector<std::size_t> drawn_columns(const Block& b) {
        std::vector<std::size_t> out;
        for (std::size_t c = 0; c < b.columns.size(); ++c)
            if (b.columns[c].kind != CellKind::unit) out.push_back(c);
        return out;
    }

    /// The text of a report cell: the number, the amount with its unit, or nothing when blank.
    std::string value_text(std::size_t t, std::size_t b, const Row& row, std::size_t c) const {
        const Block& block = form_.tables()[t].blocks[b];
        const Column& col = block.columns[c];
        const auto index = form_.find(form_.tables()[t].key, row.key, col.key);
        if (!index) return {};
        const Cell& cell = report_.cells()[*index];
        if (!cell.has_value()) return {};
        if (col.kind != CellKind::money) return std::to_string(cell.number);
        std::string out = cell.money.to_string();
        for (const Column& other : block.columns) {
            if (other.kind != CellKind::unit) continue;
            const auto u = form_.find(form_.tables()[t].key, row.key, other.key);
            if (!u) continue;
            const Cell& unit = report_.cells()[*u];
            if (unit.has_value() && unit.number >= 0 && static_cast<std::size_t>(unit.number) < other.words.size())
                out += unit_word(other.words[static_cast<std::size_t>(unit.number)]);
        }
        return out;
    }

    /// Tables whose blocks have a row-label column (sections 二 and 三).
    void draw_blocks(Grid& g, std::size_t t) {
        const Table& table = form_.tables()[t];
        const bool several = table.blocks.size() > 1;
        // label columns: the outer number, the group, the row's own label, as far as used
        int label_cols = 1;
        bool any_number = false, any_group = false;
        std::size_t data_cols = 0;
        for (const Block& b : table.blocks) {
            for (const Row& r : b.rows) {
                any_number = any_number || !r.number.empty();
                any_group = any_group || !r.group.empty();
            }
            data_cols = std::max(data_cols, drawn_columns(b).size());
        }
        label_cols += (any_number ? 1 : 0) + (any_group ? 1 : 0);
        const int width = label_cols + static_cast<int>(data_cols);

        int y = 0;
        for (std::size_t b = 0; b < table.blocks.size(); ++b) {
            const Block& block = table.blocks[b];
            const auto cols = drawn_columns(block);
            if (cols.empty()) continue;
            const int spare = static_cast<int>(data_cols - cols.size());  // the last column widens to fill
            bool grouped = false;
            for (std::size_t c : cols) grouped = grouped || !block.columns[c].group.empty();
            const int column_rows = grouped ? 2 : 1;

            // heading: a row across the table between blocks; over the data columns in a one-block table
            const bool caption = !several && !block.heading.empty();
            if (several && !block.heading.empty())
                g.add({block.heading, y++, 0, 1, width, Role::heading, {}});
            const int header_rows = column_rows + (caption ? 1 : 0);
            g.add({block.header, y, 0, header_rows, label_cols, Role::header, {}});
            if (caption) g.add({block.heading, y++, label_cols, 1, static_cast<int>(data_cols), Role::heading, {}});
            int x = label_cols;
            for (std::size_t i = 0; i < cols.size();) {
                const Column& col = block.columns[cols[i]];
                const bool last = i + 1 == cols.size();
                if (col.group.empty()) {
                    g.add({col.label, y, x, column_rows, 1 + (last ? spare : 0), Role::header, {}});
                    x += 1 + (last ? spare : 0);
                    ++i;
                    continue;
                }
                std::size_t j = i;
                while (j < cols.size() && block.columns[cols[j]].group == col.group) ++j;
                const int n = static_cast<int>(j - i) + (j == cols.size() ? spare : 0);
                g.add({col.group, y, x, 1, n, Role::header, {}});
                for (std::size_t k = i; k < j; ++k) {
                    const bool widen = k + 1 == cols.size();
                    g.add({block.columns[cols[k]].label, y + 1, x, 1, 1 + (widen ? spare : 0), Role::header, {}});
                    x += 1 + (widen ? spare : 0);
                }
                i = j;
            }
            y += column_rows;

            std::vector<const Row*> rows;
            for (const Row& r : block.rows)
                if (drawn(r)) rows.push_back(&r);
            for (std::size_t i = 0; i < rows.size(); ++i) {
                const Row& row = *rows[i];
                int lx = 0;
                if (!row.number.empty()) {
                    if (i == 0 || rows[i - 1]->number != row.number) {
                        std::size_t j = i;
                        while (j < rows.size() && rows[j]->number == row.number) ++j;
                        g.add({row.number, y, 0, static_cast<int>(j - i), 1, Role::label, {}});
                    }
                    lx = 1;
                }
                if (!row.group.empty()) {
                    auto same = [&](const Row* r) { return r->group == row.group && r->number == row.number; };
                    if (i == 0 || !same(rows[i - 1])) {
                        std::size_t j = i;
                        while (j < rows.size() && same(rows[j])) ++j;
                        g.add({row.group, y, lx, static_cast<int>(j - i), 1, Role::label, {}});
                    }
                    ++lx;
                }
                g.add({row.label, y, lx, 1, label_cols - lx, Role::label, {}});
                x = label_cols;
                for (std::size_t k = 0; k < cols.size(); ++k) {
                    const int span = 1 + (k + 1 == cols.size() ? spare : 0);
                    g.add({value_text(t, b, row, cols[k]), y, x, 1, span, Role::data,
                           form_.find(table.key, row.key, block.columns[cols[k]].key)});
                    x += span;
                }
                ++y;
            }
        }
        g.width = std::max(g.width, width);
    }

    /// A block without a row-label column (section 四): its rows are drawn side by side as
    /// column groups over one row of numbers.
    void draw_across(Grid& g, std::size_t t) {
        const Table& table = form_.tables()[t];
        const Block& block = table.blocks.front();
        const auto cols = drawn_columns(block);
        const int n = static_cast<int>(cols.size());
        std::vector<const Row*> rows;
        for (const Row& r : block.rows)
            if (drawn(r)) rows.push_back(&r);
        bool grouped = false;
        for (const Row* r : rows) grouped = grouped || !r->group.empty();
        const int top = grouped ? 1 : 0;  // the row of group cells

        // with groups: group cells, then row labels under them, then column labels (three rows);
        // a row outside any group spans the first two and its column labels the last two
        const int label_row = top, column_row = top + 1;
        auto column_label = [&](int k) { return block.columns[cols[static_cast<std::size_t>(k)]].label; };
        int x = 0;
        for (std::size_t i = 0; i < rows.size();) {
            const Row& row = *rows[i];
            if (row.group.empty()) {
                g.add({row.label, 0, x, 1, n, Role::header, {}});
                for (int k = 0; k < n; ++k) g.add({column_label(k), 1, x + k, grouped ? 2 : 1, 1, Role::header, {}});
                x += n;
                ++i;
                continue;
            }
            std::size_t j = i;
            while (j < rows.size() && rows[j]->group == row.group) ++j;
            g.add({row.group, 0, x, 1, n * static_cast<int>(j - i), Role::header, {}});
            for (std::size_t k = i; k < j; ++k) {
                g.add({rows[k]->label, label_row, x, 1, n, Role::header, {}});
                for (int c = 0; c < n; ++c) g.add({column_label(c), column_row, x + c, 1, 1, Role::header, {}});
                x += n;
            }
            i = j;
        }
        x = 0;
        for (const Row* r : rows)
            for (std::size_t c : cols) {
                g.add({value_text(t, 0, *r, c), column_row + 1, x, 1, 1, Role::data,
                       form_.find(table.key, r->key, block.columns[c].key)});
                ++x;
            }
    }

    const Report& report_;
    const Form& form_;
    bool single_ = report_.has_single_other();
};

// ------------------------------------------------------------------ marks

struct Marks {
    const std::vector<Diagnostic>* list = nullptr;
    std::unordered_map<CellIndex, std::vector<std::size_t>> by_cell;  ///< diagnostic indexes per drawn cell
    std::unordered_map<CellIndex, std::vector<std::size_t>> related;  ///< diagnostics a drawn cell takes part in
    std::vector<bool> placed;                                          ///< whether a diagnostic marks a drawn cell
    std::size_t errors = 0, warnings = 0, notes = 0;

    Marks(const Report& report, const std::vector<Grid>& grids, const std::vector<Diagnostic>* diagnostics)
        : list(diagnostics) {
        if (!list) return;
        const Form& form = report.form();
        // a unit cell is not drawn: its marks go to the amount it is printed with
        std::unordered_map<std::string, CellIndex> alias;
        for (const CellDef& def : form.cells()) {
            if (form.column(def).kind != CellKind::unit) continue;
            const Block& block = form.tables()[def.table].blocks[def.block];
            for (const Column& c : block.columns)
                if (c.kind == CellKind::money)
                    if (auto m = form.find(form.tables()[def.table].key, form.row(def).key, c.key)) alias.emplace(def.pointer, *m);
        }
        std::unordered_map<CellIndex, bool> shown;
        for (const Grid& g : grids)
            for (const GridCell& c : g.cells)
                if (c.cell) shown[*c.cell] = true;
        placed.assign(list->size(), false);
        for (std::size_t i = 0; i < list->size(); ++i) {
            const Diagnostic& d = (*list)[i];
            switch (d.severity) {
            case Severity::error: ++errors; break;
            case Severity::warning: ++warnings; break;
            case Severity::info: ++notes; break;
            }
            std::optional<CellIndex> at = form.find(d.path);
            if (auto a = alias.find(d.path); a != alias.end()) at = a->second;
            if (at && shown.count(*at)) {
                by_cell[*at].push_back(i);
                placed[i] = true;
            }
            for (const std::string& other : d.related) {
                auto o = form.find(other);
                if (auto a = alias.find(other); a != alias.end()) o = a->second;
                if (o && shown.count(*o) && (!at || *o != *at)) related[*o].push_back(i);
            }
        }
    }

    [[nodiscard]] const std::vector<std::size_t>* of(const GridCell& c) const {
        if (!list || !c.cell) return nullptr;
        auto it = by_cell.find(*c.cell);
        return it == by_cell.end() ? nullptr : &it->second;
    }
    [[nodiscard]] const std::vector<std::size_t>* related_to(const GridCell& c) const {
        if (!list || !c.cell) return nullptr;
        auto it = related.find(*c.cell);
        return it == related.end() ? nullptr : &it->second;
    }
    [[nodiscard]] Severity worst(const std::vector<std::size_t>& ids) const {
        Severity s = Severity::info;
        for (std::size_t i : ids) s = std::max(s, (*list)[i].severity);
        return s;
    }
};

// ------------------------------------------------------------------ what the report itself prints

/// The official title, as reports print it (in Chinese whatever the language of the page).
std::string official_title(const Report& r) { return fmt::format("{}{}年政府信息公开工作年度报告", r.agency.name, r.year); }

/// A narrative section: its heading and its text. The headings are the report's outline
/// (Article 50 and the notices on the format); the form defines only the tables.
struct Prose {
    std::string_view heading;
    const std::optional<std::string>* text;
};
std::vector<Prose> prose_before(const Report& r) { return {{"一、总体情况", &r.narrative.overview}}; }
std::vector<Prose> prose_after(const Report& r) {
    return {{"五、政府信息公开工作存在的主要问题及改进情况", &r.narrative.problems},
            {"六、其他需要报告的事项", &r.narrative.other_matters}};
}

/// The paragraphs of a narrative text: one per line.
std::vector<std::string> paragraphs(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        out.push_back(std::move(line));
        start = end + 1;
    }
    return out;
}

/// The signature (落款) under the report: the agency and the date, as "2021年1月5日".
std::vector<std::string> signature(const Report& r) {
    if (!r.published_on) return {};
    std::string date = *r.published_on;
    if (const auto d = Date::parse(date)) date = fmt::format("{}年{}月{}日", d->year, d->month, d->day);
    return {r.agency.name, date};
}

struct Words {
    bool zh;
    [[nodiscard]] std::string severity(Severity s) const {
        switch (s) {
        case Severity::error: return zh ? "错误" : "error";
        case Severity::warning: return zh ? "警告" : "warning";
        case Severity::info: return zh ? "提示" : "note";
        }
        return "";
    }
    [[nodiscard]] std::string edition(const Report& r) const {
        if (r.edition() == Edition::e2019)
            return zh ? "表格格式：2019 年试行格式（国办公开办函〔2019〕60号）"
                      : "Tables: the 2019 trial format (国办公开办函〔2019〕60号)";
        return zh ? "表格格式：2021 年格式（国办公开办函〔2021〕30号）" : "Tables: the 2021 format (国办公开办函〔2021〕30号)";
    }
    [[nodiscard]] std::string summary(const Marks& m) const {
        if (m.list->empty()) return zh ? "检查结果：未发现问题。" : "Check: no findings.";
        return zh ? fmt::format("检查结果：错误 {} 个，警告 {} 个，提示 {} 个。", m.errors, m.warnings, m.notes)
                  : fmt::format("Check: {} error{}, {} warning{}, {} note{}.", m.errors, m.errors == 1 ? "" : "s",
                                m.warnings, m.warnings == 1 ? "" : "s", m.notes, m.notes == 1 ? "" : "s");
    }
    [[nodiscard]] std::string numbers(const Diagnostic& d) const {
        std::vector<std::string> parts;
        if (d.expected) parts.push_back(fmt::format("{} {}", zh ? "应为" : "expected", *d.expected));
        if (d.actual) parts.push_back(fmt::format("{} {}", zh ? "实为" : "actual", *d.actual));
        return fmt::format("{}", fmt::join(parts, zh ? "，" : ", "));
    }
    [[nodiscard]] std::string where(const Form& form, const Diagnostic& d) const {
        if (d.path.empty()) return zh ? "整个文件" : "the whole document";
        if (auto c = form.find(d.path)) return fmt::format("{}（{}）", d.path, form.cell_label(*c));
        return d.path;
    }
};

// ------------------------------------------------------------------ HTML

std::string html_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        case '\n': out += "&#10;"; break;
        default: out += c;
        }
    }
    return out;
}

constexpr std::string_view css = R"(
body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", serif; margin: 2em auto; max-width: 60em; padding: 0 1em; color: #000; background: #fff; }
h1 { font-size: 1.4em; text-align: center; margin-bottom: 0.2em; }
p.meta { text-align: center; color: #444; margin: 0.2em 0; }
h2 { font-size: 1.1em; margin: 1.5em 0 0.5em; }
table { border-collapse: collapse; width: 100%; margin-bottom: 1em; page-break-inside: avoid; break-inside: avoid; }
th, td { border: 1px solid #000; padding: 0.25em 0.4em; text-align: center; vertical-align: middle; font-weight: normal; }
th.heading { font-weight: bold; }
td.label { text-align: left; }
td.data { font-variant-numeric: tabular-nums; min-width: 2.5em; }
.error { background: #fdd; outline: 2px solid #c00; outline-offset: -2px; }
.warning { background: #fff1c2; outline: 2px solid #b80; outline-offset: -2px; }
.info { background: #e3efff; outline: 1px dashed #36c; outline-offset: -2px; }
.related { outline: 1px dashed #888; outline-offset: -3px; }
sup.ref { font-size: 0.7em; margin-left: 0.15em; }
sup.ref::before { content: "["; } sup.ref::after { content: "]"; }
sup.ref a { color: inherit; text-decoration: none; font-weight: bold; }
.error sup.ref { color: #c00; } .warning sup.ref { color: #960; } .info sup.ref { color: #36c; }
div.summary { border: 1px solid #888; padding: 0.5em 1em; margin: 1em 0; }
div.narrative p { text-indent: 2em; margin: 0.3em 0; line-height: 1.7; text-align: justify; }
div.signature { text-align: right; margin: 2em 0 1em; }
div.signature p { margin: 0.2em 0; }
ol.legend li { margin: 0.4em 0; }
ol.legend li.error, ol.legend li.warning, ol.legend li.info { background: none; outline: none; border-left: 4px solid; padding-left: 0.5em; }
ol.legend li.error { border-color: #c00; } ol.legend li.warning { border-color: #b80; } ol.legend li.info { border-color: #36c; }
ol.legend .rule { font-family: monospace; }
@media print {
  body { margin: 0; max-width: none; }
  .error, .warning, .info { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2 { break-after: avoid; }
}
)";

/// source.provenance of an extracted report: JSON Pointer → "line:column" (empty when there is none).
std::unordered_map<std::string, std::string> provenance_of(const Report& report) {
    std::unordered_map<std::string, std::string> out;
    if (const auto* p = report.source.if_contains("provenance"); p && p->is_object())
        for (const auto& kv : p->get_object())
            if (kv.value().is_string()) out.emplace(std::string(kv.key()), std::string(kv.value().get_string()));
    return out;
}

std::string render_html(const Report& report, const std::vector<Grid>& grids, const Marks& marks, const Words& w) {
    const std::unordered_map<std::string, std::string> source_of = provenance_of(report);
    const Form& form = report.form();
    std::string out;
    out += "<!DOCTYPE html>\n";
    out += fmt::format("<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n", w.zh ? "zh-CN" : "en");
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    const std::string title = html_escape(official_title(report));
    out += fmt::format("<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n", title, css);
    // the report's own words are Chinese whatever the language of the page
    const std::string zh_attr = w.zh ? "" : " lang=\"zh-CN\"";
    out += fmt::format("<h1{}>{}</h1>\n", zh_attr, title);
    out += fmt::format("<p class=\"meta\">{}</p>\n", html_escape(w.edition(report)));
    if (marks.list) {
        out += fmt::format("<div class=\"summary\" id=\"summary\"><p>{}", html_escape(w.summary(marks)));
        if (!marks.list->empty())
            out += w.zh ? " <a href=\"#legend\">说明见文末。</a>" : " <a href=\"#legend\">See the list at the end.</a>";
        out += "</p></div>\n";
    }
    auto prose = [&](const std::vector<Prose>& sections) {
        for (const Prose& p : sections) {
            if (!*p.text) continue;
            out += fmt::format("<h2{}>{}</h2>\n<div class=\"narrative\"{}>\n", zh_attr, html_escape(p.heading), zh_attr);
            for (const std::string& line : paragraphs(**p.text)) out += fmt::format("<p>{}</p>\n", html_escape(line));
            out += "</div>\n";
        }
    };
    prose(prose_before(report));
    for (const Grid& g : grids) {
        // the labels are the official Chinese whatever the language of the page
        out += fmt::format("<h2>{}</h2>\n<table id=\"{}\"{}>\n", html_escape(g.title), html_escape(g.key),
                           w.zh ? "" : " lang=\"zh-CN\"");
        int row = -1;
        for (const GridCell& c : g.cells) {
            if (c.row != row) {
                if (row >= 0) out += "</tr>\n";
                // a row whose positions are all covered from above still needs its <tr>
                for (int r = row + 1; r < c.row; ++r) out += "<tr></tr>\n";
                out += "<tr>";
                row = c.row;
            }
            const bool th = c.role == Role::heading || c.role == Role::header;
            std::string cls = c.role == Role::heading ? "heading"
                              : c.role == Role::header ? "header"
                              : c.role == Role::label  ? "label"
                                                       : "data";
            std::string attrs;
            std::string marks_html;
            std::vector<std::string> title;  // what hovering over the cell says
            if (const auto* ids = marks.of(c)) {
                cls += fmt::format(" {}", to_string(marks.worst(*ids)));
                std::vector<std::string> lines;
                for (std::size_t i : *ids) {
                    const Diagnostic& d = (*marks.list)[i];
                    lines.push_back(fmt::format("[{}] {} {}{}{}", i + 1, d.rule, w.severity(d.severity), w.zh ? "：" : ": ",
                                             d.message(w.zh ? Lang::zh : Lang::en)));
                    marks_html += fmt::format("<sup class=\"ref\"><a href=\"#d{0}\" id=\"r{0}\">{0}</a></sup>", i + 1);
                }
                title.insert(title.end(), lines.begin(), lines.end());
            } else if (const auto* rel = marks.related_to(c)) {
                // not itself at fault, but one of the cells a finding adds up or compares
                cls += " related";
                std::vector<std::string> refs;
                for (std::size_t i : *rel) refs.push_back(fmt::format("[{}] {}", i + 1, (*marks.list)[i].rule));
                title.push_back(fmt::format("{}{}", w.zh ? "参与计算：" : "involved in: ",
                                            fmt::format("{}", fmt::join(refs, w.zh ? "，" : ", "))));
            }
            // An extracted report says where each cell was read (source.provenance, "line:column").
            if (c.cell)
                if (const auto where = source_of.find(form.cells()[*c.cell].pointer); where != source_of.end()) {
                    const auto colon = where->second.find(':');
                    if (colon != std::string::npos) {
                        const std::string line = where->second.substr(0, colon), column = where->second.substr(colon + 1);
                        title.push_back(w.zh ? fmt::format("原文第{}行第{}列", line, column)
                                             : fmt::format("in the source: line {}, column {}", line, column));
                        attrs += fmt::format(" data-source=\"{}\"", html_escape(where->second));
                    }
                }
            if (!title.empty()) attrs += fmt::format(" title=\"{}\"", html_escape(fmt::format("{}", fmt::join(title, "\n"))));
            if (c.rowspan > 1) attrs += fmt::format(" rowspan=\"{}\"", c.rowspan);
            if (c.colspan > 1) attrs += fmt::format(" colspan=\"{}\"", c.colspan);
            if (c.cell) attrs += fmt::format(" data-path=\"{}\"", html_escape(form.cells()[*c.cell].pointer));
            out += fmt::format("<{0} class=\"{1}\"{2}>{3}{4}</{0}>", th ? "th" : "td", cls, attrs, html_escape(c.text),
                               marks_html);
        }
        if (row >= 0) out += "</tr>\n";
        out += "</table>\n";
    }
    prose(prose_after(report));
    if (const auto sig = signature(report); !sig.empty()) {
        out += fmt::format("<div class=\"signature\"{}>\n", zh_attr);
        for (const std::string& line : sig) out += fmt::format("<p>{}</p>\n", html_escape(line));
        out += "</div>\n";
    }
    if (marks.list && !marks.list->empty()) {
        out += fmt::format("<h2 id=\"legend\">{}</h2>\n<ol class=\"legend\">\n", w.zh ? "检查结果说明" : "Findings");
        for (std::size_t i = 0; i < marks.list->size(); ++i) {
            const Diagnostic& d = (*marks.list)[i];
            const std::string nums = w.numbers(d);
            out += fmt::format("<li id=\"d{}\" class=\"{}\"><span class=\"rule\">{}</span> {} — {}{}<br>{}{}</li>\n", i + 1,
                               to_string(d.severity), html_escape(d.rule), html_escape(w.severity(d.severity)),
                               html_escape(w.where(form, d)),
                               marks.placed[i] ? fmt::format(" <a href=\"#r{}\">↑</a>", i + 1)
                                               : html_escape(w.zh ? "（不在表格中）" : " (not a table cell)"),
                               html_escape(d.message(w.zh ? Lang::zh : Lang::en)),
                               nums.empty() ? "" : html_escape((w.zh ? "（" + nums + "）" : " (" + nums + ")")));
        }
        out += "</ol>\n";
    }
    out += "</body>\n</html>\n";
    return out;
}

// ------------------------------------------------------------------ Markdown and text

std::string one_line(std::string_view s) {
    std::string out;
    for (char c : s) out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
    return out;
}

std::string markdown_escape(std::string_view s) {
    std::string out;
    for (char c : one_line(s)) {
        switch (c) {
        case '|': case '\\': case '*': case '_': case '`': case '[': case ']': out += '\\'; out += c; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '&': out += "&amp;"; break;
        default: out += c;
        }
    }
    return out;
}

/// A paragraph of prose: escaped, and kept from starting a heading, a list or a rule.
std::string markdown_paragraph(std::string_view line) {
    const std::string out = markdown_escape(line);
    std::size_t digits = 0;
    while (digits < out.size() && out[digits] >= '0' && out[digits] <= '9') ++digits;
    std::size_t at = std::string::npos;  // where a backslash goes
    if (!out.empty() && (out[0] == '#' || out[0] == '-' || out[0] == '+' || out[0] == '=' || out[0] == ' ')) at = 0;
    else if (digits > 0 && digits < out.size() && (out[digits] == '.' || out[digits] == ')')) at = digits;
    if (at == std::string::npos) return out;
    // Built anew rather than with insert(), on which GCC 12 at -O3 warns falsely (-Wrestrict).
    std::string escaped;
    escaped.reserve(out.size() + 1);
    escaped.append(out, 0, at);
    escaped.push_back('\\');
    escaped.append(out, at, std::string::npos);
    return escaped;
}

/// Legend lines for Markdown and text: "[1] 错误 OGI-… /path（label）：message（应为 …）".
std::vector<std::string> legend_lines(const Form& form, const Marks& marks, const Words& w) {
    std::vector<std::string> lines;
    if (!marks.list) return lines;
    lines.push_back(w.summary(marks));
    for (std::size_t i = 0; i < marks.list->size(); ++i) {
        const Diagnostic& d = (*marks.list)[i];
        const std::string nums = w.numbers(d);
        lines.push_back(fmt::format("[{}] {} {} {}{}{}{}", i + 1, w.severity(d.severity), d.rule, w.where(form, d),
                                    marks.placed[i] ? "" : (w.zh ? "（不在表格中）" : " (not a table cell)"),
                                    (w.zh ? "：" : ": ") + d.message(w.zh ? Lang::zh : Lang::en),
                                    nums.empty() ? "" : (w.zh ? "（" + nums + "）" : " (" + nums + ")")));
    }
    return lines;
}

std::string mark_suffix(const Marks& marks, const GridCell& c, bool markdown) {
    std::string out;
    if (const auto* ids = marks.of(c))
        for (std::size_t i : *ids) out += markdown ? fmt::format(" **\\[{}\\]**", i + 1) : fmt::format(" [{}]", i + 1);
    return out;
}

std::string render_markdown(const Report& report, const std::vector<Grid>& grids, const Marks& marks, const Words& w) {
    std::string out = fmt::format("# {}\n\n{}", markdown_escape(official_title(report)), markdown_escape(w.edition(report)));
    out += w.zh ? "。\n\n> 表格按官方格式绘制。合并单元格只写在其左上角的位置，被合并的其他位置留空。\n"
                : ".\n\n> The tables follow the official layout. A merged cell is written once, in its top-left position; the other positions it covers are left empty.\n";
    auto prose = [&](const std::vector<Prose>& sections) {
        for (const Prose& p : sections) {
            if (!*p.text) continue;
            out += fmt::format("\n## {}\n", markdown_escape(p.heading));
            for (const std::string& line : paragraphs(**p.text)) out += fmt::format("\n{}\n", markdown_paragraph(line));
        }
    };
    prose(prose_before(report));
    for (const Grid& g : grids) {
        out += fmt::format("\n## {}\n\n", markdown_escape(g.title));
        std::vector<std::vector<std::string>> text(static_cast<std::size_t>(g.height),
                                                   std::vector<std::string>(static_cast<std::size_t>(g.width)));
        for (const GridCell& c : g.cells)
            text[static_cast<std::size_t>(c.row)][static_cast<std::size_t>(c.col)] =
                markdown_escape(c.text) + mark_suffix(marks, c, true);
        for (std::size_t r = 0; r < text.size(); ++r) {
            out += "|";
            for (const std::string& t : text[r]) out += fmt::format(" {} |", t);
            out += "\n";
            if (r == 0) {
                out += "|";
                for (int k = 0; k < g.width; ++k) out += "---|";
                out += "\n";
            }
        }
    }
    prose(prose_after(report));
    for (const std::string& line : signature(report)) out += fmt::format("\n{}\n", markdown_paragraph(line));
    if (marks.list) {
        out += fmt::format("\n## {}\n\n", w.zh ? "检查结果" : "Findings");
        for (const std::string& line : legend_lines(report.form(), marks, w)) out += fmt::format("- {}\n", markdown_escape(line));
    }
    return out;
}

/// Like a table copied from a page: each row as lines of cells, each behind a tab; a cell
/// merged down from an earlier row leaves one empty line; a blank line between rows.
std::string render_text(const Report& report, const std::vector<Grid>& grids, const Marks& marks, const Words& w) {
    std::string out = one_line(official_title(report)) + "\n";
    auto prose = [&](const std::vector<Prose>& sections) {
        for (const Prose& p : sections) {
            if (!*p.text) continue;
            out += fmt::format("\n{}\n", p.heading);
            for (const std::string& line : paragraphs(**p.text)) out += one_line(line) + "\n";
        }
    };
    prose(prose_before(report));
    for (const Grid& g : grids) {
        out += fmt::format("\n{}\n\n", one_line(g.title));
        const auto cover = g.cover();
        for (int r = 0; r < g.height; ++r) {
            const auto& line = cover[static_cast<std::size_t>(r)];
            for (int k = 0; k < g.width; ++k) {
                const int i = line[static_cast<std::size_t>(k)];
                if (i < 0) continue;
                const GridCell& c = g.cells[static_cast<std::size_t>(i)];
                if (c.col != k) continue;  // covered from the left: part of the same cell
                out += "\t";
                if (c.row == r) out += one_line(c.text) + mark_suffix(marks, c, false);
                out += "\n";
            }
            out += "\n";
        }
    }
    prose(prose_after(report));
    if (const auto sig = signature(report); !sig.empty()) {
        out += "\n";
        for (const std::string& line : sig) out += one_line(line) + "\n";
    }
    if (marks.list) {
        out += "\n";
        for (const std::string& line : legend_lines(report.form(), marks, w)) out += one_line(line) + "\n";
    }
    return out;
}

}  // namespace

std::string_view to_string(RenderFormat f) {
    switch (f) {
    case RenderFormat::html: return "html";
    case RenderFormat::markdown: return "markdown";
    case RenderFormat::text: return "text";
    }
    return "html";
}

std::optional<RenderFormat> parse_render_format(std::string_view s) {
    for (RenderFormat f : {RenderFormat::html, RenderFormat::markdown, RenderFormat::text})
        if (to_string(f) == s) return f;
    return std::nullopt;
}

std::string render(const Report& report, RenderFormat format, const RenderOptions& options) {
    const std::vector<Grid> grids = GridBuilder(report).build();
    const Marks marks(report, grids, options.marks);
    const Words words{options.lang == Lang::zh};
    switch (format) {
    case RenderFormat::html: return render_html(report, grids, marks, words);
    case RenderFormat::markdown: return render_markdown(report, grids, marks, words);
    case RenderFormat::text: return render_text(report, grids, marks, words);
    }
    return {};
}

}  // namespace ogi
