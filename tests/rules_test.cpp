// Every single-report rule: a passing case (the clean examples) and failing cases at the
// right JSON Pointer, in both editions.
#include "support.hpp"

#include <doctest/doctest.h>

namespace json = boost::json;
using test::at;
using test::check;
using test::count;

TEST_CASE("the bundled examples pass every rule") {
    for (const auto& v : {test::seed(), test::huaian()}) {
        const auto r = check(v);
        CHECK(r.valid);
        CHECK(r.diagnostics.empty());
    }
}

TEST_CASE("OGI-S-SCHEMA points at the offending value, or its parent for a missing key") {
    auto v = test::seed();
    at(v, "/applications/granted/natural_person") = -1;
    auto r = check(v);
    CHECK(count(r, "OGI-S-SCHEMA", "/applications/granted/natural_person") == 1);
    CHECK(r.diagnostics.size() == 1);  // the sums that need the cell are not run on it
    CHECK_FALSE(r.valid);

    v = test::seed();
    at(v, "/applications/granted/natural_person") = 1.5;
    CHECK(count(check(v), "OGI-S-SCHEMA", "/applications/granted/natural_person") == 1);

    v = test::seed();
    at(v, "/applications/granted/natural_person") = "0";
    CHECK(count(check(v), "OGI-S-SCHEMA", "/applications/granted/natural_person") == 1);

    v = test::seed();
    at(v, "/applications/granted").as_object().erase("total");
    CHECK(count(check(v), "OGI-S-SCHEMA", "/applications/granted") == 1);

    v = test::seed();
    v.as_object()["colour"] = "red";
    CHECK(count(check(v), "OGI-S-SCHEMA", "/colour") == 1);

    v = test::huaian();  // a row of the other edition
    at(v, "/proactive").as_object()["procurement"] = json::object{{"projects", 1}, {"amount", "2"}};
    CHECK(count(check(v), "OGI-S-SCHEMA", "/proactive/procurement") == 1);

    v = test::seed();
    at(v, "/edition") = "2020";
    CHECK(count(check(v), "OGI-S-SCHEMA", "/edition") == 1);

    v = test::huaian();
    at(v, "/proactive/fees/amount_wan_yuan") = "-1";
    CHECK(count(check(v), "OGI-S-SCHEMA", "/proactive/fees/amount_wan_yuan") == 1);

    v = test::seed();  // both layouts of （六）
    at(v, "/applications").as_object()["other_reasons"] = at(v, "/applications/other");
    CHECK(count(check(v), "OGI-S-SCHEMA") >= 1);
    CHECK_FALSE(check(v).valid);
}

TEST_CASE("OGI-T3-ROW-TOTAL: 总计 = the six applicant columns, in every row") {
    auto v = test::huaian();
    at(v, "/applications/unable_not_held/natural_person") = at(v, "/applications/unable_not_held/natural_person").as_int64() + 1;
    auto r = check(v);
    CHECK(count(r, "OGI-T3-ROW-TOTAL", "/applications/unable_not_held/total") == 1);
    CHECK(count(r, "OGI-T3-ROW-TOTAL") == 1);
    const auto& d = *std::find_if(r.diagnostics.begin(), r.diagnostics.end(),
                                  [](const ogi::Diagnostic& x) { return x.rule == "OGI-T3-ROW-TOTAL"; });
    CHECK(d.actual == json::value_to<std::int64_t>(at(v, "/applications/unable_not_held/total")));
    CHECK(*d.expected == *d.actual + 1);
    CHECK(d.related.size() == 6);
    CHECK(d.message_zh.find("本机关不掌握相关政府信息") != std::string::npos);
    CHECK(d.message_en.find("add up to") != std::string::npos);

    v = test::seed();  // the single （六） row is checked too
    at(v, "/applications/other/total") = 5;
    CHECK(count(check(v), "OGI-T3-ROW-TOTAL", "/applications/other/total") == 1);
}

