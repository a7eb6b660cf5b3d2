// The documents every front end answers with (ogi/json/documents.hpp): the command line's
// --format json and ogi serve print these, so their shape is fixed here once.
#include <ogi/check/validate.hpp>
#include <ogi/form/rules.hpp>
#include <ogi/json/documents.hpp>

#include <boost/json.hpp>
#include <doctest/doctest.h>

namespace json = boost::json;

TEST_CASE("diagnostics_document: file, valid and each diagnostic in the language asked for") {
    const ogi::ValidationResult r = ogi::validate_json_text("{\"edition\": ");
    REQUIRE_FALSE(r.diagnostics.empty());
    const json::object zh = ogi::diagnostics_document("a.json", r.valid, r.diagnostics, ogi::Lang::zh);
    const json::object en = ogi::diagnostics_document("a.json", r.valid, r.diagnostics, ogi::Lang::en);
    CHECK(zh.size() == 3);
    CHECK(zh.at("file") == "a.json");
    CHECK(zh.at("valid") == false);
    const json::array& d = zh.at("diagnostics").as_array();
    REQUIRE(d.size() == r.diagnostics.size());
    CHECK(d[0].at("rule") == "OGI-S-JSON");
    CHECK(d[0].at("message") == r.diagnostics[0].message_zh.c_str());
    CHECK(en.at("diagnostics").as_array()[0].at("message") == r.diagnostics[0].message_en.c_str());
    CHECK(d[0].as_object().contains("line"));
}

TEST_CASE("extract_document: the report or null, and the diagnostics") {
    std::vector<ogi::Diagnostic> diags(1);
    diags[0].rule = "OGI-E-NO-TABLES";
    diags[0].message_zh = "无";
    diags[0].message_en = "none";
    const json::object none = ogi::extract_document(std::nullopt, diags, ogi::Lang::en);
    CHECK(none.size() == 2);
    CHECK(none.at("report").is_null());
    CHECK(none.at("diagnostics").as_array()[0].at("message") == "none");
    ogi::Report report(ogi::Edition::e2021);
    report.year = 2024;
    report.agency.name = "某机关";
    const json::object some = ogi::extract_document(report, {}, ogi::Lang::zh);
    CHECK(some.at("report").at("year") == 2024);
    CHECK(some.at("report").at("edition") == "2021");
    CHECK(some.at("diagnostics").as_array().empty());
}

TEST_CASE("rules_document: every rule of the catalogue, in order, with its statement in the language") {
    const json::array zh = ogi::rules_document(ogi::Lang::zh);
    const json::array en = ogi::rules_document(ogi::Lang::en);
    REQUIRE(zh.size() == ogi::rules().size());
    for (std::size_t i = 0; i < zh.size(); ++i) {
        const ogi::RuleInfo& r = ogi::rules()[i];
        auto text = [](const json::value& v) { return std::string_view(v.as_string()); };
        CHECK(text(zh[i].at("id")) == r.id);
        CHECK(text(zh[i].at("severity")) == ogi::to_string(r.severity));
        CHECK(text(zh[i].at("statement")) == r.statement_zh);
        CHECK(text(en[i].at("statement")) == r.statement_en);
        CHECK(text(zh[i].at("basis")) == r.basis);
        const json::string& scope = zh[i].at("scope").as_string();
        CHECK((scope == "document" || scope == "pair" || scope == "aggregate" || scope == "extraction"));
    }
}
