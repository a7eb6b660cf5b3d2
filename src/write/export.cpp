// Reports as CSV rows (export.hpp, docs/export.md).
#include <ogi/write/export.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <string_view>

namespace ogi {

namespace {

constexpr std::string_view eol = "\r\n";

// The leading 'file,agency,year,edition' fields of both forms.
void append_identity(std::string& out, const Report& r, std::string_view file) {
    out += csv_field(file);
    out += ',';
    out += csv_field(r.agency.name);
    out += ',';
    out += std::to_string(r.year);
    out += ',';
    out += to_string(r.edition());
}

bool has(std::span<const Edition> editions, Edition e) {
    return std::find(editions.begin(), editions.end(), e) != editions.end();
}

}  // namespace

std::string csv_field(std::string_view text) {
    const bool quote = text.find_first_of(",\"\r\n") != std::string_view::npos ||
                       (!text.empty() && (text.front() == ' ' || text.back() == ' '));
    if (!quote) return std::string(text);
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

std::string csv_value(const Report& report, CellIndex cell) {
    const Cell& c = report.cells().at(cell);
    if (!c.has_value()) return {};
    const Column& col = report.form().column(report.form().cells()[cell]);
    switch (col.kind) {
    case CellKind::money: return c.money.to_string();
    case CellKind::unit: return col.words.at(static_cast<std::size_t>(c.number));
    case CellKind::count:
    case CellKind::signed_count: break;
    }
    return std::to_string(c.number);
}

std::string csv_long_header() { return fmt::format("file,agency,year,edition,table,row,column,value{}", eol); }

void append_csv_long(std::string& out, const Report& report, std::string_view file) {
    const Form& f = report.form();
    std::string identity;
    append_identity(identity, report, file);
    for (CellIndex i = 0; i < f.cells().size(); ++i) {
        if (report.cells()[i].state == Cell::State::absent) continue;
        const CellDef& d = f.cells()[i];
        out += identity;
        out += ',';
        out += f.tables()[d.table].key;
        out += ',';
        out += f.row(d).key;
        out += ',';
        out += f.column(d).key;
        out += ',';
        out += csv_field(csv_value(report, i));
        out += eol;
    }
}

std::vector<std::string> wide_cell_columns(std::span<const Edition> editions) {
    std::vector<std::string> out;
    const bool with_2019 = has(editions, Edition::e2019);
    if (with_2019)
        for (const CellDef& d : form(Edition::e2019).cells()) out.push_back(d.pointer.substr(1));
    if (has(editions, Edition::e2021))
        for (const CellDef& d : form(Edition::e2021).cells())
            if (!with_2019 || !form(Edition::e2019).find(d.pointer)) out.push_back(d.pointer.substr(1));
    return out;
}

std::string csv_wide_header(std::span<const Edition> editions) {
    std::string out = "file,agency,year,edition,published_on";
    for (const std::string& c : wide_cell_columns(editions)) {
        out += ',';
        out += csv_field(c);
    }
    out += eol;
    return out;
}

void append_csv_wide(std::string& out, const Report& report, std::string_view file, std::span<const Edition> editions) {
    append_identity(out, report, file);
    out += ',';
    if (report.published_on) out += csv_field(*report.published_on);
    const Form& own = report.form();
    for (const std::string& column : wide_cell_columns(editions)) {
        out += ',';
        const auto cell = own.find("/" + column);
        if (cell) out += csv_field(csv_value(report, *cell));
    }
    out += eol;
}

}  // namespace ogi
