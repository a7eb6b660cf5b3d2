// Report JSON: writing a report as the contract's JSON (value_from) and reading it (value_to and
// the validator's lenient reader, report_reader.hpp).
#include "json/report_reader.hpp"

#include <ogi/json/json.hpp>

#include <boost/json.hpp>
#include <fmt/format.h>

#include <cmath>
#include <stdexcept>

namespace json = boost::json;

namespace ogi {

// ---------------------------------------------------------------- writing

namespace {

json::value cell_to_json(const Column& col, const Cell& c) {
    if (c.state != Cell::State::value) return nullptr;
    switch (col.kind) {
    case CellKind::money: return json::string(c.money.to_string());
    case CellKind::unit: return json::string(col.words.at(static_cast<std::size_t>(c.number)));
    default: return c.number;
    }
}

}  // namespace

void tag_invoke(const json::value_from_tag&, json::value& out, const Report& r) {
    const Form& f = r.form();
    json::object o;
    o["edition"] = to_string(r.edition());
    o["year"] = r.year;
    json::object agency;
    agency["name"] = r.agency.name;
    if (r.agency.kind) agency["kind"] = key(*r.agency.kind);
    if (r.agency.region) agency["region"] = *r.agency.region;
    o["agency"] = std::move(agency);
    if (r.published_on) o["published_on"] = *r.published_on;
    for (const Table& t : f.tables()) o[t.key] = json::object();
    for (std::size_t i = 0; i < f.cells().size(); ++i) {
        const Cell& c = r.cells()[i];
        if (c.state == Cell::State::absent) continue;
        const CellDef& d = f.cells()[i];
        const Column& col = f.column(d);
        json::object& table = o[f.tables()[d.table].key].as_object();
        json::object& row = table[f.row(d).key].is_object() ? table[f.row(d).key].as_object()
                                                            : table[f.row(d).key].emplace_object();
        if (col.kind == CellKind::unit && c.state != Cell::State::value) continue;
        row[col.key] = cell_to_json(col, c);
    }
    json::object narrative;
    if (r.narrative.overview) narrative["overview"] = *r.narrative.overview;
    if (r.narrative.problems) narrative["problems"] = *r.narrative.problems;
    if (r.narrative.other_matters) narrative["other_matters"] = *r.narrative.other_matters;
    if (!narrative.empty()) o["narrative"] = std::move(narrative);
    if (!r.source.empty()) o["source"] = r.source;
    out = std::move(o);
}

// ---------------------------------------------------------------- reading

namespace detail {
namespace {

std::string join(std::string_view a, std::string_view b) {
    std::string p;
    p.reserve(a.size() + 1 + b.size());
    p.append(a);
    p += '/';
    p.append(b);
    return p;
}

std::string_view kind_name(const json::value& v) {
    switch (v.kind()) {
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

std::string_view kind_name_zh(const json::value& v) {
    switch (v.kind()) {
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

/// Counts are limited to 2^53-1 so that every JSON implementation reads them exactly.
constexpr std::int64_t max_count = 9007199254740991;

/// A JSON number as an exact integer, if it is one (1.0 counts: JSON Schema says so too).
std::optional<std::int64_t> as_integer(const json::value& v) {
    if (v.is_int64()) {
        const std::int64_t n = v.get_int64();
        if (n > max_count || n < -max_count) return std::nullopt;
        return n;
    }
    if (v.is_uint64()) {
        if (v.get_uint64() > static_cast<std::uint64_t>(max_count)) return std::nullopt;
        return static_cast<std::int64_t>(v.get_uint64());
    }
    if (v.is_double()) {
        const double d = v.get_double();
        if (std::isfinite(d) && std::trunc(d) == d && std::fabs(d) <= max_count)
            return static_cast<std::int64_t>(d);
    }
    return std::nullopt;
}

class Reader {
public:
    Reader(const NumberText* text, ReadOutcome& out) : text_(text), out_(out) {}

    void problem(std::string pointer, std::string en, std::string zh) {
        out_.problems.push_back({std::move(pointer), std::move(en), std::move(zh)});
    }

    const json::object* object_at(const json::object& parent, std::string_view key, const std::string& pointer,
                                  bool required) {
        const json::value* v = parent.if_contains(key);
        if (!v) {
            if (required) problem(pointer.substr(0, pointer.rfind('/')), fmt::format("missing required key \"{}\"", key),
                                    fmt::format("缺少必需的键“{}”", key));
            return nullptr;
        }
        if (!v->is_object()) {
            problem(pointer, fmt::format("expected an object, found {}", kind_name(*v)),
                    fmt::format("应为对象，实际为{}", kind_name_zh(*v)));
            return nullptr;
        }
        return &v->get_object();
    }

    std::optional<std::string> string_at(const json::object& parent, std::string_view key, const std::string& pointer,
                                         bool required) {
        const json::value* v = parent.if_contains(key);
        if (!v) {
            if (required) problem(pointer.substr(0, pointer.rfind('/')), fmt::format("missing required key \"{}\"", key),
                                    fmt::format("缺少必需的键“{}”", key));
            return std::nullopt;
        }
        if (!v->is_string()) {
            problem(pointer, fmt::format("expected a string, found {}", kind_name(*v)),
                    fmt::format("应为字符串，实际为{}", kind_name_zh(*v)));
            return std::nullopt;
        }
        return std::string(v->get_string());
    }

    void unknown(std::string pointer, std::string_view key) {
        problem(std::move(pointer), fmt::format("unknown key \"{}\"", key), fmt::format("未知的键“{}”", key));
    }

    void unknown_keys(const json::object& o, const std::string& pointer, std::initializer_list<std::string_view> known) {
        for (const auto& kv : o) {
            bool ok = false;
            for (auto k : known) ok = ok || kv.key() == k;
            if (!ok) unknown(join(pointer, kv.key()), kv.key());
        }
    }

    /// Reads one cell; false when the value cannot be used.
    bool read_cell(const Column& col, const json::value& v, const std::string& pointer, Cell& c) {
        if (v.is_null()) {
            c = Cell{Cell::State::blank, 0, {}};
            return true;
        }
        switch (col.kind) {
        case CellKind::count:
        case CellKind::signed_count: {
            auto n = as_integer(v);
            if (!n) {
                if (v.is_number())
                    problem(pointer, "a count must be a whole number from 0 to 2^53-1", "数量应为0至2^53-1之间的整数");
                else
                    problem(pointer, fmt::format("expected an integer or null, found {}", kind_name(v)),
                            fmt::format("应为整数或null，实际为{}", kind_name_zh(v)));
                return false;
            }
            if (*n < 0 && col.kind == CellKind::count) {
                problem(pointer, fmt::format("a count cannot be negative ({})", *n), fmt::format("数量不能为负数（{}）", *n));
                return false;
            }
            c = Cell{Cell::State::value, *n, {}};
            return true;
        }
        case CellKind::money: {
            std::optional<Decimal> d;
            if (v.is_string()) {
                const std::string_view s = v.get_string();
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
                    problem(pointer,
                            fmt::format("\"{}\" is not a plain decimal amount (digits with an optional "
                                        "decimal point, at most 18 digits)", s),
                            fmt::format("“{}”不是金额（应为数字，可带小数点，至多18位）", s));
                    return false;
                }
            } else if (v.is_int64() || v.is_uint64()) {
                d = Decimal::parse(v.is_int64() ? std::to_string(v.get_int64()) : std::to_string(v.get_uint64()));
            } else if (v.is_double()) {
                std::string raw;
                if (text_) {
                    auto it = text_->find(pointer);
                    if (it != text_->end()) raw = it->second;
                }
                // Without the source text, the shortest form that reads back as the same double
                // is the decimal that was written, for anything of 15 significant digits or fewer.
                if (raw.empty()) raw = fmt::format("{}", v.get_double());
                d = Decimal::parse(raw);
            } else {
                problem(pointer, fmt::format("expected an amount (number or string) or null, found {}", kind_name(v)),
                        fmt::format("应为金额（数字或字符串）或null，实际为{}", kind_name_zh(v)));
                return false;
            }
            if (!d) {
                // Valid JSON and valid by the schema, but past what ogi holds exactly: say so
                // (OGI-S-EXACT) rather than round it.
                out_.inexact.push_back(pointer);
                return false;
            }
            if (d->is_negative()) {
                problem(pointer, fmt::format("an amount cannot be negative ({})", d->to_string()),
                        fmt::format("金额不能为负数（{}）", d->to_string()));
                return false;
            }
            c = Cell{Cell::State::value, 0, *d};
            return true;
        }
        case CellKind::unit: {
            if (v.is_string())
                for (std::size_t i = 0; i < col.words.size(); ++i)
                    if (v.get_string() == col.words[i]) {
                        c = Cell{Cell::State::value, static_cast<std::int64_t>(i), {}};
                        return true;
                    }
            problem(pointer, fmt::format("expected one of {} or null", fmt::join(col.words, ", ")),
                    fmt::format("应为{}之一或null", fmt::join(col.words, "、")));
            return false;
        }
        }
        return false;
    }

    /// Which of `keys` each member of `o` is (in member order): its index, or npos for a key
    /// that is none of them. Documents list their keys in the form's order, so the key after
    /// the last one found is tried first.
    template <class Key>
    static void match_members(const json::object& o, const std::vector<Key>& keys, std::string_view (*key_of)(const Key&),
                              std::vector<std::size_t>& out) {
        out.clear();
        std::size_t next = 0;
        for (const auto& kv : o) {
            const std::string_view k = kv.key();
            std::size_t found = std::string_view::npos;
            if (next < keys.size() && key_of(keys[next]) == k) {
                found = next;
            } else {
                for (std::size_t i = 0; i < keys.size(); ++i)
                    if (key_of(keys[i]) == k) {
                        found = i;
                        break;
                    }
            }
            out.push_back(found);
            if (found != std::string_view::npos) next = found + 1;
        }
    }

    /// The member `key` of `parent` (found by match_members: `v`, or nullptr) as an object,
    /// as object_at() says it: a missing required key is reported at the parent.
    const json::object* object_of(const json::value* v, std::string_view key, std::string_view parent_pointer,
                                  bool required) {
        if (!v) {
            if (required) problem(std::string(parent_pointer), fmt::format("missing required key \"{}\"", key),
                                  fmt::format("缺少必需的键“{}”", key));
            return nullptr;
        }
        if (!v->is_object()) {
            problem(join(parent_pointer, key), fmt::format("expected an object, found {}", kind_name(*v)),
                    fmt::format("应为对象，实际为{}", kind_name_zh(*v)));
            return nullptr;
        }
        return &v->get_object();
    }

    void read_tables(const json::object& root, Report& r) {
        const Form& f = r.form();
        CellIndex next_cell = 0;
        std::vector<const Row*> rows;               // the table's rows, in form order
        std::vector<const json::value*> row_value;  // each row's member of the table object
        std::vector<const json::value*> column_value;
        std::vector<std::size_t> matched, row_matched;
        for (const Table& t : f.tables()) {
            const std::string tp = "/" + t.key;
            const json::object* to = object_at(root, t.key, tp, true);
            rows.clear();
            for (const Block& b : t.blocks)
                for (const Row& row : b.rows) rows.push_back(&row);
            row_value.assign(rows.size(), nullptr);
            if (to) {
                match_members<const Row*>(*to, rows, [](const Row* const& row) { return std::string_view(row->key); }, matched);
                std::size_t m = 0;
                for (const auto& kv : *to) {
                    if (matched[m] != std::string_view::npos) row_value[matched[m]] = &kv.value();
                    ++m;
                }
            }
            // Which layout of section 三（六） does the document use?
            bool single = r.edition() == Edition::e2019;
            // With no complete layout of （六）, that one problem is said once, not per row.
            bool layout_unclear = false;
            if (to && t.key == "applications") {
                auto has = [&](std::string_view key) {
                    for (std::size_t i = 0; i < rows.size(); ++i)
                        if (rows[i]->key == key) return row_value[i] != nullptr;
                    return to->contains(key);
                };
                const bool has_single = has("other");
                const bool has_split = has("other_overdue_correction") || has("other_overdue_fee") || has("other_reasons");
                if (has_single != has_split) single = has_single;
                else if (has_single && has_split)
                    problem(tp, "section 三（六） has both the single \"other\" row and the \"other_*\" rows",
                            "第三部分（六）其他处理同时有单行“other”和三行“other_*”");
                else
                    problem(tp, "section 三（六） has neither the \"other\" row nor the three \"other_*\" rows",
                            "第三部分（六）其他处理既无单行“other”也无三行“other_*”");
                r.use_single_other(single);
                layout_unclear = has_single == has_split;
            }
            std::size_t row_index = 0;
            for (const Block& b : t.blocks)
                for (const Row& row : b.rows) {
                    // The form numbers its cells table by table, block by block, row by row,
                    // column by column: the order of these loops.
                    const CellIndex first = next_cell;
                    next_cell += static_cast<CellIndex>(b.columns.size());
                    const json::value* rv = row_value[row_index++];
                    const bool present = row.layout == RowLayout::always ||
                                         (row.layout == RowLayout::single_other) == single;
                    if (layout_unclear && row.layout != RowLayout::always) {
                        for (std::size_t ci = 0; ci < b.columns.size(); ++ci)
                            if (present) out_.unreadable.push_back(first + static_cast<CellIndex>(ci));
                        continue;
                    }
                    const json::object* ro = to ? object_of(rv, row.key, tp, present) : nullptr;
                    if (!present) {
                        if (ro) {
                            const std::string rp = join(tp, row.key);
                            problem(rp, fmt::format("row \"{}\" does not belong with the rows present", row.key),
                                    fmt::format("行“{}”与其他行的版式不一致", row.key));
                        }
                        continue;
                    }
                    column_value.assign(b.columns.size(), nullptr);
                    if (ro) {
                        match_members<Column>(*ro, b.columns, [](const Column& c) { return std::string_view(c.key); }, row_matched);
                        std::size_t m = 0;
                        for (const auto& kv : *ro) {
                            if (row_matched[m] != std::string_view::npos) column_value[row_matched[m]] = &kv.value();
                            ++m;
                        }
                    }
                    for (std::size_t ci = 0; ci < b.columns.size(); ++ci) {
                        const Column& col = b.columns[ci];
                        const CellIndex idx = first + static_cast<CellIndex>(ci);
                        const std::string& cp = f.cells()[idx].pointer;
                        Cell& cell = r.cells()[idx];
                        const json::value* v = column_value[ci];
                        if (!v) {
                            cell = Cell{Cell::State::blank, 0, {}};
                            if (ro && col.kind != CellKind::unit)
                                problem(join(tp, row.key), fmt::format("missing required key \"{}\"", col.key),
                                        fmt::format("缺少必需的键“{}”", col.key));
                            if (col.kind != CellKind::unit) out_.unreadable.push_back(idx);
                            continue;
                        }
                        if (!read_cell(col, *v, cp, cell)) {
                            cell = Cell{Cell::State::blank, 0, {}};
                            out_.unreadable.push_back(idx);
                        }
                    }
                    if (ro) {
                        std::size_t m = 0;
                        for (const auto& kv : *ro)
                            if (row_matched[m++] == std::string_view::npos) unknown(join(join(tp, row.key), kv.key()), kv.key());
                    }
                }
            if (to) {
                std::size_t m = 0;
                for (const auto& kv : *to)
                    if (matched[m++] == std::string_view::npos) unknown(join(tp, kv.key()), kv.key());
            }
        }
    }

private:
    const NumberText* text_;
    ReadOutcome& out_;
};

}  // namespace

ReadOutcome read_report(const json::value& v, const NumberText* number_text) {
    ReadOutcome out;
    Reader rd(number_text, out);
    if (!v.is_object()) {
        rd.problem("", fmt::format("a report is a JSON object, found {}", kind_name(v)),
                   fmt::format("报告应为JSON对象，实际为{}", kind_name_zh(v)));
        return out;
    }
    const json::object& root = v.get_object();
    rd.unknown_keys(root, "", {"edition", "year", "agency", "published_on", "proactive", "applications", "reviews",
                               "narrative", "source"});
    auto edition_text = rd.string_at(root, "edition", "/edition", true);
    std::optional<Edition> edition;
    if (edition_text) {
        edition = parse_edition(*edition_text);
        if (!edition)
            rd.problem("/edition", fmt::format("unknown edition \"{}\" (expected \"2019\" or \"2021\")", *edition_text),
                       fmt::format("未知的版本“{}”（应为“2019”或“2021”）", *edition_text));
    } else if (const json::value* e = root.if_contains("edition"); e && as_integer(*e)) {
        // The edition must be a string; still read the rest as that edition to say more.
        edition = parse_edition(std::to_string(*as_integer(*e)));
    }
    if (!edition) return out;

    Report r(*edition);
    if (const json::value* y = root.if_contains("year")) {
        if (auto n = as_integer(*y); n && *n >= 1949 && *n <= 9999) {
            r.year = static_cast<int>(*n);
            out.year_read = true;
        } else {
            rd.problem("/year", "expected the report year as an integer from 1949 to 9999", "年度应为1949至9999之间的整数");
        }
    } else {
        rd.problem("", "missing required key \"year\"", "缺少必需的键“year”");
    }
    if (const json::object* a = rd.object_at(root, "agency", "/agency", true)) {
        rd.unknown_keys(*a, "/agency", {"name", "kind", "region"});
        if (auto name = rd.string_at(*a, "name", "/agency/name", true)) r.agency.name = *name;
        if (auto kind = rd.string_at(*a, "kind", "/agency/kind", false)) {
            r.agency.kind = parse_agency_kind(*kind);
            if (!r.agency.kind)
                rd.problem("/agency/kind",
                           fmt::format("unknown agency kind \"{}\" (expected government, department, township or other)", *kind),
                           fmt::format("未知的机关类型“{}”（应为government、department、township或other）", *kind));
        }
        r.agency.region = rd.string_at(*a, "region", "/agency/region", false);
    }
    if (auto date = rd.string_at(root, "published_on", "/published_on", false)) {
        r.published_on = *date;
        if (!Date::parse(*date))
            rd.problem("/published_on", fmt::format("\"{}\" is not a date of the form YYYY-MM-DD", *date),
                       fmt::format("“{}”不是YYYY-MM-DD格式的日期", *date));
    }
    rd.read_tables(root, r);
    if (const json::object* n = rd.object_at(root, "narrative", "/narrative", false)) {
        rd.unknown_keys(*n, "/narrative", {"overview", "problems", "other_matters"});
        r.narrative.overview = rd.string_at(*n, "overview", "/narrative/overview", false);
        r.narrative.problems = rd.string_at(*n, "problems", "/narrative/problems", false);
        r.narrative.other_matters = rd.string_at(*n, "other_matters", "/narrative/other_matters", false);
    }
    if (const json::object* s = rd.object_at(root, "source", "/source", false)) r.source = *s;
    out.report = std::move(r);
    return out;
}

}  // namespace detail

Report tag_invoke(const json::value_to_tag<Report>&, const json::value& in) {
    detail::ReadOutcome out = detail::read_report(in, nullptr);
    if (!out.inexact.empty())
        throw std::invalid_argument(fmt::format("not a valid report: {}: the amount has more than 18 significant digits",
                                                out.inexact.front()));
    if (!out.problems.empty()) {
        const auto& p = out.problems.front();
        throw std::invalid_argument(fmt::format("not a valid report: {}: {}", p.pointer.empty() ? "/" : p.pointer, p.what_en));
    }
    return std::move(*out.report);
}

}  // namespace ogi
