// What reading report JSON gives, pinned: 4,011 edited copies of the two examples (keys
// out of order, unknown and duplicate keys, every kind of value in every kind of place, both
// layouts of section 三（六）, neither and both, money and count edge cases written as raw text,
// limits), each with the findings of validate_json_text and what the full path's reader read
// (the report, the cells it could not use, the inexact amounts, value_to's verdict), against
// tests/data/read-expectations.txt. That file was written by the reader of 5df72f9 (two
// readers: the full path and the fast path) before they became one; a difference is a change of
// behaviour. Findings of form (OGI-S-*) are written out in full, others by rule, place and
// figures (their text follows from the report, which is pinned by its hash); every finding's
// every field is in the document's hash as well.
//
// To write the file anew, when a change of output is meant:
//   OGI_WRITE_READ_EXPECTATIONS=1 build/bin/ogi-tests -tc='*read expectations*'
// Also checked on every document: wherever the fast path reads a report, the full path reads
// the same one without a problem.
#include "support.hpp"

#include "json/report_reader.hpp"
#include "check/schema_check.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <map>

namespace json = boost::json;

namespace {

std::string hash(std::string_view s) {
    std::uint64_t h = 14695981039346656037ull;  // FNV-1a
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
    return fmt::format("{:016x}", h);
}

std::string opt(const std::optional<std::int64_t>& v) { return v ? std::to_string(*v) : "-"; }
std::string opt(const std::optional<std::size_t>& v) { return v ? std::to_string(*v) : "-"; }

/// What validate_json_text and the full path's reader make of `text`.
std::string transcript(const std::string& text, const ogi::JsonLimits& limits, std::size_t& fast_disagreements) {
    std::string out;
    ogi::ValidateOptions options;
    options.limits = limits;
    const ogi::ValidationResult result = ogi::validate_json_text(text, options);
    std::string all;
    for (const ogi::Diagnostic& d : result.diagnostics) {
        const std::string related = fmt::format("{}", fmt::join(d.related, " "));
        all += fmt::format("{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n", d.rule, ogi::to_string(d.severity), d.path,
                           d.message_en, d.message_zh, opt(d.expected), opt(d.actual), related, opt(d.line),
                           opt(d.column), d.related.size());
        if (d.rule.substr(0, 6) == "OGI-S-")
            out += fmt::format("  {} {} {} {}:{} | {} | {}\n", d.rule, ogi::to_string(d.severity), d.path.empty() ? "/" : d.path,
                               opt(d.line), opt(d.column), d.message_en, d.message_zh);
        else
            out += fmt::format("  {} {} {} {}\n", d.rule, d.path, opt(d.expected), opt(d.actual));
    }
    out = fmt::format("valid {} findings {} {}\n", result.valid, result.diagnostics.size(), hash(all)) + out;

    ogi::Diagnostic error;
    const auto doc = ogi::parse_json(text, error, limits);
    const std::optional<ogi::Report> fast = ogi::detail::read_report_fast(text, limits);
    if (!doc) {
        out += "not parsed\n";
        fast_disagreements += fast.has_value();
        return out;
    }
    const ogi::detail::ReadOutcome read = ogi::detail::read_report(doc->value, &doc->number_text);
    out += fmt::format("read {} year {} unreadable [{}] inexact [{}]\n",
                       read.report ? hash(ogi::to_json_text(*read.report)) : "nothing", read.year_read,
                       fmt::join(read.unreadable, " "), fmt::join(read.inexact, " "));
    try {
        out += "value_to " + hash(ogi::to_json_text(json::value_to<ogi::Report>(doc->value))) + "\n";
    } catch (const std::exception& e) {
        out += fmt::format("value_to refuses {}\n", hash(e.what()));
    }
    if (fast) {
        const bool plain = read.report && read.problems.empty() && read.inexact.empty() && read.unreadable.empty() &&
                           read.year_read && ogi::detail::report_schema_program().accepts(doc->value);
        ogi::Report full = plain ? *read.report : ogi::Report{};
        full.source = {};
        fast_disagreements += !plain || !(full == *fast);
    }
    return out;
}

struct Documents {
    std::vector<std::pair<std::string, std::string>> texts;  // name, text
    std::vector<ogi::JsonLimits> limits;