TEST_CASE("OGI-T3-SUM: （七）总计 = the outcome rows, in every column") {
    auto v = test::huaian();
    at(v, "/applications/other_overdue_fee/legal_service_institution") = 2;
    at(v, "/applications/other_overdue_fee/total") =
        at(v, "/applications/other_overdue_fee/total").as_int64() + 2;  // keep the row total right
    auto r = check(v);
    CHECK(count(r, "OGI-T3-SUM", "/applications/total/legal_service_institution") == 1);
    CHECK(count(r, "OGI-T3-SUM", "/applications/total/total") == 1);
    CHECK(count(r, "OGI-T3-SUM") == 2);
    CHECK(count(r, "OGI-T3-ROW-TOTAL") == 0);
}

TEST_CASE("OGI-T3-BALANCE: 一 + 二 = 三（七） + 四, at 结转下年度") {
    auto v = test::seed();
    at(v, "/applications/carried_over/natural_person") = 1;
    at(v, "/applications/carried_over/total") = 1;
    auto r = check(v);
    REQUIRE(count(r, "OGI-T3-BALANCE", "/applications/carried_forward/natural_person") == 1);
    CHECK(count(r, "OGI-T3-BALANCE", "/applications/carried_forward/total") == 1);
    CHECK(count(r, "OGI-T3-BALANCE") == 2);
    const auto& d = *std::find_if(r.diagnostics.begin(), r.diagnostics.end(), [](const ogi::Diagnostic& x) {
        return x.rule == "OGI-T3-BALANCE" && x.path == "/applications/carried_forward/natural_person";
    });
    CHECK(d.expected == 1);
    CHECK(d.actual == 0);
    CHECK(d.related == std::vector<std::string>{"/applications/new_received/natural_person",
                                                "/applications/carried_over/natural_person",
                                                "/applications/total/natural_person"});
}

TEST_CASE("OGI-T4-TOTAL: each review group adds up") {
    for (const char* group : {"administrative_review", "litigation_direct", "litigation_after_review"}) {
        auto v = test::huaian();
        auto& total = at(v, fmt::format("/reviews/{}/total", group));
        total = total.as_int64() + 1;
        auto r = check(v);
        CHECK(count(r, "OGI-T4-TOTAL", fmt::format("/reviews/{}/total", group)) == 1);
        CHECK(count(r, "OGI-T4-TOTAL") == 1);
    }
}

TEST_CASE("OGI-T2-PUBLIC-TOTAL and OGI-T2-ITEMS (edition 2019)") {
    auto v = test::seed();
    at(v, "/proactive/normative_documents/published") = 3;  // public_total is 2
    auto r = check(v);
    CHECK(count(r, "OGI-T2-PUBLIC-TOTAL", "/proactive/normative_documents/public_total") == 1);
    CHECK(r.valid);  // a warning

    v = test::seed();
    at(v, "/proactive/punishment/change") = -1;  // previous_items is 0
    r = check(v);
    CHECK(count(r, "OGI-T2-ITEMS", "/proactive/punishment/change") == 1);
    CHECK_FALSE(r.valid);

    v = test::seed();  // a negative change that the previous count covers is fine
    at(v, "/proactive/punishment/previous_items") = 5;
    at(v, "/proactive/punishment/change") = -5;
    CHECK(check(v).diagnostics.empty());
}

TEST_CASE("OGI-C-BLANK: a blank cell skips the checks that need it, once per check") {
    auto v = test::seed();
    at(v, "/applications/granted/natural_person") = nullptr;
    auto r = check(v);
    CHECK(count(r, "OGI-C-BLANK", "/applications/granted/natural_person") == 2);  // its row total, its column sum
    CHECK(count(r, "OGI-C-BLANK") == 2);
    CHECK(r.valid);
    for (const auto& d : r.diagnostics) CHECK(d.severity == ogi::Severity::info);

    // read as zero, the checks run (and here fail: the cell was 0 in the file, so they pass)
    ogi::ValidateOptions zero;
    zero.blanks_as_zero = true;
    r = check(v, zero);
    CHECK(count(r, "OGI-C-BLANK") == 2);
    CHECK(r.diagnostics.at(0).message_en.find("read as 0") != std::string::npos);

    at(v, "/applications/granted/total") = 1;  // now the blank-as-zero reading disagrees
    at(v, "/applications/total/total") = 5;
    r = check(v, zero);
    CHECK(count(r, "OGI-T3-ROW-TOTAL", "/applications/granted/total") == 1);
}

