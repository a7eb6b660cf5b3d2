// The one reader of report JSON (report_reader.hpp): the handler, which knows the report's JSON
// shape and what each value means, and its two front ends, the full path over a Boost.JSON value
// and the fast path over simdjson's document.
//
// The handler asks its front end for the members of each object and reads them in the form's
// order, not in the document's: both front ends hold the whole parsed document, the full path
// explains problems in the form's order (the edition before anything else, since it decides the
// form; the layout of section 三（六） before any row of the table), and a key out of the form's
// order is no problem. Each front end is a small class: a Value (a handle on one JSON value, false
// when a member is absent), and kind(), integer(), unsigned_integer(), number(), number_text(),
// string(), members() and source() on it; `refused` is set when the front end meets something
// its parser gives otherwise than the full path's parser would.
#include "json/report_reader.hpp"

#include <ogi/base/decimal.hpp>
#include <ogi/form/form.hpp>
#include <ogi/form/regulation.hpp>

#include <boost/json.hpp>
#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <span>
#include <type_traits>

namespace json = boost::json;

namespace ogi::detail {
namespace {

std::string join(std::string_view a, std::string_view b) {
    std::string p;
    p.reserve(a.size() + 1 + b.size());
    p.append(a);
    p += '/';
    p.append(b);
    return p;
}

/// Where a problem is: a JSON Pointer, or the member `key` of the object at `parent`.
struct Place {
    Place(const char* pointer) : parent(pointer) {}
    Place(const std::string& pointer) : parent(pointer) {}
    Place(std::string_view pointer) : parent(pointer) {}
    Place(std::string_view parent, std::string_view key) : parent(parent), key(key), member(true) {}
    std::string pointer() const { return member ? join(parent, key) : std::string(parent); }

    std::string_view parent, key;
    bool member = false;
};

std::string_view kind_name(json::kind k) {
    switch (k) {
    case json::kind::null: return "null";
    case json::kind::bool_: return "boolean";
    case json::kind::int64:
    case json::kind::uint64: return "integer";
    case json::kind::double_: return "number";
    case json::kind::string: return "string";
    case json::kind::array: return "array";
    case json::kind::object: return "object";
    }
    return "value";
}

std::string_view kind_name_zh(json::kind k) {
    switch (k) {
    case json::kind::null: return "null";
    case json::kind::bool_: return "布尔值";
    case json::kind::int64:
    case json::kind::uint64: return "整数";
    case json::kind::double_: return "数字";
    case json::kind::string: return "字符串";
    case json::kind::array: return "数组";
    case json::kind::object: return "对象";
    }
    return "值";
}

/// The words of a unit, said as a list ("yuan, wan_yuan"; "yuan、wan_yuan").
struct Words {
    const std::vector<std::string>& words;
};

/// How problem() says an argument: a json::kind by its name, words as a list, the rest as it is.
template <class A>
using Said = std::conditional_t<std::is_same_v<A, json::kind>, std::string_view,
                                std::conditional_t<std::is_same_v<A, Words>, std::string, const A&>>;
template <class A>
Said<A> say(const A& a, bool zh) {
    if constexpr (std::is_same_v<A, json::kind>) return zh ? kind_name_zh(a) : kind_name(a);
    else if constexpr (std::is_same_v<A, Words>) return fmt::format("{}", fmt::join(a.words, zh ? "、" : ", "));
    else return a;
}

/// Counts are limited to 2^53-1 so that every JSON implementation reads them exactly.
constexpr std::int64_t max_count = 9007199254740991;

// ---------------------------------------------------------------- the form, laid out for reading

constexpr std::array<std::string_view, 9> root_keys = {"edition",      "year",    "agency",    "published_on", "proactive",
                                                       "applications", "reviews", "narrative", "source"};
enum RootKey : std::size_t {
    r_edition, r_year, r_agency, r_published_on, r_proactive, r_applications, r_reviews, r_narrative, r_source
};
constexpr std::array<std::string_view, 3> agency_keys = {"name", "kind", "region"};
constexpr std::array<std::string_view, 3> narrative_keys = {"overview", "problems", "other_matters"};

/// A row of a table with its block and the index of its first cell (the form numbers its cells
/// table by table, block by block, row by row, column by column).
struct RowPlace {
    const Row* row;
    const Block* block;
    CellIndex first;
};

struct TablePlace {
    const Table* table;
    std::string pointer;  // "/applications"
    std::size_t root_slot;
    std::vector<RowPlace> rows;
    bool both_layouts;  // has the rows of both layouts of section 三（六）
};

struct Layout {
    const Form* form;
    std::vector<TablePlace> tables;
    std::size_t most_rows = 0, most_columns = 0;  // in a table, in a block
};

Layout lay_out(const Form& f) {
    Layout out{&f, {}};
    CellIndex next = 0;
    for (const Table& t : f.tables()) {
        TablePlace tp{&t, "/" + t.key, root_keys.size(), {}, false};
        for (std::size_t i = 0; i < root_keys.size(); ++i)
            if (root_keys[i] == t.key) tp.root_slot = i;
        bool single = false, split = false;
        for (const Block& b : t.blocks)
            for (const Row& r : b.rows) {
                tp.rows.push_back({&r, &b, next});
                out.most_columns = std::max(out.most_columns, b.columns.size());
                next += static_cast<CellIndex>(b.columns.size());
                single = single || r.layout == RowLayout::single_other;
                split = split || r.layout == RowLayout::split_other;
            }
        tp.both_layouts = single && split;
        out.most_rows = std::max(out.most_rows, tp.rows.size());
        out.tables.push_back(std::move(tp));
    }
    return out;
}

const Layout& layout(Edition e) {
    static const auto all = [] {
        std::array<Layout, std::size(all_editions)> a;
        for (std::size_t i = 0; i < a.size(); ++i) a[i] = lay_out(form(all_editions[i]));
        return a;
    }();
    std::size_t i = 0;
    while (all_editions[i] != e) ++i;
    return all[i];
}

// ---------------------------------------------------------------- the handler

/// What the handler does with a problem.
enum class Mode {
    explain,  ///< the full path: each problem becomes a ReadProblem, and reading goes on
    give_up,  ///< the fast path: the first problem ends the reading (the full path will explain it)
};

template <class Front>
class Reader {
public:
    using Value = typename Front::Value;