    void add(std::string name, std::string text, ogi::JsonLimits l = {}) {
        texts.emplace_back(std::move(name), std::move(text));
        limits.push_back(l);
    }
};

std::string compact(const json::value& v) { return json::serialize(v); }

/// `v` with the member at `path` replaced by the raw JSON text `raw`.
std::string with_raw(json::value v, const std::vector<std::string>& path, std::string_view raw) {
    test::parent_of(v, path)[path.back()] = "@@raw@@";
    std::string text = compact(v);
    const std::string mark = "\"@@raw@@\"";
    text.replace(text.find(mark), mark.size(), raw);
    return text;
}

std::string joined(const std::vector<std::string>& path) { return "/" + fmt::format("{}", fmt::join(path, "/")); }

/// `text` with `what` inserted right after the first occurrence of `after`.
std::string inserted(std::string text, std::string_view after, std::string_view what) {
    const std::size_t at = text.find(after);
    REQUIRE(at != std::string::npos);
    text.insert(at + after.size(), what);
    return text;
}

const json::value& member(const json::value& v, const std::vector<std::string>& path) {
    const json::value* at = &v;
    for (const auto& k : path) at = &at->at(k);
    return *at;
}

json::object reversed(const json::object& o) {
    json::object r;
    for (auto it = o.end(); it != o.begin();) {
        --it;
        r[it->key()] = it->value();
    }
    return r;
}

void make_documents(Documents& docs) {
    // Values of every kind, as raw JSON text.
    const std::vector<std::string> values = {
        "null", "true", "false", "0", "-0", "1", "-1", "7", "1.0", "2.5", "-0.5", "1e2", "1E-2", "0.10",
        "9007199254740991", "9007199254740992", "-9007199254740991", "-9007199254740992", "9223372036854775807",
        "9223372036854775808", "18446744073709551615", "18446744073709551616", "1e300", "\"\"", "\"3\"", "\"0.38\"",
        "\"-1\"", "\"abc\"", "\"2019\"", "\"2021\"", "\"yuan\"", "\"wan_yuan\"", "\"government\"", "\"2021-03-31\"",
        "[]", "[1,2]", "{}", "{\"x\":1}"};
    // Amounts and counts at their edges.
    const std::vector<std::string> amounts = {
        "\"0\"", "\"00\"", "\"0.0\"", "\"1.\"", "\".1\"", "\"1e3\"", "\"+1\"", "\" 1\"", "\"1,000\"", "\"１\"",
        "\"123456789012345678\"", "\"1234567890123456789\"", "\"12345678901234567.8\"", "\"1234567890123456789.0\"",
        "\"0.123456789012345678\"", "\"0.12345678901234567\"", "\"000000000000000001.5\"", "\"1.5.5\"",
        "0", "12", "0.38", "0.380", "1.5e-3", "1e18", "1e17", "123456789012345678", "1234567890123456789",
        "0.1234567890123456789", "1e-18", "1e-19", "-0", "-0.0", "-1", "-0.5", "99999999999999999999",
        "4.35e2", "0.000000000000000001", "12345678901234567.89"};
    const std::vector<std::string> counts = {"0", "-0", "0.0", "1e2", "3.0", "2.5", "-1", "-1.0", "9007199254740991",
                                             "9007199254740991.0", "9007199254740992", "-9007199254740991",
                                             "-9007199254740992", "18446744073709551615", "1e16", "\"5\"", "true", "[0]"};
    const std::vector<std::string> years = {"2020", "2020.0", "2.02e3", "1948", "1949", "9999", "10000", "-2020",
                                            "\"2020\"", "null", "2020.5"};

    for (const json::value& base : {test::seed(), test::huaian()}) {
        const std::string edition(base.at("edition").as_string());
        auto name = [&](std::string_view what) { return fmt::format("{} {}", edition, what); };
        docs.add(name("as it is"), compact(base));
        docs.add(name("pretty"), ogi::pretty_json(base));
        docs.add(name("with a byte order mark"), "\xEF\xBB\xBF" + compact(base));
        docs.add(name("with text after it"), compact(base) + " x");

        const auto paths = test::member_paths(base);
        // Every member removed, moved to the end of its object (out of the form's order), or
        // given an unknown sibling before it.
        for (const auto& path : paths) {
            json::value removed = base;
            test::parent_of(removed, path).erase(path.back());
            docs.add(name("without " + joined(path)), compact(removed));
            json::value moved = base;
            json::object& o = test::parent_of(moved, path);
            const json::value v = o.at(path.back());
            o.erase(path.back());
            o[path.back()] = v;
            docs.add(name(joined(path) + " moved last"), compact(moved));
        }
        std::vector<std::vector<std::string>> objects = {{}};
        for (const auto& path : paths)
            if (member(base, path).is_object()) objects.push_back(path);
        for (const auto& path : objects) {
            json::value d = base;
            json::object& o = path.empty() ? d.as_object() : test::parent_of(d, path)[path.back()].as_object();
            json::object first;
            first["unexpected"] = 0;
            for (const auto& kv : o) first[kv.key()] = kv.value();
            o = first;
            docs.add(name("an unknown key first in " + joined(path)), compact(d));
            o["also_unexpected"] = json::object{{"x", 1}};
            docs.add(name("unknown keys first and last in " + joined(path)), compact(d));
            o = reversed(o);
            docs.add(name("unknown keys and the rest reversed in " + joined(path)), compact(d));
        }
        // Every kind of value in each place that is not a cell, and in one cell of each kind of
        // each table; edge cases of counts, amounts and years.
        for (const auto& path : paths) {
            const json::value& v = member(base, path);
            const bool cell = path.size() == 3;
            bool representative = !cell;
            if (cell) {
                // The first cell of its table with this key, and every amount and unit.
                const std::string p = joined(path);
                representative = p.find("/natural_person") != std::string::npos ? p.find("/new_received/") != std::string::npos
                               : p.find("/reviews/") != std::string::npos ? p.find("/administrative_review/upheld") != std::string::npos
                               : p.find("/proactive/") != std::string::npos
                                   ? (p.find("/regulations/") != std::string::npos || p.find("amount") != std::string::npos ||
                                      p.find("/licensing/change") != std::string::npos)
                                   : p.find("/carried_forward/total") != std::string::npos;
            }
            if (!representative) continue;
            // A row is an object or not: a few values say that.
            const bool row = path.size() == 2 && (path[0] == "proactive" || path[0] == "applications" || path[0] == "reviews");
            for (const std::string& raw : row ? std::vector<std::string>{"null", "1", "\"x\"", "[]", "{}"} : values)
                docs.add(name(joined(path) + " = " + raw), with_raw(base, path, raw));
            if (!cell) continue;
            if (joined(path).find("amount") != std::string::npos)
                for (const std::string& raw : amounts) docs.add(name(joined(path) + " = " + raw), with_raw(base, path, raw));
            else if (v.is_number() || v.is_null())
                for (const std::string& raw : counts) docs.add(name(joined(path) + " = " + raw), with_raw(base, path, raw));
            if (joined(path).find("amount_unit") != std::string::npos)
                for (const char* raw : {"\"元\"", "\"Yuan\"", "\"yuan \"", "\"wan_yuan\"", "null"})
                    docs.add(name(joined(path) + " = " + raw), with_raw(base, path, raw));
        }
        for (const std::string& raw : years) docs.add(name("year = " + raw), with_raw(base, {"year"}, raw));
        for (const char* raw : {"\"2019\"", "\"2021\"", "\"2020\"", "2019", "2021", "2021.0", "\"\"", "[\"2019\"]"})
            docs.add(name("edition = " + std::string(raw)), with_raw(base, {"edition"}, raw));
        for (const char* raw : {"\"2021-03-31\"", "\"2021-3-31\"", "\"2021-02-30\"", "\"2020-12-31\"", "\"2022-12-01\"",
                                "\"abcd-ef-gh\"", "\"2021-03-31T00:00\"", "20210331"})
            docs.add(name("published_on = " + std::string(raw)), with_raw(base, {"published_on"}, raw));
        for (const char* raw : {"\"government\"", "\"department\"", "\"township\"", "\"other\"", "\"nobody\"", "\"\"", "1", "null"})
            docs.add(name("agency kind = " + std::string(raw)), with_raw(base, {"agency", "kind"}, raw));
        // The order of keys: reversed at the root, in every table, in every row; edition last.
        {
            json::value d = base;
            d.as_object() = reversed(d.as_object());
            docs.add(name("root keys reversed"), compact(d));
            d = base;
            for (const char* t : {"proactive", "applications", "reviews"}) d.as_object()[t].as_object() = reversed(d.at(t).as_object());
            docs.add(name("rows reversed"), compact(d));
            d = base;
            for (const char* t : {"proactive", "applications", "reviews"})
                for (auto& row : d.as_object()[t].as_object()) row.value().as_object() = reversed(row.value().as_object());
            docs.add(name("cells reversed"), compact(d));
            d.as_object() = reversed(d.as_object());
            for (const char* t : {"proactive", "applications", "reviews"}) d.as_object()[t].as_object() = reversed(d.at(t).as_object());
            d.as_object()["agency"].as_object() = reversed(d.at("agency").as_object());
            d.as_object()["narrative"].as_object() = reversed(d.at("narrative").as_object());
            docs.add(name("everything reversed"), compact(d));
        }
        // Duplicate keys (the full path's parser refuses them; simdjson keeps them).
        const std::string text = compact(base);
        docs.add(name("year twice, the same"), inserted(text, "{", "\"year\":" + compact(base.at("year")) + ","));
        docs.add(name("year twice, different"), inserted(text, "{", "\"year\":1999,"));
        docs.add(name("edition twice"), inserted(text, "{", "\"edition\":\"" + edition + "\","));
        docs.add(name("agency twice"), inserted(text, "{", "\"agency\":{\"name\":\"x\"},"));
        docs.add(name("agency name twice"), inserted(text, "\"agency\":{", "\"name\":\"x\","));
        docs.add(name("a table twice"), inserted(text, "{", "\"reviews\":" + compact(base.at("reviews")) + ","));
        docs.add(name("a row twice"), inserted(text, "\"applications\":{",
                                               "\"granted\":" + compact(base.at("applications").at("granted")) + ","));
        docs.add(name("a cell twice"), inserted(text, "\"granted\":{", "\"total\":0,"));
        docs.add(name("a cell twice, the same"), inserted(text, "\"granted\":{",
                                                           "\"total\":" + compact(base.at("applications").at("granted").at("total")) + ","));
        docs.add(name("narrative text twice"), inserted(text, "\"narrative\":{", "\"problems\":\"x\","));
        docs.add(name("source key twice"), inserted(text, "\"source\":{", "\"file\":\"x\","));
        docs.add(name("source nested key twice"), inserted(text, "\"source\":{", "\"x\":{\"a\":1,\"a\":1},"));
        // Source: free keys, values of every kind, too many keys for the fast path.
        for (const char* raw : {"{}", "{\"a\":{\"b\":[1,{\"c\":null}]},\"n\":1.5,\"t\":true}", "[]", "\"a.txt\"", "null",
                                "{\"n\":18446744073709551615}", "{\"n\":1e400}", "{\"n\":99999999999999999999999}"})
            docs.add(name("source = " + std::string(raw)), with_raw(base, {"source"}, raw));
        {
            json::object many;
            for (int i = 0; i < 70; ++i) many[fmt::format("k{}", i)] = i;
            json::value d = base;
            d.as_object()["source"] = many;
            docs.add(name("source with 70 keys"), compact(d));
        }
        // Section 三（六）: each layout, both, neither, part of the three rows; in both editions.
        const json::object& apps = base.at("applications").as_object();
        const json::value row = apps.at("granted");
        const std::vector<std::string> other6 = {"other", "other_overdue_correction", "other_overdue_fee", "other_reasons"};
        for (const char* ed : {"2019", "2021"})
            for (unsigned mask = 0; mask < 16; ++mask) {
                json::value d = base;
                d.as_object()["edition"] = ed;
                json::object& a = d.as_object()["applications"].as_object();
                for (std::size_t i = 0; i < other6.size(); ++i) {
                    const bool want = mask & (1u << i);
                    if (!want) a.erase(other6[i]);
                    else if (!a.contains(other6[i])) a[other6[i]] = row;
                }
                docs.add(name(fmt::format("edition {} with （六） rows {:04b}", ed, mask)), compact(d));
            }
        for (const auto& r : other6)
            for (const char* raw : {"null", "1", "{}", "[]"}) {
                json::value d = base;
                json::object& a = d.as_object()["applications"].as_object();
                if (!a.contains(r)) continue;
                docs.add(name(fmt::format("/applications/{} = {}", r, raw)), with_raw(d, {"applications", r}, raw));
            }
        // Not a report.
        for (const char* t : {"", " ", "[]", "1", "\"x\"", "null", "{}", "{\"edition\":\"2021\"}", "{\"year\":2021}", "{"})
            docs.add(name(fmt::format("the text {}", json::serialize(json::string(t)))), t);
        // Limits, below and at what the document needs, and at its size.
        for (std::size_t n : {1, 2, 3, 4, 5, 7, 8, 9, 10, 25, 30, 100}) {
            ogi::JsonLimits l;
            l.max_items = n;
            docs.add(name(fmt::format("max_items {}", n)), text, l);
            l = {};
            l.max_values = n * 10;
            docs.add(name(fmt::format("max_values {}", n * 10)), text, l);
            l = {};
            l.max_depth = n;
            docs.add(name(fmt::format("max_depth {}", n)), text, l);
            l = {};
            l.max_string_bytes = n * 10;
            docs.add(name(fmt::format("max_string_bytes {}", n * 10)), text, l);
        }
        for (std::size_t n : {text.size() - 1, text.size(), text.size() + 1}) {
            ogi::JsonLimits l;
            l.max_items = l.max_values = l.max_string_bytes = n;
            docs.add(name(fmt::format("every limit {}", n)), text, l);
        }
        for (std::size_t n = 0; n < 1000; n += 50) {  // around the number of values the document has
            ogi::JsonLimits l;
            l.max_values = 300 + n;
            docs.add(name(fmt::format("max_values {}", l.max_values)), text, l);
        }
    }
}

}  // namespace

