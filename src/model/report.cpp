// The report model: cells of the form of its edition, typed access, dates. Its JSON
// conversions (declared in report.hpp, as Boost.JSON expects) are in json/report_json.cpp.
#include <ogi/model/report.hpp>

#include <fmt/format.h>

#include <stdexcept>

namespace ogi {

// ---------------------------------------------------------------- Date

std::optional<Date> Date::parse(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    auto num = [&](std::size_t from, std::size_t n) -> int {
        int v = 0;
        for (std::size_t i = from; i < from + n; ++i) {
            if (s[i] < '0' || s[i] > '9') return -1;
            v = v * 10 + (s[i] - '0');
        }
        return v;
    };
    Date d{num(0, 4), num(5, 2), num(8, 2)};
    if (d.year < 0 || d.month < 0 || d.day < 0) return std::nullopt;
    return d;
}

bool Date::is_real() const {
    if (year < 1 || month < 1 || month > 12 || day < 1) return false;
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day <= days[month - 1] + (month == 2 && leap ? 1 : 0);
}

std::string Date::to_string() const { return fmt::format("{:04}-{:02}-{:02}", year, month, day); }

// ---------------------------------------------------------------- Report

Report::Report(Edition edition) : edition_(edition) {
    const Form& f = form();
    cells_.assign(f.cells().size(), Cell{Cell::State::blank, 0, {}});
    use_single_other(edition == Edition::e2019);
}

Cell* Report::cell(std::string_view pointer) {
    auto i = form().find(pointer);
    return i ? &cells_[*i] : nullptr;
}

const Cell* Report::cell(std::string_view pointer) const {
    auto i = form().find(pointer);
    return i ? &cells_[*i] : nullptr;
}

namespace {
std::optional<std::int64_t> value_of(const Cell* c) {
    if (!c || !c->has_value()) return std::nullopt;
    return c->number;
}
void assign(Cell* c, std::optional<std::int64_t> v) {
    if (!c) throw std::out_of_range("the report's form has no such cell");
    *c = v ? Cell{Cell::State::value, *v, {}} : Cell{Cell::State::blank, 0, {}};
}
}  // namespace

namespace {
std::string cell_pointer(std::string_view table, std::string_view row, std::string_view column) {
    std::string p;
    p.reserve(3 + table.size() + row.size() + column.size());
    p += '/';
    p.append(table);
    p += '/';
    p.append(row);
    p += '/';
    p.append(column);
    return p;
}
}  // namespace

std::optional<std::int64_t> Report::count(ApplicationRow row, Applicant column) const {
    return value_of(cell(cell_pointer("applications", key(row), key(column))));
}
std::optional<std::int64_t> Report::count(ReviewGroup group, ReviewResult result) const {
    return value_of(cell(cell_pointer("reviews", key(group), key(result))));
}
void Report::set(ApplicationRow row, Applicant column, std::optional<std::int64_t> value) {
    assign(cell(fmt::format("/applications/{}/{}", key(row), key(column))), value);
}
void Report::set(ReviewGroup group, ReviewResult result, std::optional<std::int64_t> value) {
    assign(cell(fmt::format("/reviews/{}/{}", key(group), key(result))), value);
}

bool Report::has_single_other() const {
    const Cell* c = cell("/applications/other/total");
    return c && c->state != Cell::State::absent;
}

void Report::use_single_other(bool single) {
    // The form numbers its cells table by table, block by block, row by row, column by column.
    std::size_t i = 0;
    for (const Table& t : form().tables())
        for (const Block& b : t.blocks)
            for (const Row& row : b.rows) {
                const std::size_t n = b.columns.size();
                if (row.layout != RowLayout::always) {
                    const bool present = (row.layout == RowLayout::single_other) == single;
                    for (std::size_t c = i; c < i + n; ++c) {
                        if (!present) cells_[c] = Cell{};
                        else if (cells_[c].state == Cell::State::absent) cells_[c] = Cell{Cell::State::blank, 0, {}};
                    }
                }
                i += n;
            }
}

}  // namespace ogi