    Reader(Front& front, Mode mode, ReadOutcome& out) : front_(front), mode_(mode), out_(out) {}

    /// Whether the reading ended early (give_up mode only): nothing read is to be used.
    bool stopped() const { return stopped_ || front_.refused; }

    void read(Value root) {
        if (front_.kind(root) != json::kind::object) {
            problem("", "a report is a JSON object, found {}", "报告应为JSON对象，实际为{}", front_.kind(root));
            return;
        }
        std::array<Value, root_keys.size()> slot{};
        if (match(root, root_keys, slot.data())) unknown_keys(root, "", root_keys);

        const Value ev = slot[r_edition];
        std::optional<Edition> edition;
        if (auto text = string(ev, "", "edition", true)) {
            edition = parse_edition(*text);
            if (!edition)
                problem("/edition", "unknown edition \"{}\" (expected \"2019\" or \"2021\")", "未知的版本“{}”（应为“2019”或“2021”）",
                        *text);
        } else if (auto n = ev ? integer(ev, front_.kind(ev)) : std::nullopt) {
            // The edition must be a string; still read the rest as that edition to say more.
            edition = parse_edition(std::to_string(*n));
        }
        if (!edition || stopped()) return;

        Report& r = out_.report.emplace(*edition);
        if (const Value y = slot[r_year]) {
            if (auto n = integer(y, front_.kind(y)); n && *n >= 1949 && *n <= 9999) {
                r.year = static_cast<int>(*n);
                out_.year_read = true;
            } else {
                problem("/year", "expected the report year as an integer from 1949 to 9999", "年度应为1949至9999之间的整数");
            }
        } else {
            problem("", "missing required key \"year\"", "缺少必需的键“year”");
        }
        if (const Value a = object(slot[r_agency], "", "agency", true)) {
            std::array<Value, agency_keys.size()> as{};
            if (match(a, agency_keys, as.data())) unknown_keys(a, "/agency", agency_keys);
            if (auto name = string(as[0], "/agency", "name", true)) r.agency.name = std::move(*name);
            if (auto kind = string(as[1], "/agency", "kind", false)) {
                r.agency.kind = parse_agency_kind(*kind);
                if (!r.agency.kind)
                    problem("/agency/kind", "unknown agency kind \"{}\" (expected government, department, township or other)",
                            "未知的机关类型“{}”（应为government、department、township或other）", *kind);
            }
            r.agency.region = string(as[2], "/agency", "region", false);
        }
        if (auto date = string(slot[r_published_on], "", "published_on", false)) {
            if (!Date::parse(*date))
                problem("/published_on", "\"{}\" is not a date of the form YYYY-MM-DD", "“{}”不是YYYY-MM-DD格式的日期", *date);
            r.published_on = std::move(*date);
        }
        layout_ = &layout(*edition);
        rows_.resize(layout_->most_rows);
        cells_.resize(layout_->most_columns);
        for (const TablePlace& t : layout_->tables) {
            if (stopped()) return;
            read_table(t, t.root_slot < slot.size() ? slot[t.root_slot] : Value{}, r);
        }
        if (const Value n = object(slot[r_narrative], "", "narrative", false)) {
            std::array<Value, narrative_keys.size()> ns{};
            if (match(n, narrative_keys, ns.data())) unknown_keys(n, "/narrative", narrative_keys);
            r.narrative.overview = string(ns[0], "/narrative", "overview", false);
            r.narrative.problems = string(ns[1], "/narrative", "problems", false);
            r.narrative.other_matters = string(ns[2], "/narrative", "other_matters", false);
        }
        if (const Value s = object(slot[r_source], "", "source", false)) front_.source(s, r);
    }

private:
    Front& front_;
    const Mode mode_;
    ReadOutcome& out_;
    bool stopped_ = false;
    const Layout* layout_ = nullptr;  // the form of the edition, laid out for reading
    std::vector<Value> rows_, cells_;  // a table's members and a row's, by their place in the form

