// The fast path of validate_json_text() (fast_read.hpp): report JSON of the usual shape parsed
// by simdjson and read in one pass over the parsed document, with no Boost.JSON value; anything
// else is left to the full path. The handler below is called in document order, as a streaming
// parser would call it, so its checks of key order and duplicates see the text as written.
#include "json/fast_read.hpp"

#include <ogi/base/decimal.hpp>
#include <ogi/form/form.hpp>
#include <ogi/form/regulation.hpp>

#include <simdjson.h>

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace ogi::detail {
namespace {

// ---------------------------------------------------------------- the form, laid out for reading

/// A row of a table with its block and the index of its first cell (the form numbers its cells
/// table by table, block by block, row by row, column by column).
struct RowSlot {
    const Row* row = nullptr;
    const Block* block = nullptr;
    CellIndex first = 0;
};

struct TableSlots {
    const Table* table = nullptr;
    std::vector<RowSlot> rows;
    std::size_t single_rows = 0, split_rows = 0;  // rows of each layout of section 三（六）
};

struct FormSlots {
    std::vector<TableSlots> tables;
};

FormSlots lay_out(const Form& f) {
    FormSlots out;
    CellIndex next = 0;
    for (const Table& t : f.tables()) {
        TableSlots ts;
        ts.table = &t;
        for (const Block& b : t.blocks)
            for (const Row& r : b.rows) {
                ts.rows.push_back({&r, &b, next});
                next += static_cast<CellIndex>(b.columns.size());
                ts.single_rows += r.layout == RowLayout::single_other;
                ts.split_rows += r.layout == RowLayout::split_other;
            }
        out.tables.push_back(std::move(ts));
    }
    return out;
}

const FormSlots& slots(Edition e) {
    static const std::array<FormSlots, 2> all = {lay_out(form(Edition::e2019)), lay_out(form(Edition::e2021))};
    return all[e == Edition::e2019 ? 0 : 1];
}

// ---------------------------------------------------------------- the expected keys

// The members of the root, of agency and of narrative, in the order ogi writes them; a key may
// be left out only where it is optional, and none may come out of order.
constexpr std::string_view root_keys[] = {"edition",      "year",    "agency",    "published_on", "proactive",
                                          "applications", "reviews", "narrative", "source"};
constexpr bool root_required[] = {true, true, true, false, true, true, true, false, false};
enum Root : int { r_edition, r_year, r_agency, r_published_on, r_proactive, r_applications, r_reviews, r_narrative, r_source };

constexpr std::string_view agency_keys[] = {"name", "kind", "region"};
constexpr std::string_view narrative_keys[] = {"overview", "problems", "other_matters"};

/// The index of `key` in keys[next, n), if every key skipped is optional; else -1.
template <std::size_t N>
int find_key(const std::string_view (&keys)[N], const bool* required, std::size_t next, std::string_view key) {
    for (std::size_t i = next; i < N; ++i) {
        if (keys[i] == key) return static_cast<int>(i);
        if (required && required[i]) return -1;
    }
    return -1;
}

constexpr std::int64_t max_count = 9007199254740991;  // 2^53-1, as the schema and the reader

bool all_digits(std::string_view s, std::size_t from, std::size_t n) {
    for (std::size_t i = from; i < from + n; ++i)
        if (s[i] < '0' || s[i] > '9') return false;
    return true;
}

// ---------------------------------------------------------------- the handler

enum class Where : std::uint8_t { start, root, agency, narrative, source, table, row, done };

struct Handler {
    // Limits, counted as the full path's parser counts them.
    std::size_t max_string_bytes = 0, max_items = 0, max_values = 0, values = 0;
    std::array<std::size_t, 4> items{};  // entries of each open object (depth 1 to 3)
    int depth = 0;

    Where where = Where::start;
    std::optional<Report> report;
    const FormSlots* layout = nullptr;
    int key = -1;             // which key of the current object the next value belongs to
    std::size_t next = 0;     // the first key still allowed in the current object
    bool agency_name = false;
    std::size_t root_next = 0;  // root's `next` while inside a member
    const TableSlots* table = nullptr;
    std::size_t row_next = 0, singles = 0, splits = 0;
    const RowSlot* row = nullptr;
    std::vector<std::string> source_keys;  // the duplicate check of `source`, the one free object

    static bool give_up() { return false; }  // the full path reads it and says what is wrong

    bool value_done() {
        if (++values > max_values) return give_up();
        if (depth == 0) return true;
        std::size_t& n = items[static_cast<std::size_t>(depth)];
        if (n == max_items) return give_up();
        ++n;
        return true;
    }

    bool on_object_begin() {
        switch (where) {
        case Where::start: where = Where::root; break;
        case Where::root:
            root_next = next;
            next = 0;
            if (key == r_agency) {
                where = Where::agency;
                agency_name = false;
            } else if (key == r_narrative) {
                where = Where::narrative;
            } else if (key == r_source) {
                where = Where::source;
                source_keys.clear();
            } else if (key == r_proactive || key == r_applications || key == r_reviews) {
                table = nullptr;
                for (const TableSlots& t : layout->tables)
                    if (t.table->key == root_keys[key]) table = &t;
                // Rows of either layout of （六） are read only where the full path reads them.
                if (!table || ((table->single_rows || table->split_rows) && key != r_applications)) return give_up();
                where = Where::table;
                row_next = singles = splits = 0;
            } else {
                return give_up();
            }
            break;
        case Where::table:
            where = Where::row;
            next = 0;
            break;
        default: return give_up();
        }
        if (++depth >= static_cast<int>(items.size())) return give_up();
        items[static_cast<std::size_t>(depth)] = 0;
        key = -1;
        return true;
    }

    bool on_object_end() {
        switch (where) {
        case Where::root:
            for (std::size_t i = next; i < std::size(root_keys); ++i)
                if (root_required[i]) return give_up();
            where = Where::done;
            break;
        case Where::agency:
            if (!agency_name) return give_up();
            where = Where::root;
            break;
        case Where::narrative:
        case Where::source: where = Where::root; break;
        case Where::table: {
            for (std::size_t i = row_next; i < table->rows.size(); ++i)
                if (table->rows[i].row->layout == RowLayout::always) return give_up();
            if (table->single_rows || table->split_rows) {
                // Exactly one layout of section 三（六）, complete.
                const bool single = singles == table->single_rows && splits == 0;
                const bool split = splits == table->split_rows && singles == 0;
                if (single == split) return give_up();
                report->use_single_other(single);
            }
            where = Where::root;
            break;
        }
        case Where::row: {
            const auto& columns = row->block->columns;
            for (std::size_t c = next; c < columns.size(); ++c)
                if (columns[c].kind != CellKind::unit) return give_up();
            where = Where::table;
            next = row_next;
            key = -1;
            --depth;
            return value_done();
        }
        default: return give_up();
        }
        if (where == Where::root) {
            next = root_next;
            key = -1;
        }
        --depth;
        return value_done();
    }

    bool on_key(std::string_view k) { return take_key(k); }

    bool take_key(std::string_view k) {
        switch (where) {
        case Where::root:
            key = find_key(root_keys, root_required, next, k);
            if (key < 0 || (key != r_edition && !report)) return false;
            next = static_cast<std::size_t>(key) + 1;
            return true;
        case Where::agency: {
            static constexpr bool required[] = {true, false, false};
            key = find_key(agency_keys, required, next, k);
            if (key < 0) return false;
            next = static_cast<std::size_t>(key) + 1;
            return true;
        }
        case Where::narrative:
            key = find_key(narrative_keys, nullptr, next, k);
            if (key < 0) return false;
            next = static_cast<std::size_t>(key) + 1;
            return true;
        case Where::source:
            if (source_keys.size() >= 64) return false;
            for (const std::string& seen : source_keys)
                if (seen == k) return false;
            source_keys.emplace_back(k);
            return true;
        case Where::table:
            for (std::size_t i = row_next; i < table->rows.size(); ++i) {
                const Row& r = *table->rows[i].row;
                if (r.key == k) {
                    row = &table->rows[i];
                    row_next = i + 1;
                    singles += r.layout == RowLayout::single_other;
                    splits += r.layout == RowLayout::split_other;
                    return true;
                }
                if (r.layout == RowLayout::always) return false;
            }
            return false;
        case Where::row: {
            const auto& columns = row->block->columns;
            for (std::size_t c = next; c < columns.size(); ++c) {
                if (columns[c].key == k) {
                    key = static_cast<int>(c);
                    next = c + 1;
                    return true;
                }
                if (columns[c].kind != CellKind::unit) return false;
            }
            return false;
        }
        default: return false;
        }
    }

    Cell& cell() { return report->cells()[row->first + static_cast<CellIndex>(key)]; }
    const Column& column() const { return row->block->columns[static_cast<std::size_t>(key)]; }

    bool on_string(std::string_view v) {
        if (v.size() > max_string_bytes) return give_up();
        return take_string(v) && value_done();
    }

    bool take_string(std::string_view v) {
        switch (where) {
        case Where::root:
            if (key == r_edition) {
                const auto e = parse_edition(v);
                if (!e) return false;
                report.emplace(*e);
                layout = &slots(*e);
                return true;
            }
            if (key == r_published_on) {  // the schema's pattern ^[0-9]{4}-[0-9]{2}-[0-9]{2}$
                if (!(v.size() == 10 && all_digits(v, 0, 4) && v[4] == '-' && all_digits(v, 5, 2) && v[7] == '-' &&
                      all_digits(v, 8, 2)))
                    return false;
                report->published_on = std::string(v);
                return true;
            }
            return false;
        case Where::agency:
            if (key == 0) {
                report->agency.name = std::string(v);
                agency_name = true;
            } else if (key == 1) {
                report->agency.kind = parse_agency_kind(v);
                if (!report->agency.kind) return false;
            } else {
                report->agency.region = std::string(v);
            }
            return true;
        case Where::narrative:
            (key == 0 ? report->narrative.overview : key == 1 ? report->narrative.problems : report->narrative.other_matters) =
                std::string(v);
            return true;
        case Where::source: return true;
        case Where::row: {
            const Column& col = column();
            if (col.kind == CellKind::unit) {
                for (std::size_t i = 0; i < col.words.size(); ++i)
                    if (v == col.words[i]) {
                        cell() = Cell{Cell::State::value, static_cast<std::int64_t>(i), {}};
                        return true;
                    }
                return false;
            }
            if (col.kind != CellKind::money) return false;
            // The schema's ^[0-9]+(\.[0-9]+)?$ (at most 19 characters, not 19 digits) and the
            // reader's plain amount (at most 18 digits), read exactly.
            std::size_t i = 0, digits = 0;
            while (i < v.size() && v[i] >= '0' && v[i] <= '9') ++i;
            if (i == 0) return false;
            digits = i;
            if (i < v.size()) {
                if (v[i] != '.') return false;
                const std::size_t fraction = ++i;
                while (i < v.size() && v[i] >= '0' && v[i] <= '9') ++i;
                if (i == fraction || i != v.size()) return false;
                digits += i - fraction;
            }
            if (digits > 18) return false;
            const auto d = Decimal::parse(v);
            if (!d || d->is_negative()) return false;
            cell() = Cell{Cell::State::value, 0, *d};
            return true;
        }
        default: return false;
        }
    }

    bool on_int64(std::int64_t i) {
        bool ok = false;
        if (where == Where::root && key == r_year) {
            ok = i >= 1949 && i <= 9999;
            if (ok) report->year = static_cast<int>(i);
        } else if (where == Where::row) {
            const CellKind kind = column().kind;
            ok = (kind == CellKind::count && i >= 0 && i <= max_count) ||
                 (kind == CellKind::signed_count && i >= -max_count && i <= max_count);
            if (ok) cell() = Cell{Cell::State::value, i, {}};
        } else {
            ok = where == Where::source;
        }
        return (ok && value_done()) || give_up();
    }

    bool on_uint64() {
        return (where == Where::source && value_done()) || give_up();
    }
    bool on_double() {
        return (where == Where::source && value_done()) || give_up();
    }
    bool on_bool() { return (where == Where::source && value_done()) || give_up(); }

    bool on_null() {
        bool ok = where == Where::source;
        if (where == Where::row) {
            cell() = Cell{Cell::State::blank, 0, {}};
            ok = true;
        }
        return (ok && value_done()) || give_up();
    }
};

/// Calls the handler for `e` and what it holds, in document order, as a streaming parser would.
/// `depth` is the nesting of `e`'s container (the root object is 1): the full path's parser
/// refuses nesting deeper than `max_depth`, so this gives up there.
bool walk(simdjson::dom::element e, Handler& h, std::size_t depth, std::size_t max_depth) {
    using simdjson::dom::element_type;
    switch (e.type()) {
    case element_type::OBJECT: {
        if (depth > max_depth || !h.on_object_begin()) return false;
        const simdjson::dom::object object = e.get_object().value_unsafe();  // a copy: the result is a temporary
        for (const simdjson::dom::key_value_pair field : object)
            if (!h.on_key(field.key) || !walk(field.value, h, depth + 1, max_depth)) return false;
        return h.on_object_end();
    }
    case element_type::ARRAY: return false;  // no array in the usual shape
    case element_type::STRING: return h.on_string(e.get_string().value_unsafe());
    case element_type::INT64: return h.on_int64(e.get_int64().value_unsafe());
    case element_type::UINT64: return h.on_uint64();
    case element_type::DOUBLE: return h.on_double();
    case element_type::BOOL: return h.on_bool();
    case element_type::NULL_VALUE: return h.on_null();
    }
    return false;
}

/// The largest document the fast path parses: its parser keeps buffers of this order for the
/// thread's lifetime. Larger reports (none of the usual shape comes near) take the full path.
constexpr std::size_t fast_max_bytes = std::size_t{1} << 20;

}  // namespace

std::optional<Report> read_report_fast(std::string_view text, const JsonLimits& limits) {
    // As parse_json: a UTF-8 byte order mark is skipped.
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    if (text.size() > fast_max_bytes) return std::nullopt;
    // simdjson accepts exactly the JSON that Boost.JSON's strict parser accepts, except that it
    // keeps duplicate keys (the handler refuses them: keys must come in the form's order, and
    // `source` is checked) and refuses integers beyond 64 bits (the full path reads them).
    // tests/fast_read_test.cpp and fuzz_validate check the two paths against each other.
    thread_local simdjson::dom::parser parser(fast_max_bytes);
    simdjson::dom::element root;
    if (parser.parse(text.data(), text.size()).get(root) != simdjson::SUCCESS) return std::nullopt;
    Handler h;
    h.max_string_bytes = limits.max_string_bytes;
    h.max_items = limits.max_items;
    h.max_values = limits.max_values;
    if (!walk(root, h, 1, limits.max_depth) || h.where != Where::done || !h.report) return std::nullopt;
    return std::move(h.report);
}

}  // namespace ogi::detail