TEST_CASE("read expectations: report JSON is read as it was before the two readers became one") {
    Documents docs;
    make_documents(docs);
    std::size_t fast_disagreements = 0;
    std::string now;
    for (std::size_t i = 0; i < docs.texts.size(); ++i)
        now += fmt::format("# {} {}\n", i, docs.texts[i].first) + transcript(docs.texts[i].second, docs.limits[i], fast_disagreements);
    CHECK(fast_disagreements == 0);
    CHECK(docs.texts.size() > 3500);

    const std::string file = std::string(OGI_SOURCE_DIR) + "/tests/data/read-expectations.txt";
    if (std::getenv("OGI_WRITE_READ_EXPECTATIONS")) {
        std::ofstream(file, std::ios::binary) << now;
        MESSAGE("wrote " << file);
        return;
    }
    const std::string expected = test::read_file("tests/data/read-expectations.txt");
    REQUIRE_FALSE(expected.empty());
    if (now == expected) return;
    // The first document that differs, as it was and as it is.
    auto blocks = [](const std::string& all) {
        std::map<std::string, std::string> m;
        std::vector<std::string> order;
        std::size_t at = 0;
        while (at < all.size()) {
            std::size_t next = all.find("\n# ", at);
            next = next == std::string::npos ? all.size() : next + 1;
            const std::string block = all.substr(at, next - at);
            m[block.substr(0, block.find('\n'))] = block;
            at = next;
        }
        return m;
    };
    const auto was = blocks(expected), is = blocks(now);
    std::size_t differing = 0;
    std::string first;
    for (const auto& [name, block] : is) {
        auto it = was.find(name);
        if (it != was.end() && it->second == block) continue;
        if (!differing++) first = "was:\n" + (it == was.end() ? std::string("(no such document)\n") : it->second) + "is:\n" + block;
    }
    differing += was.size() > is.size() ? was.size() - is.size() : 0;
    INFO(first);
    CHECK(differing == 0);
    CHECK(now == expected);
}