    /// A problem at `at`, said in English and Chinese with `args` (a json::kind is said by its
    /// name). Problems are rare: `cold` keeps their code, and the paths to it, out of the way of
    /// the usual case, and the messages are made here, where give_up mode need not make them.
    template <class... A>
    [[gnu::cold]] void problem(Place at, fmt::format_string<Said<A>...> en, fmt::format_string<Said<A>...> zh,
                               const A&... args) {
        if (mode_ == Mode::give_up) {
            stopped_ = true;
            return;
        }
        out_.problems.push_back({at.pointer(), fmt::format(en, say(args, false)...), fmt::format(zh, say(args, true)...)});
    }

    [[gnu::cold]] void inexact(const std::string& pointer) {
        if (mode_ == Mode::give_up) stopped_ = true;
        else out_.inexact.push_back(pointer);
    }

    void unreadable(CellIndex i) {
        if (mode_ == Mode::explain) out_.unreadable.push_back(i);
    }

    static std::string_view key_of(std::string_view k) { return k; }
    static std::string_view key_of(const RowPlace& p) { return p.row->key; }
    static std::string_view key_of(const Column& c) { return c.key; }

    template <class Keys>
    static std::size_t find(const Keys& keys, std::string_view k) {
        for (std::size_t i = 0; i < std::size(keys); ++i)
            if (key_of(keys[i]) == k) return i;
        return std::string_view::npos;
    }

    /// Puts each member of `object` (false: an absent object, with no members) whose key is
    /// one of `keys` into its slot, slots[i] for keys[i], false where there is none; returns how
    /// many members are none of them. Documents list their keys in the form's order, so the
    /// key after the last one found is tried first.
    template <class Keys>
    std::size_t match(const Value& object, const Keys& keys, Value* slots) {
        const std::size_t n = std::size(keys);
        std::fill_n(slots, n, Value{});
        if (!object) return 0;
        std::size_t next = 0, unknown = 0;
        front_.members(object, [&](std::string_view k, const Value& v) {
            const std::size_t i = next < n && key_of(keys[next]) == k ? next : find(keys, k);
            if (i == std::string_view::npos) {
                ++unknown;
                return;
            }
            // One key twice: only simdjson's document has that; the full path's parser refuses
            // the text (OGI-S-JSON), so the fast path gives up.
            if (slots[i]) stopped_ = true;
            slots[i] = v;
            next = i + 1;
        });
        return unknown;
    }

