// Test helpers: a report written out in the layouts seen in the wild (copied tables, pipes,
// cell per line, pdftotext -layout, HTML), for the extraction tests and the property tests.
#pragma once

#include <ogi/ogi.hpp>

#include <fmt/format.h>

#include <string>
#include <vector>

namespace test {


inline std::string value_text(const ogi::Report& r, std::size_t i) {
    const auto& c = r.cells()[i];
    const auto& col = r.form().column(r.form().cells()[i]);
    if (c.state != ogi::Cell::State::value) return "";  // blank: each writer shows it its own way
    if (col.kind == ogi::CellKind::money) {
        std::string s = c.money.to_string();
        // the unit of a 采购总金额 is printed in the cell, as reports do
        for (const auto& other : r.form().tables()[r.form().cells()[i].table].blocks[r.form().cells()[i].block].columns)
            if (other.kind == ogi::CellKind::unit) {
                const auto* u = r.cell(fmt::format("/proactive/{}/{}", r.form().row(r.form().cells()[i]).key, other.key));
                s += u->number == 0 ? "元" : "万元";
            }
        return s;
    }
    return std::to_string(c.number);
}

/// One table row as cells: label cells, then values.
struct Line {
    std::vector<std::string> labels;
    std::vector<std::string> values;
};

/// The report as rows of cells, in the official order (headings, header rows, data rows).
inline std::vector<Line> table_lines(const ogi::Report& r) {
    std::vector<Line> out;
    const ogi::Form& f = r.form();
    out.push_back({{fmt::format("{}{}年政府信息公开工作年度报告", r.agency.name, r.year)}, {}});
    for (const auto& t : f.tables()) {
        out.push_back({{t.title}, {}});
        for (std::size_t b = 0; b < t.blocks.size(); ++b) {
            const auto& block = t.blocks[b];
            if (t.key == "proactive") {
                out.push_back({{block.heading}, {}});
                Line h{{block.header}, {}};
                for (const auto& c : block.columns)
                    if (c.kind != ogi::CellKind::unit) h.labels.push_back(c.label);
                out.push_back(h);
            } else if (t.key == "applications") {
                out.push_back({{block.header, block.heading}, {}});
                out.push_back({{"自然人", "法人或其他组织", "总计"}, {}});
                out.push_back({{"商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"}, {}});
            } else {
                out.push_back({{"行政复议", "行政诉讼"}, {}});
                out.push_back({{"结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉"}, {}});
                out.push_back({{"结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "结果维持", "结果纠正", "其他结果",
                                "尚未审结", "总计"}, {}});
                Line values;
                for (std::size_t i = 0; i < f.cells().size(); ++i)
                    if (f.tables()[f.cells()[i].table].key == "reviews") values.values.push_back(value_text(r, i));
                out.push_back(values);
                continue;
            }
            std::string last_group;
            for (std::size_t row = 0; row < block.rows.size(); ++row) {
                const auto& rw = block.rows[row];
                const std::string first = fmt::format("/{}/{}/{}", t.key, rw.key, block.columns.front().key);
                if (r.cell(first)->state == ogi::Cell::State::absent) continue;
                Line l;
                if (!rw.group.empty() && rw.group != last_group) l.labels.push_back(rw.group);
                last_group = rw.group;
                l.labels.push_back(rw.label);
                for (const auto& c : block.columns)
                    if (c.kind != ogi::CellKind::unit)
                        l.values.push_back(value_text(r, *f.find(fmt::format("/{}/{}/{}", t.key, rw.key, c.key))));
                out.push_back(l);
            }
        }
    }
    return out;
}

using Writer = std::string (*)(const std::vector<Line>&);

inline std::string seed_layout(const std::vector<Line>& lines) {  // a cell per line behind a tab
    std::string s;
    for (const auto& l : lines) {
        for (const auto& c : l.labels) s += "\t" + c + "\n";
        for (const auto& v : l.values) s += "\t" + v + "\n";
        s += "\n";
    }
    return s;
}
inline std::string pipe_rows(const std::vector<Line>& lines) {  // label | v | v |, group rows padded
    std::string s;
    for (const auto& l : lines) {
        for (const auto& c : l.labels) s += c + " | ";
        for (const auto& v : l.values) s += v + " | ";
        if (l.values.empty()) s += "|||";
        s += "\n";
    }
    return s;
}
inline std::string cell_lines_with_pipe(const std::vector<Line>& lines) {  // one cell per line ending " |"
    std::string s;
    for (const auto& l : lines) {
        for (const auto& c : l.labels) s += c + " |\n";
        for (const auto& v : l.values) s += (v.empty() ? "/" : v) + " |\n";
        if (l.values.empty()) s += "|||\n";
    }
    return s;
}
inline std::string pipe_lines_between(const std::vector<Line>& lines) {  // each cell, then a lone "|"
    std::string s;
    for (const auto& l : lines) {
        for (const auto& c : l.labels) s += c + "\n|\n";
        for (const auto& v : l.values) s += (v.empty() ? "-" : v) + "\n|\n";
    }
    return s;
}
inline std::string blank_line_cells(const std::vector<Line>& lines) {  // cells separated by blank lines
    std::string s;
    for (const auto& l : lines) {
        for (const auto& c : l.labels) s += c + "\n\n";
        for (const auto& v : l.values) s += " " + (v.empty() ? "无" : v) + "\n\n";
    }
    return s;
}
inline std::string pdf_layout(const std::vector<Line>& lines) {  // columns aligned by spaces, page numbers
    std::string s;
    int page = 1;
    for (std::size_t k = 0; k < lines.size(); ++k) {
        const auto& l = lines[k];
        std::string row = "   ";
        for (const auto& c : l.labels) row += c + "      ";
        for (const auto& v : l.values) row += fmt::format("{:>8}   ", v.empty() ? "—" : v);
        s += row + "\n\n";
        if (k % 12 == 11) s += fmt::format("                        -{}-\n", page++);
    }
    return s;
}
inline std::string html_table(const std::vector<Line>& lines) {
    std::string s = "<html><body>";
    bool open = false;
    for (const auto& l : lines) {
        if (l.values.empty() && l.labels.size() == 1 && l.labels[0].find("、") != std::string::npos) {
            if (open) s += "</table>";
            open = false;
            s += "<p>" + l.labels[0] + "</p>";
            continue;
        }
        if (!open) s += "<table>";
        open = true;
        s += "<tr>";
        for (const auto& c : l.labels) s += "<td>" + c + "</td>";
        for (const auto& v : l.values) s += "<td>" + (v.empty() ? std::string("&nbsp;") : v) + "</td>";
        s += "</tr>\n";
    }
    if (open) s += "</table>";
    return s + "</body></html>";
}


/// Every writer above, by name.
inline const std::vector<std::pair<const char*, Writer>>& writers() {
    static const std::vector<std::pair<const char*, Writer>> all = {
        {"seed (tab per cell)", seed_layout},        {"pipe rows", pipe_rows},
        {"cell per line with |", cell_lines_with_pipe}, {"| lines between cells", pipe_lines_between},
        {"blank-line separated", blank_line_cells},  {"pdftotext -layout", pdf_layout},
        {"HTML table", html_table},
    };
    return all;
}

}  // namespace test
