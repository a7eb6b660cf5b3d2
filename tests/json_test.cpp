#include "support.hpp"

#include <doctest/doctest.h>

namespace json = boost::json;

TEST_CASE("writing then reading a report gives the same report") {
    for (const auto& v : {test::seed(), test::huaian()}) {
        const auto report = json::value_to<ogi::Report>(v);
        const std::string text = ogi::to_json_text(report);
        const auto again = json::value_to<ogi::Report>(json::parse(text));
        CHECK(again == report);
        CHECK(ogi::to_json_text(again) == text);
        // and nothing the file said is lost: the written JSON equals the input JSON
        CHECK(json::parse(text) == v);
    }
}

TEST_CASE("typed access follows the regulation's vocabulary") {
    const auto r = json::value_to<ogi::Report>(test::seed());
    CHECK(r.edition() == ogi::Edition::e2019);
    CHECK(r.year == 2020);
    CHECK(r.agency.kind == ogi::AgencyKind::township);
    CHECK(r.count(ogi::ApplicationRow::new_received, ogi::Applicant::total) == 4);
    CHECK(r.count(ogi::ReviewGroup::litigation_direct, ogi::ReviewResult::total) == 3);
    CHECK(r.has_single_other());
    CHECK(r.cell("/proactive/procurement/amount")->money.to_string() == "38297");
    const auto h = json::value_to<ogi::Report>(test::huaian());
    CHECK_FALSE(h.has_single_other());
    CHECK_FALSE(h.count(ogi::ApplicationRow::other, ogi::Applicant::total));
    CHECK(h.cell("/proactive/fees/amount_wan_yuan")->money.to_string() == "96171.6");
}

TEST_CASE("a report built in code validates and serialises") {
    ogi::Report r(ogi::Edition::e2021);
    r.year = 2023;
    r.agency.name = "某县人民政府";
    for (int c = 0; c < ogi::applicant_count; ++c)
        for (int row = 0; row < ogi::application_row_count; ++row)
            if (r.cells()[*r.form().find(fmt::format("/applications/{}/{}", ogi::key(static_cast<ogi::ApplicationRow>(row)),
                                                     ogi::key(static_cast<ogi::Applicant>(c))))]
                    .state != ogi::Cell::State::absent)
                r.set(static_cast<ogi::ApplicationRow>(row), static_cast<ogi::Applicant>(c), 0);
    r.set(ogi::ApplicationRow::new_received, ogi::Applicant::natural_person, 2);
    r.set(ogi::ApplicationRow::new_received, ogi::Applicant::total, 2);
    auto res = ogi::validate(r);
    CHECK(test::count(res, "OGI-T3-BALANCE", "/applications/carried_forward/natural_person") == 1);
    CHECK(test::count(res, "OGI-T3-BALANCE", "/applications/carried_forward/total") == 1);
    r.set(ogi::ApplicationRow::carried_forward, ogi::Applicant::natural_person, 2);
    r.set(ogi::ApplicationRow::carried_forward, ogi::Applicant::total, 2);
    res = ogi::validate(r);
    CHECK(test::count(res, "OGI-T3-BALANCE") == 0);
    CHECK(test::count(res, "OGI-T3-ROW-TOTAL") == 0);
    const auto back = json::value_to<ogi::Report>(json::parse(ogi::to_json_text(r)));
    CHECK(back.count(ogi::ApplicationRow::carried_forward, ogi::Applicant::total) == 2);
}

TEST_CASE("money written as a JSON number is read as the exact decimal in the file") {
    auto v = test::huaian();
    const std::string text = json::serialize(v);
    const std::string edited = std::string(text).replace(text.find("\"96171.6\""), 9, "0.30000000000000004");
    ogi::Diagnostic err;
    auto doc = ogi::parse_json(edited, err);
    REQUIRE(doc);
    CHECK(doc->number_text.at("/proactive/fees/amount_wan_yuan") == "0.30000000000000004");
    CHECK(ogi::validate_json(*doc).valid);
    // 17 significant digits is past what a double keeps; the file's text is what counts.
}

TEST_CASE("value_to refuses an invalid report and names the place") {
    auto v = test::seed();
    test::at(v, "/applications/granted/total") = -3;
    CHECK_THROWS_WITH_AS(json::value_to<ogi::Report>(v), doctest::Contains("/applications/granted/total"),
                         std::invalid_argument);
}

TEST_CASE("OGI-S-JSON: text that is not JSON, with line and column") {
    auto r = ogi::validate_json_text("{\n  \"edition\": \"2019\",\n  \"year\": 20x\n}");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].rule == "OGI-S-JSON");
    CHECK(r.diagnostics[0].line == 3);
    CHECK(r.diagnostics[0].column == 13);
    CHECK_FALSE(r.valid);

    r = ogi::validate_json_text("{\"year\": 1, \"year\": 2}");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].message_en.find("duplicate key at /year") != std::string::npos);

    r = ogi::validate_json_text("");
    CHECK(r.diagnostics.at(0).rule == "OGI-S-JSON");
    r = ogi::validate_json_text("{} x");
    CHECK(r.diagnostics.at(0).rule == "OGI-S-JSON");
    r = ogi::validate_json_text("{\"a\": \"\xff\"}");  // invalid UTF-8
    CHECK(r.diagnostics.at(0).rule == "OGI-S-JSON");
    std::string deep(1000, '[');
    r = ogi::validate_json_text(deep);
    CHECK(r.diagnostics.at(0).rule == "OGI-S-JSON");
    CHECK(r.diagnostics.at(0).message_en.find("nested too deeply") != std::string::npos);
}

TEST_CASE("a byte order mark before the JSON is accepted") {
    const std::string text = "\xEF\xBB\xBF" + test::read_file("examples/data/liucheng-2020.json");
    CHECK(ogi::validate_json_text(text).valid);
}

TEST_CASE("the published schema file is what the library embeds") {
    CHECK(test::read_file("docs/schema/report.schema.json") == ogi::report_schema_text());
    const auto& s = ogi::report_schema().as_object();
    CHECK(s.at("$schema") == "http://json-schema.org/draft-07/schema#");
    // derived from the form: every row of section 三 is in the schema
    const auto& apps = s.at("definitions").at("applications").at("properties").as_object();
    for (const auto& row : ogi::form(ogi::Edition::e2021).table("applications")->blocks.front().rows)
        CHECK(apps.contains(row.key));
}