    /// Says, in member order, which members of `object` (at `pointer`) are none of `keys`.
    template <class Keys>
    [[gnu::cold]] void unknown_keys(const Value& object, std::string_view pointer, const Keys& keys) {
        front_.members(object, [&](std::string_view k, const Value&) {
            if (find(keys, k) == std::string_view::npos)
                problem({pointer, k}, "unknown key \"{}\"", "未知的键“{}”", k);
        });
    }

    /// The member `key` of the object at `parent` (`v`, false when absent), if it is of kind
    /// `want`: a missing required key is said at the parent, a value of another kind at itself.
    bool expect(const Value& v, std::string_view parent, std::string_view key, bool required, json::kind want) {
        if (v && front_.kind(v) == want) return true;
        if (!v && required) problem(parent, "missing required key \"{}\"", "缺少必需的键“{}”", key);
        else if (v && want == json::kind::object)
            problem({parent, key}, "expected an object, found {}", "应为对象，实际为{}", front_.kind(v));
        else if (v)
            problem({parent, key}, "expected a string, found {}", "应为字符串，实际为{}", front_.kind(v));
        return false;
    }

    Value object(const Value& v, std::string_view parent, std::string_view key, bool required) {
        return expect(v, parent, key, required, json::kind::object) ? v : Value{};
    }

    // Out of line: a dozen strings a report, each read once.
    [[gnu::noinline]] std::optional<std::string> string(const Value& v, std::string_view parent, std::string_view key,
                                                        bool required) {
        if (!expect(v, parent, key, required, json::kind::string)) return std::nullopt;
        return std::string(front_.string(v));
    }

    /// A JSON number (`v`, of kind `k`) as an exact integer, if it is one (1.0 counts: JSON
    /// Schema says so too).
    [[gnu::always_inline]] std::optional<std::int64_t> integer(const Value& v, json::kind k) {
        if (k == json::kind::int64) {  // most values: tested first, not through a table
            const std::int64_t n = front_.integer(v);
            if (n <= max_count && n >= -max_count) return n;
            return std::nullopt;
        }
        switch (k) {
        case json::kind::uint64:
            if (const std::uint64_t n = front_.unsigned_integer(v); n <= static_cast<std::uint64_t>(max_count))
                return static_cast<std::int64_t>(n);
            break;
        case json::kind::double_:
            if (const double d = front_.number(v); std::isfinite(d) && std::trunc(d) == d && std::fabs(d) <= max_count)
                return static_cast<std::int64_t>(d);
            break;
        default: break;
        }
        return std::nullopt;
    }

    /// Reads one cell; false when the value cannot be used.
    [[gnu::always_inline]] bool read_cell(const Column& col, const Value& v, const std::string& pointer, Cell& c) {
        const json::kind k = front_.kind(v);
        if (k == json::kind::null) {
            c = Cell{Cell::State::blank, 0, {}};
            return true;
        }
        if (col.kind == CellKind::money) return read_money(v, k, pointer, c);
        if (col.kind == CellKind::unit) return read_unit(col, v, k, pointer, c);
        auto n = integer(v, k);
        if (!n) {
            if (k == json::kind::int64 || k == json::kind::uint64 || k == json::kind::double_)
                problem(pointer, "a count must be a whole number from 0 to 2^53-1", "数量应为0至2^53-1之间的整数");
            else
                problem(pointer, "expected an integer or null, found {}", "应为整数或null，实际为{}", k);
            return false;
        }
        if (*n < 0 && col.kind == CellKind::count) {
            problem(pointer, "a count cannot be negative ({})", "数量不能为负数（{}）", *n);
            return false;
        }
        c = Cell{Cell::State::value, *n, {}};
        return true;
    }

