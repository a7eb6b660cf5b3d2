// The compiled schema (src/check/schema_check.hpp) against the reference, valijson: the same verdict
// on many valid and invalid documents — every value of both example reports replaced by values
// of every kind, every key removed, unknown keys added, rows of the other layout added.
#include "support.hpp"

#include "check/schema_check.hpp"

#include <doctest/doctest.h>


namespace json = boost::json;

namespace {

struct Tally {
    std::size_t documents = 0, valid = 0, disagreements = 0;
    std::string first_disagreement;
};

void compare_verdicts(const json::value& v, Tally& t) {
    ogi::Diagnostic error;
    const auto doc = ogi::parse_json(json::serialize(v), error);  // as ogi reads files: 1.0 is an integer
    REQUIRE(doc);
    const bool compiled = ogi::detail::report_schema_program().accepts(doc->value);
    const bool reference = ogi::detail::valijson_accepts(doc->value);
    ++t.documents;
    t.valid += reference;
    if (compiled != reference) {
        if (!t.disagreements++)
            t.first_disagreement = fmt::format("compiled {} valijson {}: {}", compiled, reference, json::serialize(v));
    }
    if (!reference) {
        // Every place valijson reports lies at or under a place failures() gives.
        std::vector<ogi::detail::SchemaError> errors;
        ogi::detail::valijson_accepts(doc->value, &errors);
        const auto failed = ogi::detail::report_schema_program().failures(doc->value);
        for (const auto& e : errors) {
            const bool under = std::any_of(failed.begin(), failed.end(), [&](const std::string& f) {
                return e.pointer == f || (e.pointer.size() > f.size() && e.pointer.compare(0, f.size(), f) == 0 &&
                                          e.pointer[f.size()] == '/');
            });
            if (!under && !t.disagreements++)
                t.first_disagreement = fmt::format("valijson reports {} ({}), failures() does not: {}", e.pointer,
                                                   e.description, json::serialize(v));
        }
    } else if (!ogi::detail::report_schema_program().failures(doc->value).empty() && !t.disagreements++) {
        t.first_disagreement = "failures() of a valid document: " + json::serialize(v);
    }
}

// The replacements every member of a report takes in turn: every JSON kind, numbers at the edges of
// exactness, strings that look like numbers, dates and enums.
const json::value replacements[] = {
    nullptr, true, false, 0, 1, -1, 7, 1.5, -0.5, 1e300, 9007199254740991, 9007199254740992, -9007199254740991,
    -9007199254740992, json::value(static_cast<std::uint64_t>(18446744073709551615ULL)), "", "3", "0.38", "38297",
    "12a", "1e3", ".5", "5.", "123456789012345678", "1234567890123456789", "12345678901234567.8", "2019", "2021",
    "2020", "2021-03-31", "2021-3-31", "wan_yuan", "yuan", "government", "township", "nobody",
    json::array{}, json::array{1, 2}, json::object{}, json::object{{"x", 1}},
};

// One example and its mutations. Two test cases, one per example, so that CTest runs them side by
// side (they are the slowest of the suite under the sanitizers: valijson is the reference).
void compare_mutations_of(const json::value& base) {
    Tally t;
    compare_verdicts(base, t);
    // Every member: each replacement, removed, and an unknown sibling.
    const auto paths = test::member_paths(base);
    for (const auto& path : paths) {
        auto at = [&](json::value& doc) -> json::object& { return test::parent_of(doc, path); };
        for (const json::value& r : replacements) {
            json::value d = base;
            at(d)[path.back()] = r;
            compare_verdicts(d, t);
        }
        json::value removed = base;
        at(removed).erase(path.back());
        compare_verdicts(removed, t);
        json::value extra = base;
        at(extra)["unexpected"] = 0;
        compare_verdicts(extra, t);
    }
    // Section 三（六）: both layouts, neither, a part of the other.
    for (const char* row : {"other", "other_overdue_correction", "other_overdue_fee", "other_reasons"}) {
        json::value d = base;
        auto& apps = d.as_object()["applications"].as_object();
        if (apps.contains(row)) apps.erase(row);
        else apps[row] = apps["granted"];
        compare_verdicts(d, t);
    }
    // The other edition's section 二 under this edition, and the other way round.
    for (const char* edition : {"2019", "2021"}) {
        json::value d = base;
        d.as_object()["edition"] = edition;
        compare_verdicts(d, t);
    }
    INFO(t.first_disagreement);
    CHECK(t.disagreements == 0);
    CHECK(t.documents > 10000);
    // Both kinds in good number: the comparison means something.
    CHECK(t.valid > 1000);
    CHECK(t.documents - t.valid > 5000);
}

}  // namespace

TEST_CASE("the compiled schema gives valijson's verdict on mutations of the 2020 example (liucheng)") {
    compare_mutations_of(test::seed());
}

TEST_CASE("the compiled schema gives valijson's verdict on mutations of the 2024 example (huaian)") {
    compare_mutations_of(test::huaian());
}

TEST_CASE("the compiled schema gives valijson's verdict on documents that are not objects") {
    Tally t;
    for (const json::value& r : replacements) compare_verdicts(r, t);
    INFO(t.first_disagreement);
    CHECK(t.disagreements == 0);
    CHECK(t.documents == std::size(replacements));
    CHECK(t.valid == 0);
}

TEST_CASE("the compiled schema refuses a keyword it does not run") {
    CHECK_THROWS_AS(ogi::detail::SchemaProgram(json::parse(R"({"type": "object", "minProperties": 1})")),
                    std::invalid_argument);
    CHECK_THROWS_AS(ogi::detail::SchemaProgram(json::parse(R"({"$ref": "#/definitions/none"})")), std::invalid_argument);
    const ogi::detail::SchemaProgram p(json::parse(R"({"definitions": {"n": {"type": "integer", "maximum": 3}},
        "type": "object", "properties": {"a": {"$ref": "#/definitions/n"}}, "additionalProperties": false})"));
    CHECK(p.accepts(json::parse(R"({"a": 3})")));
    CHECK_FALSE(p.accepts(json::parse(R"({"a": 4})")));
    CHECK_FALSE(p.accepts(json::parse(R"({"b": 1})")));
}
