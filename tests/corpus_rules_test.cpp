// The validator on the real reports of tests/corpus: each answer key (typed by hand from the
// report) is turned into report JSON, and the findings must be exactly the report's own slips
// listed in tests/corpus/expected/README.md — no more, no fewer.
#include "support.hpp"

#include <doctest/doctest.h>

#include <map>
#include <set>

namespace json = boost::json;

namespace {

json::value report_from_key(const json::object& key) {
    json::object doc;
    doc["edition"] = key.at("edition");
    doc["year"] = key.at("year");
    doc["agency"] = json::object{{"name", key.at("agency").is_string() ? key.at("agency") : json::value("?")}};
    if (key.at("published_on").is_string()) doc["published_on"] = key.at("published_on");
    auto put = [&](std::string_view pointer, const json::value& v) {
        json::object* cur = &doc;
        std::size_t from = 1;
        for (;;) {
            const auto slash = pointer.find('/', from);
            const std::string part(pointer.substr(from, slash == std::string_view::npos ? std::string_view::npos : slash - from));
            if (slash == std::string_view::npos) {
                (*cur)[part] = v;
                return;
            }
            json::value& next = (*cur)[part];
            if (!next.is_object()) next = json::object();
            cur = &next.as_object();
            from = slash + 1;
        }
    };
    for (const auto& kv : key.at("cells").as_object()) {
        std::string pointer = "/";  // appended, not "/" + …: GCC 12 at -O3 warns falsely on that (-Wrestrict)
        pointer += std::string_view(kv.key()).substr(1);
        put(pointer, kv.value());
    }
    if (const auto* amb = key.if_contains("ambiguous"))
        for (const auto& kv : amb->as_object()) put(std::string(kv.key()), nullptr);  // undecided: blank
    return doc;
}

}  // namespace

TEST_CASE("real reports: the validator finds exactly each report's own slips") {
    using Findings = std::set<std::pair<std::string, std::string>>;
    // From tests/corpus/expected/README.md ("the report's own arithmetic failures"), plus the
    // layout warning the hongze reports deserve (edition 2021 with the single （六） row).
    const std::map<std::string, Findings> expected = {
        {"liucheng-2020", {}},
        {"huaian-2024.pdftotext-layout", {}},
        {"pingtan-2019", {}},
        {"pingtan-2020", {{"OGI-T3-SUM", "/applications/total/natural_person"}, {"OGI-T3-SUM", "/applications/total/total"}}},
        {"pingtan-2021", {}},
        {"pingtan-2023", {}},
        {"pingtan-2024", {}},
        {"hongze-2023.pdftotext-layout",
         {{"OGI-T4-TOTAL", "/reviews/administrative_review/total"},
          {"OGI-T4-TOTAL", "/reviews/litigation_after_review/total"},
          {"OGI-M-VARIANT", "/applications/other"}}},
        {"hongze-2023.pdftotext-raw",
         {{"OGI-T4-TOTAL", "/reviews/administrative_review/total"},
          {"OGI-T4-TOTAL", "/reviews/litigation_after_review/total"},
          {"OGI-M-VARIANT", "/applications/other"}}},
        {"hongze-2024.pdftotext-layout", {{"OGI-M-VARIANT", "/applications/other"}}},
    };
    for (const auto& entry : expected) {
        const std::string& name = entry.first;  // not a structured binding: clang 14 cannot capture one
        const Findings& want = entry.second;
        CAPTURE(name);
        const auto key = json::parse(test::read_file("tests/corpus/expected/" + name + ".json")).as_object();
        const auto result = test::check(report_from_key(key));
        Findings got;
        for (const auto& d : result.diagnostics)
            if (d.rule != "OGI-C-BLANK") got.insert({std::string(d.rule), d.path});
        CHECK(got == want);
        // a check is skipped only for a cell the text leaves blank or undecided — never guessed
        std::set<std::string> blank;
        for (const auto& kv : key.at("cells").as_object())
            if (kv.value().is_null()) blank.insert(std::string(kv.key()));
        if (const auto* amb = key.if_contains("ambiguous"))
            for (const auto& kv : amb->as_object()) blank.insert(std::string(kv.key()));
        for (const auto& d : result.diagnostics)
            if (d.rule == "OGI-C-BLANK") CHECK_MESSAGE(blank.count(d.path) == 1, d.path);
    }
}