    // Amounts and units are one or two cells of a report; out of line, they leave the loop over
    // the counts small.
    [[gnu::noinline]] bool read_money(const Value& v, json::kind k, const std::string& pointer, Cell& c) {
        std::optional<Decimal> d;
        if (k == json::kind::string) {
            // The schema's ^[0-9]+(\.[0-9]+)?$ of at most 18 digits.
            const std::string_view s = front_.string(v);
            bool plain = !s.empty() && s.front() != '.' && s.back() != '.';
            std::size_t digits = 0, points = 0;
            for (char ch : s) {
                plain = plain && ((ch >= '0' && ch <= '9') || ch == '.');
                digits += ch >= '0' && ch <= '9';
                points += ch == '.';
            }
            plain = plain && digits <= 18 && points <= 1;
            if (plain) d = Decimal::parse(s);
            if (!d) {
                problem(pointer, "\"{}\" is not a plain decimal amount (digits with an optional decimal point, at most 18 digits)",
                        "“{}”不是金额（应为数字，可带小数点，至多18位）", s);
                return false;
            }
        } else if (k == json::kind::int64) {
            d = Decimal::parse(std::to_string(front_.integer(v)));
        } else if (k == json::kind::uint64) {
            d = Decimal::parse(std::to_string(front_.unsigned_integer(v)));
        } else if (k == json::kind::double_) {
            d = Decimal::parse(front_.number_text(v, pointer));
        } else {
            problem(pointer, "expected an amount (number or string) or null, found {}", "应为金额（数字或字符串）或null，实际为{}", k);
            return false;
        }
        if (!d) {
            // Valid JSON and valid by the schema, but past what ogi holds exactly: say so
            // (OGI-S-EXACT) rather than round it.
            inexact(pointer);
            return false;
        }
        if (d->is_negative()) {
            problem(pointer, "an amount cannot be negative ({})", "金额不能为负数（{}）", d->to_string());
            return false;
        }
        c = Cell{Cell::State::value, 0, *d};
        return true;
    }

    [[gnu::noinline]] bool read_unit(const Column& col, const Value& v, json::kind k, const std::string& pointer, Cell& c) {
        const std::string_view s = k == json::kind::string ? front_.string(v) : std::string_view();
        for (std::size_t i = 0; i < col.words.size() && k == json::kind::string; ++i)
            if (s == col.words[i]) {
                c = Cell{Cell::State::value, static_cast<std::int64_t>(i), {}};
                return true;
            }
        problem(pointer, "expected one of {} or null", "应为{}之一或null", Words{col.words});
        return false;
    }

    void read_table(const TablePlace& t, Value tv, Report& r) {
        const std::string& tp = t.pointer;
        const Value to = object(tv, "", t.table->key, true);
        const std::span<const RowPlace> rows(t.rows);
        const std::size_t unknown = match(to, rows, rows_.data());
        // Which layout of section 三（六） does the document use? With no complete layout, that
        // one problem is said once, not per row.
        bool single = r.edition() == Edition::e2019, layout_unclear = false;
        if (to && t.both_layouts) {
            bool has_single = false, has_split = false;
            for (std::size_t i = 0; i < rows.size(); ++i) {
                has_single = has_single || (rows_[i] && rows[i].row->layout == RowLayout::single_other);
                has_split = has_split || (rows_[i] && rows[i].row->layout == RowLayout::split_other);
            }
            if (has_single != has_split) single = has_single;
            else if (has_single)
                problem(tp, "section 三（六） has both the single \"other\" row and the \"other_*\" rows",
                        "第三部分（六）其他处理同时有单行“other”和三行“other_*”");
            else
                problem(tp, "section 三（六） has neither the \"other\" row nor the three \"other_*\" rows",
                        "第三部分（六）其他处理既无单行“other”也无三行“other_*”");
            r.use_single_other(single);
            layout_unclear = has_single == has_split;
        }
        for (std::size_t ri = 0; ri < rows.size() && !stopped(); ++ri) {
            const Row& row = *rows[ri].row;
            const std::span<const Column> columns(rows[ri].block->columns);
            const CellIndex first = rows[ri].first;
            const bool present = row.layout == RowLayout::always || (row.layout == RowLayout::single_other) == single;
            if (layout_unclear && row.layout != RowLayout::always) {
                if (present)
                    for (std::size_t ci = 0; ci < columns.size(); ++ci) unreadable(first + static_cast<CellIndex>(ci));
                continue;
            }
            const Value ro = to ? object(rows_[ri], tp, row.key, present) : Value{};
            if (!present) {
                if (ro)
                    problem({tp, row.key}, "row \"{}\" does not belong with the rows present", "行“{}”与其他行的版式不一致", row.key);
                continue;
            }
            read_row(rows[ri], tp, ro, r);
        }
        if (unknown) unknown_keys(to, tp, rows);
    }