TEST_CASE("OGI-M-VARIANT: the （六） layout fits the edition") {
    auto v = test::huaian();  // a 2021 report with the single row of 2019
    auto& apps = at(v, "/applications").as_object();
    json::object single = apps.at("other_reasons").as_object();
    for (const char* k : {"natural_person", "commercial_enterprise", "research_institution", "social_welfare_organization",
                          "legal_service_institution", "other_organization", "total"})
        single[k] = apps.at("other_overdue_correction").at(k).as_int64() + apps.at("other_overdue_fee").at(k).as_int64() +
                    apps.at("other_reasons").at(k).as_int64();
    apps.erase("other_overdue_correction");
    apps.erase("other_overdue_fee");
    apps.erase("other_reasons");
    apps["other"] = single;
    auto r = check(v);
    CHECK(count(r, "OGI-M-VARIANT", "/applications/other") == 1);
    CHECK(r.diagnostics.size() == 1);  // the sums still hold with the merged row

    v = test::seed();  // a 2019 report with the three rows of 2021
    auto& a2 = at(v, "/applications").as_object();
    a2["other_overdue_correction"] = a2.at("other");
    json::object zero;
    for (const auto& kv : a2.at("other").as_object()) zero[kv.key()] = 0;
    a2["other_overdue_fee"] = zero;
    a2["other_reasons"] = zero;
    a2.erase("other");
    r = check(v);
    CHECK(count(r, "OGI-M-VARIANT", "/applications/other_overdue_correction") == 1);
    CHECK(count(r, "OGI-M-VARIANT") == 3);
    CHECK(count(r, "OGI-S-SCHEMA") == 0);
}

TEST_CASE("OGI-M-EDITION: the edition fits the year") {
    auto v = test::huaian();
    at(v, "/year") = 2020;
    auto r = check(v);
    CHECK(count(r, "OGI-M-EDITION", "/edition") == 1);
    v = test::seed();
    at(v, "/year") = 2021;
    at(v, "/published_on") = "2022-01-20";
    r = check(v);
    CHECK(count(r, "OGI-M-EDITION", "/edition") == 1);
    CHECK(r.diagnostics.size() == 1);
    at(v, "/year") = 2019;
    at(v, "/published_on") = "2020-01-20";
    CHECK(check(v).diagnostics.empty());
}

TEST_CASE("OGI-M-DATE: after the year, and by the Article 49 deadline") {
    auto v = test::seed();  // a township: 3月31日
    at(v, "/published_on") = "2020-12-31";
    auto r = check(v);
    CHECK(count(r, "OGI-M-DATE", "/published_on") == 1);
    CHECK(r.diagnostics.at(0).severity == ogi::Severity::error);

    at(v, "/published_on") = "2021-02-29";  // 2021 is not a leap year
    r = check(v);
    CHECK(count(r, "OGI-M-DATE", "/published_on") == 1);
    CHECK_FALSE(r.valid);

    at(v, "/published_on") = "2021-03-31";
    CHECK(check(v).diagnostics.empty());
    at(v, "/published_on") = "2021-04-01";
    r = check(v);
    CHECK(count(r, "OGI-M-DATE", "/published_on") == 1);
    CHECK(r.diagnostics.at(0).severity == ogi::Severity::warning);

    at(v, "/agency/kind") = "department";  // departments: 1月31日
    at(v, "/published_on") = "2021-02-01";
    r = check(v);
    CHECK(count(r, "OGI-M-DATE", "/published_on") == 1);
    CHECK(r.diagnostics.at(0).severity == ogi::Severity::warning);
    at(v, "/published_on") = "2021-01-31";
    CHECK(check(v).diagnostics.empty());

    ogi::ValidateOptions strict;
    strict.warnings_as_errors = true;
    at(v, "/published_on") = "2021-02-01";
    CHECK_FALSE(check(v, strict).valid);
}

