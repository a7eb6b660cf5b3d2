// The fast path of validate_json_text() (fast_read.hpp): report JSON of the usual shape read
// in one pass over the text, with no JSON value; anything else is left to the full path.
#include "fast_read.hpp"

#include <ogi/decimal.hpp>
#include <ogi/form.hpp>
#include <ogi/regulation.hpp>

#include <boost/json/basic_parser_impl.hpp>

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace json = boost::json;

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
    static constexpr std::size_t max_object_size = json::object::max_size();
    static constexpr std::size_t max_array_size = json::array::max_size();
    static constexpr std::size_t max_key_size = json::string::max_size();
    static constexpr std::size_t max_string_size = json::string::max_size();

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
    std::string key_text, text;            // a key or string given in parts

    bool give_up(json::error_code& ec) {
        ec = json::error::extra_data;  // any code: the full path says what is wrong
        return false;
    }

    bool value_done(json::error_code& ec) {
        if (++values > max_values) return give_up(ec);
        if (depth == 0) return true;
        std::size_t& n = items[static_cast<std::size_t>(depth)];
        if (n == max_items) return give_up(ec);
        ++n;
        return true;
    }

    bool on_document_begin(json::error_code&) { return true; }
    bool on_document_end(json::error_code&) { return true; }
    bool on_array_begin(json::error_code& ec) { return give_up(ec); }
    bool on_array_end(std::size_t, json::error_code& ec) { return give_up(ec); }
    bool on_comment_part(json::string_view, json::error_code& ec) { return give_up(ec); }
    bool on_comment(json::string_view, json::error_code& ec) { return give_up(ec); }
    bool on_number_part(json::string_view, json::error_code&) { return true; }

    bool on_object_begin(json::error_code& ec) {
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
                if (!table || ((table->single_rows || table->split_rows) && key != r_applications)) return give_up(ec);
                where = Where::table;
                row_next = singles = splits = 0;
            } else {
                return give_up(ec);
            }
            break;
        case Where::table:
            where = Where::row;
            next = 0;
            break;
        default: return give_up(ec);
        }
        if (++depth >= static_cast<int>(items.size())) return give_up(ec);
        items[static_cast<std::size_t>(depth)] = 0;
        key = -1;
        return true;
    }

    bool on_object_end(std::size_t, json::error_code& ec) {
        switch (where) {
        case Where::root:
            for (std::size_t i = next; i < std::size(root_keys); ++i)
                if (root_required[i]) return give_up(ec);
            where = Where::done;
            break;
        case Where::agency:
            if (!agency_name) return give_up(ec);
            where = Where::root;
            break;
        case Where::narrative:
        case Where::source: where = Where::root; break;
        case Where::table: {
            for (std::size_t i = row_next; i < table->rows.size(); ++i)
                if (table->rows[i].row->layout == RowLayout::always) return give_up(ec);
            if (table->single_rows || table->split_rows) {
                // Exactly one layout of section 三（六）, complete.
                const bool single = singles == table->single_rows && splits == 0;
                const bool split = splits == table->split_rows && singles == 0;
                if (single == split) return give_up(ec);
                report->use_single_other(single);
            }
            where = Where::root;
            break;
        }
        case Where::row: {
            const auto& columns = row->block->columns;
            for (std::size_t c = next; c < columns.size(); ++c)
                if (columns[c].kind != CellKind::unit) return give_up(ec);
            where = Where::table;
            next = row_next;
            key = -1;
            --depth;
            return value_done(ec);
        }
        default: return give_up(ec);
        }
        if (where == Where::root) {
            next = root_next;
            key = -1;
        }
        --depth;
        return value_done(ec);
    }

    bool on_key_part(json::string_view s, std::size_t, json::error_code&) {
        key_text.append(s.data(), s.size());
        return true;
    }

    bool on_key(json::string_view s, std::size_t, json::error_code& ec) {
        std::string_view k(s.data(), s.size());
        if (!key_text.empty()) {
            key_text.append(s.data(), s.size());
            k = key_text;
        }
        const bool ok = take_key(k);
        key_text.clear();
        return ok || give_up(ec);
    }

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

    bool on_string_part(json::string_view s, std::size_t n, json::error_code& ec) {
        if (n > max_string_bytes) return give_up(ec);
        text.append(s.data(), s.size());
        return true;
    }

    bool on_string(json::string_view s, std::size_t n, json::error_code& ec) {
        if (n > max_string_bytes) return give_up(ec);
        std::string_view v(s.data(), s.size());
        if (!text.empty()) {
            text.append(s.data(), s.size());
            v = text;
        }
        const bool ok = take_string(v);
        text.clear();
        return (ok && value_done(ec)) || give_up(ec);
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

    bool on_int64(std::int64_t i, json::string_view, json::error_code& ec) {
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
        return (ok && value_done(ec)) || give_up(ec);
    }

    bool on_uint64(std::uint64_t, json::string_view, json::error_code& ec) {
        return (where == Where::source && value_done(ec)) || give_up(ec);
    }
    bool on_double(double, json::string_view, json::error_code& ec) {
        return (where == Where::source && value_done(ec)) || give_up(ec);
    }
    bool on_bool(bool, json::error_code& ec) { return (where == Where::source && value_done(ec)) || give_up(ec); }

    bool on_null(json::error_code& ec) {
        bool ok = where == Where::source;
        if (where == Where::row) {
            cell() = Cell{Cell::State::blank, 0, {}};
            ok = true;
        }
        return (ok && value_done(ec)) || give_up(ec);
    }
};

}  // namespace

std::optional<Report> read_report_fast(std::string_view text, const JsonLimits& limits) {
    json::parse_options opt;
    opt.max_depth = limits.max_depth;
    opt.allow_invalid_utf8 = false;
    json::basic_parser<Handler> p(opt);
    Handler& h = p.handler();
    h.max_string_bytes = limits.max_string_bytes;
    h.max_items = limits.max_items;
    h.max_values = limits.max_values;
    // As parse_json: a UTF-8 byte order mark is skipped.
    const std::size_t start = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    json::error_code ec;
    const std::size_t used = p.write_some(false, text.data() + start, text.size() - start, ec);
    if (ec || used + start != text.size() || h.where != Where::done || !h.report) return std::nullopt;
    return std::move(h.report);
}

}  // namespace ogi::detail