    /// The cells of a row that belongs with the layout (`ro`, false when the row or its table
    /// could not be read).
    void read_row(const RowPlace& place, const std::string& tp, const Value& ro, Report& r) {
        const std::span<const Column> columns(place.block->columns);
        const std::size_t unknown = match(ro, columns, cells_.data());
        for (std::size_t ci = 0; ci < columns.size(); ++ci) {
            if (cells_[ci]) {
                read_column(place, ci, cells_[ci], r);
                continue;
            }
            const Column& col = columns[ci];
            const CellIndex idx = place.first + static_cast<CellIndex>(ci);
            r.cells()[idx] = Cell{Cell::State::blank, 0, {}};
            if (col.kind == CellKind::unit) continue;  // a unit may be left out
            if (ro) problem({tp, place.row->key}, "missing required key \"{}\"", "缺少必需的键“{}”", col.key);
            unreadable(idx);
        }
        if (unknown) unknown_keys(ro, join(tp, place.row->key), columns);
    }

    [[gnu::always_inline]] void read_column(const RowPlace& place, std::size_t ci, const Value& v, Report& r) {
        const CellIndex idx = place.first + static_cast<CellIndex>(ci);
        Cell& cell = r.cells()[idx];
        if (!read_cell(place.block->columns[ci], v, layout_->form->cells()[idx].pointer, cell)) {
            cell = Cell{Cell::State::blank, 0, {}};
            unreadable(idx);
        }
    }
};

// ---------------------------------------------------------------- the full path: Boost.JSON

struct BoostFront {
    using Value = const json::value*;
    const NumberText* text;
    static constexpr bool refused = false;  // json.cpp's parser is the full path's own

    static json::kind kind(const Value& v) { return v->kind(); }
    static std::int64_t integer(const Value& v) { return v->get_int64(); }
    static std::uint64_t unsigned_integer(const Value& v) { return v->get_uint64(); }
    static double number(const Value& v) { return v->get_double(); }
    static std::string_view string(const Value& v) { return v->get_string(); }
    template <class F>
    static void members(const Value& v, F&& f) {
        for (const json::key_value_pair& kv : v->get_object()) f(std::string_view(kv.key()), &kv.value());
    }
    std::string number_text(const Value& v, const std::string& pointer) const {
        if (text)
            if (auto it = text->find(pointer); it != text->end()) return it->second;
        // Without the source text, the shortest form that reads back as the same double is the
        // decimal that was written, for anything of 15 significant digits or fewer.
        return fmt::format("{}", v->get_double());
    }
    static void source(const Value& v, Report& r) { r.source = v->get_object(); }
};

// ---------------------------------------------------------------- the fast path: simdjson

struct SimdjsonValue {
    simdjson::dom::element element;
    bool present = false;
    explicit operator bool() const { return present; }
};

struct SimdjsonFront {
    using Value = SimdjsonValue;
    bool refused = false;