TEST_CASE("OGI-N-APPLICATIONS: the narrative's count of applications matches the table") {
    auto v = test::seed();  // "街道共收到依申请公开4件" and the table says 4
    CHECK(count(check(v), "OGI-N-APPLICATIONS") == 0);
    auto& text = at(v, "/narrative/overview").as_string();
    const std::string s(text.c_str());
    text = s.substr(0, s.find("依申请公开4件")) + "依申请公开6件" + s.substr(s.find("依申请公开4件") + std::string("依申请公开4件").size());
    auto r = check(v);
    REQUIRE(count(r, "OGI-N-APPLICATIONS", "/applications/new_received/total") == 1);
    CHECK(r.diagnostics.at(0).expected == 6);
    CHECK(r.diagnostics.at(0).actual == 4);
    CHECK(r.valid);  // a warning
}

TEST_CASE("OGI-N-PROACTIVE-SUM: the parts of the narrative's total add up") {
    auto v = test::seed();  // 81 = 3+2+4+10+14+34+14
    CHECK(count(check(v), "OGI-N-PROACTIVE-SUM") == 0);
    auto& text = at(v, "/narrative/overview").as_string();
    const std::string s(text.c_str());
    const std::string from = "规划计划类2条", to = "规划计划类20条";
    text = s.substr(0, s.find(from)) + to + s.substr(s.find(from) + from.size());
    auto r = check(v);
    REQUIRE(count(r, "OGI-N-PROACTIVE-SUM", "/narrative/overview") == 1);
    CHECK(r.diagnostics.at(0).expected == 81);
    CHECK(r.diagnostics.at(0).actual == 99);
}

TEST_CASE("sums never overflow silently") {
    ogi::Report r(ogi::Edition::e2021);
    r.year = 2022;
    r.set(ogi::ReviewGroup::administrative_review, ogi::ReviewResult::upheld, INT64_MAX);
    r.set(ogi::ReviewGroup::administrative_review, ogi::ReviewResult::corrected, 1);
    r.set(ogi::ReviewGroup::administrative_review, ogi::ReviewResult::other, 0);
    r.set(ogi::ReviewGroup::administrative_review, ogi::ReviewResult::pending, 0);
    r.set(ogi::ReviewGroup::administrative_review, ogi::ReviewResult::total, 0);
    const auto res = ogi::validate(r);
    REQUIRE(count(res, "OGI-T4-TOTAL", "/reviews/administrative_review/total") == 1);
    CHECK_FALSE(res.valid);
}

TEST_CASE("OGI-S-EXACT: money that cannot be kept exact is refused, never rounded") {
    std::string text = test::read_file("examples/data/huaian-2024.json");
    const std::string cell = "\"96171.6\"";
    text.replace(text.find(cell), cell.size(), "96171.60000000000000001");  // 22 significant digits
    auto r = ogi::validate_json_text(text);
    CHECK(count(r, "OGI-S-EXACT", "/proactive/fees/amount_wan_yuan") == 1);
    CHECK(count(r, "OGI-S-SCHEMA") == 0);  // the schema allows any JSON number here
    CHECK_FALSE(r.valid);
    text = test::read_file("examples/data/huaian-2024.json");
    text.replace(text.find(cell), cell.size(), "96171.6");
    CHECK(ogi::validate_json_text(text).diagnostics.empty());
}

TEST_CASE("a whole number written as 3.0 or 1e2 is that integer, as JSON Schema reads it") {
    std::string text = test::read_file("examples/data/liucheng-2020.json");
    const std::string year = "\"year\": 2020";
    text.replace(text.find(year), year.size(), "\"year\": 2020.0");
    CHECK(ogi::validate_json_text(text).diagnostics.empty());
}