    [[gnu::always_inline]] static json::kind kind(const Value& v) {
        using simdjson::dom::element_type;
        const element_type t = v.element.type();
        if (t == element_type::INT64) return json::kind::int64;  // most values: tested first, not through a table
        switch (t) {
        case element_type::OBJECT: return json::kind::object;
        case element_type::ARRAY: return json::kind::array;
        case element_type::STRING: return json::kind::string;
        case element_type::INT64: return json::kind::int64;
        case element_type::UINT64: return json::kind::uint64;
        case element_type::DOUBLE: return json::kind::double_;
        case element_type::BOOL: return json::kind::bool_;
        case element_type::NULL_VALUE: return json::kind::null;
        }
        return json::kind::null;
    }
    static std::int64_t integer(const Value& v) { return v.element.get_int64().value_unsafe(); }
    static std::uint64_t unsigned_integer(const Value& v) { return v.element.get_uint64().value_unsafe(); }
    /// A number with a fraction or an exponent: json.cpp's parser makes the whole ones integers
    /// and may round the others differently, and simdjson keeps no text of them. Given up on.
    double number(const Value& v) {
        refused = true;
        return v.element.get_double().value_unsafe();
    }
    std::string number_text(const Value&, const std::string&) {
        refused = true;
        return {};
    }
    static std::string_view string(const Value& v) { return v.element.get_string().value_unsafe(); }
    template <class F>
    static void members(const Value& v, F&& f) {
        const simdjson::dom::object object = v.element.get_object().value_unsafe();  // a copy: the result is a temporary
        // Not `for (key_value_pair kv : object)`: that pair, built in memory and at once read
        // back whole, stalls the processor (store forwarding), as a Value passed by value does:
        // each cost `ogi validate` a few per cent (docs/performance.md, sixth round).
        for (auto it = object.begin(), end = object.end(); it != end; ++it) f(it.key(), Value{it.value(), true});
    }
    /// No rule reads `source`, so it is not copied; but its keys must be distinct (simdjson keeps
    /// duplicates, the full path's parser refuses them), which is checked here for up to 64 keys
    /// of plain values (nothing nested: so the document stays three deep).
    void source(const Value& v, Report&) {
        std::array<std::string_view, 64> seen;
        std::size_t n = 0;
        members(v, [&](std::string_view k, const Value& m) {
            const json::kind mk = kind(m);
            refused = refused || n == seen.size() || mk == json::kind::object || mk == json::kind::array;
            for (std::size_t i = 0; i < n && !refused; ++i) refused = seen[i] == k;
            if (!refused) seen[n++] = k;
        });
    }
};

/// The largest document the fast path parses: its parser keeps buffers of this order for the
/// thread's lifetime. Larger reports (none of the usual shape comes near) take the full path.
constexpr std::size_t fast_max_bytes = std::size_t{1} << 20;

}  // namespace

ReadOutcome read_report(const json::value& v, const NumberText* number_text) {
    ReadOutcome out;
    BoostFront front{number_text};
    Reader<BoostFront>(front, Mode::explain, out).read(&v);
    return out;
}

std::optional<Report> read_report_fast(std::string_view text, const JsonLimits& limits) {
    // As parse_json: a UTF-8 byte order mark is skipped.
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    // The limits are the full path's parser's. A text of n bytes has at most n values, fewer
    // entries in any one object, and no string of n bytes; the usual shape nests three deep.
    // Where a limit could be reached, the full path's parser says where.
    if (text.size() > fast_max_bytes || text.size() > limits.max_values || text.size() > limits.max_items ||
        text.size() > limits.max_string_bytes || limits.max_depth < 3)
        return std::nullopt;
    // simdjson accepts exactly the JSON that Boost.JSON's strict parser accepts, except that it
    // keeps duplicate keys (the handler and SimdjsonFront::source refuse them) and refuses
    // integers beyond 64 bits (the full path reads them).
    thread_local simdjson::dom::parser parser(fast_max_bytes);
    simdjson::dom::element root;
    if (parser.parse(text.data(), text.size()).get(root) != simdjson::SUCCESS) return std::nullopt;
    ReadOutcome out;
    SimdjsonFront front;
    Reader<SimdjsonFront> reader(front, Mode::give_up, out);
    reader.read(SimdjsonValue{root, true});
    if (reader.stopped()) return std::nullopt;
    return std::move(out.report);
}

}  // namespace ogi::detail
