// The cross-year rules (OGI-X-*): passing and failing pairs at the exact pointer, in both
// editions and across the edition change; the refusal; the year-on-year summary.
#include "support.hpp"

#include <ogi/check/compare.hpp>

#include <doctest/doctest.h>

namespace json = boost::json;
using test::at;

namespace {

ogi::Report report(const json::value& v) { return json::value_to<ogi::Report>(v); }

std::size_t count(const ogi::CompareResult& r, std::string_view rule, std::string_view path = {}) {
    return static_cast<std::size_t>(std::count_if(r.diagnostics.begin(), r.diagnostics.end(), [&](const ogi::Diagnostic& d) {
        return d.rule == rule && (path.empty() || d.path == path);
    }));
}

const ogi::Diagnostic& find(const ogi::CompareResult& r, std::string_view rule) {
    auto it = std::find_if(r.diagnostics.begin(), r.diagnostics.end(), [&](const ogi::Diagnostic& d) { return d.rule == rule; });
    REQUIRE(it != r.diagnostics.end());
    return *it;
}

/// 柳城街道 2019 (edition 2019), consistent with the bundled 2020 report: nothing carried
/// forward, the items unchanged.
json::value liucheng_2019() {
    auto v = test::seed();
    at(v, "/year") = 2019;
    at(v, "/published_on") = "2020-01-10";
    at(v, "/proactive/licensing/previous_items") = 2;
    at(v, "/proactive/licensing/change") = -2;
    return v;
}

/// 淮安 2023 (edition 2021), consistent with the bundled 2024 report.
json::value huaian_2023() {
    auto v = test::huaian();
    at(v, "/year") = 2023;
    for (const char* col : {"natural_person", "total"}) at(v, std::string("/applications/carried_forward/") + col) = 34;
    at(v, "/proactive/regulations/in_force") = 10;          // 10 + 1 - 0 = 11
    at(v, "/proactive/normative_documents/in_force") = 84;  // 84 + 8 - 26 = 66
    return v;
}

/// 柳城街道 2021 in edition 2021: the bundled 2024 report, renamed and emptied.
json::value liucheng_2021() {
    auto v = test::huaian();
    at(v, "/year") = 2021;
    at(v, "/agency/name") = "  南安市柳城街道办事处 ";  // surrounding whitespace does not matter
    return v;
}

}  // namespace

TEST_CASE("a consistent pair passes, in edition 2019 and in edition 2021") {
    auto r = ogi::compare(report(liucheng_2019()), report(test::seed()));
    CHECK(r.valid);
    CHECK(r.diagnostics.empty());
    r = ogi::compare(report(huaian_2023()), report(test::huaian()));
    CHECK(r.valid);
    CHECK(r.diagnostics.empty());
}

TEST_CASE("OGI-X-CARRY: this year's 上年结转 = last year's 结转下年度, column by column") {
    auto earlier = huaian_2023();
    at(earlier, "/applications/carried_forward/total") = 35;
    auto r = ogi::compare(report(earlier), report(test::huaian()));
    CHECK_FALSE(r.valid);
    CHECK(count(r, "OGI-X-CARRY") == 1);
    const auto& d = find(r, "OGI-X-CARRY");
    CHECK(d.path == "/applications/carried_over/total");
    CHECK(d.severity == ogi::Severity::error);
    CHECK(d.expected == 35);
    CHECK(d.actual == 34);
    REQUIRE(d.related.size() == 1);
    CHECK(d.related[0] == "earlier:/applications/carried_forward/total");
    CHECK(d.message_en ==
          "carried over: 二、上年结转政府信息公开申请数量 — 总计 is 34, but the 2023 report carried 35 forward "
          "(四、结转下年度继续办理 — 总计)");
    CHECK(d.message_zh.find("2023年度报告") != std::string::npos);

    // edition 2019: one column
    auto later = test::seed();
    at(later, "/applications/carried_over/commercial_enterprise") = 1;
    r = ogi::compare(report(liucheng_2019()), report(later));
    CHECK(count(r, "OGI-X-CARRY") == 1);
    CHECK(count(r, "OGI-X-CARRY", "/applications/carried_over/commercial_enterprise") == 1);
    CHECK_FALSE(r.valid);
}

TEST_CASE("OGI-X-CARRY holds across the edition change; the edition rules are noted, not run") {
    auto later = liucheng_2021();
    for (const char* col : {"natural_person", "total"}) at(later, std::string("/applications/carried_over/") + col) = 0;
    auto r = ogi::compare(report(test::seed()), report(later));
    CHECK(r.valid);
    CHECK(count(r, "OGI-X-CARRY") == 0);
    CHECK(count(r, "OGI-X-IN-FORCE", "/edition") == 1);
    CHECK(count(r, "OGI-X-ITEMS", "/edition") == 1);
    CHECK(r.diagnostics.size() == 2);
    for (const auto& d : r.diagnostics) CHECK(d.severity == ogi::Severity::info);

    // the 2020 report carried 0 forward, the 2021 report says 34 were carried over
    r = ogi::compare(report(test::seed()), report(liucheng_2021()));
    CHECK_FALSE(r.valid);
    CHECK(count(r, "OGI-X-CARRY", "/applications/carried_over/natural_person") == 1);
    CHECK(count(r, "OGI-X-CARRY", "/applications/carried_over/total") == 1);
    CHECK(count(r, "OGI-X-CARRY") == 2);
}

TEST_CASE("OGI-X-IN-FORCE: 现行有效 = last year's + 制发 - 废止, edition 2021") {
    auto later = test::huaian();
    at(later, "/proactive/regulations/in_force") = 12;
    auto r = ogi::compare(report(huaian_2023()), report(later));
    CHECK(count(r, "OGI-X-IN-FORCE") == 1);
    const auto& d = find(r, "OGI-X-IN-FORCE");
    CHECK(d.path == "/proactive/regulations/in_force");
    CHECK(d.severity == ogi::Severity::warning);
    CHECK(d.expected == 11);
    CHECK(d.actual == 12);
    CHECK(d.related == std::vector<std::string>{"earlier:/proactive/regulations/in_force", "/proactive/regulations/issued",
                                                "/proactive/regulations/repealed"});
    CHECK(r.valid);  // a warning
    ogi::CompareOptions strict;
    strict.warnings_as_errors = true;
    CHECK_FALSE(ogi::compare(report(huaian_2023()), report(later), strict).valid);

    auto earlier = huaian_2023();  // the repealed documents are subtracted
    at(earlier, "/proactive/normative_documents/in_force") = 66;
    r = ogi::compare(report(earlier), report(test::huaian()));
    CHECK(count(r, "OGI-X-IN-FORCE", "/proactive/normative_documents/in_force") == 1);
    CHECK(find(r, "OGI-X-IN-FORCE").expected == 48);
}

TEST_CASE("OGI-X-ITEMS: 上一年项目数量 = last year's 上一年项目数量 + 本年增/减, edition 2019") {
    auto earlier = liucheng_2019();
    at(earlier, "/proactive/fees/change") = 3;
    auto r = ogi::compare(report(earlier), report(test::seed()));
    CHECK(count(r, "OGI-X-ITEMS") == 1);
    const auto& d = find(r, "OGI-X-ITEMS");
    CHECK(d.path == "/proactive/fees/previous_items");
    CHECK(d.severity == ogi::Severity::warning);
    CHECK(d.expected == 3);
    CHECK(d.actual == 0);
    CHECK(d.related == std::vector<std::string>{"earlier:/proactive/fees/previous_items", "earlier:/proactive/fees/change"});
    CHECK(r.valid);
}

TEST_CASE("blank cells: the check is skipped with OGI-C-BLANK, or run with blanks read as zero") {
    auto earlier = huaian_2023();
    at(earlier, "/applications/carried_forward/research_institution") = nullptr;
    at(earlier, "/proactive/regulations/in_force") = nullptr;
    auto r = ogi::compare(report(earlier), report(test::huaian()));
    CHECK(r.valid);
    CHECK(count(r, "OGI-C-BLANK", "/applications/carried_over/research_institution") == 1);
    CHECK(count(r, "OGI-C-BLANK", "/proactive/regulations/in_force") == 1);
    CHECK(r.diagnostics.size() == 2);
    const auto& d = find(r, "OGI-C-BLANK");
    CHECK(d.severity == ogi::Severity::info);
    CHECK(d.related == std::vector<std::string>{"earlier:/applications/carried_forward/research_institution"});

    ogi::CompareOptions zero;
    zero.blanks_as_zero = true;
    r = ogi::compare(report(earlier), report(test::huaian()), zero);
    CHECK(count(r, "OGI-C-BLANK") == 2);
    CHECK(count(r, "OGI-X-IN-FORCE", "/proactive/regulations/in_force") == 1);  // 0 + 1 - 0 ≠ 11
    CHECK(count(r, "OGI-X-CARRY") == 0);                                       // 0 = 0
}

TEST_CASE("compare refuses reports that are not consecutive years of one agency, unless forced") {
    const auto a = report(test::seed()), b = report(test::huaian());
    CHECK_THROWS_AS(ogi::compare(a, b), ogi::NotComparable);
    try {
        ogi::compare(a, b);
    } catch (const ogi::NotComparable& e) {
        const std::string en = e.what();
        CHECK(en.find("2020") != std::string::npos);
        CHECK(en.find("2024") != std::string::npos);
        CHECK(en.find("南安市柳城街道办事处") != std::string::npos);
        CHECK(en.find("淮安市人民政府") != std::string::npos);
        CHECK(e.message(ogi::Lang::zh).find("不是同一机关") != std::string::npos);
    }
    auto same_year = test::seed();  // same agency, same year
    CHECK_THROWS_AS(ogi::compare(report(same_year), report(test::seed())), ogi::NotComparable);
    auto other = liucheng_2019();  // consecutive years, another agency
    at(other, "/agency/name") = "南安市溪美街道办事处";
    CHECK_THROWS_AS(ogi::compare(report(other), report(test::seed())), ogi::NotComparable);
    CHECK(ogi::comparability(report(liucheng_2019()), report(test::seed())) == std::nullopt);

    ogi::CompareOptions force;
    force.force = true;
    CHECK_NOTHROW(ogi::compare(a, b, force));
}

TEST_CASE("the year-on-year summary: main figures and the proactive ones both reports have") {
    auto earlier = huaian_2023();
    at(earlier, "/applications/new_received/total") = 3000;
    at(earlier, "/proactive/fees/amount_wan_yuan") = "96171.25";
    at(earlier, "/reviews/litigation_direct/total") = nullptr;
    const auto rows = ogi::year_on_year(report(earlier), report(test::huaian()));
    auto row = [&](std::string_view p) {
        auto it = std::find_if(rows.begin(), rows.end(), [&](const ogi::YearOnYear& y) { return y.pointer == p; });
        REQUIRE(it != rows.end());
        return *it;
    };
    CHECK(rows.front().pointer == "/applications/new_received/total");
    CHECK(row("/applications/new_received/total").change->to_string() == "119");
    CHECK(row("/applications/new_received/total").label == "一、本年新收政府信息公开申请数量 — 总计");
    CHECK(row("/proactive/fees/amount_wan_yuan").change->to_string() == "0.35");
    CHECK(row("/proactive/normative_documents/in_force").change->to_string() == "-18");
    CHECK_FALSE(row("/reviews/litigation_direct/total").earlier.has_value());
    CHECK_FALSE(row("/reviews/litigation_direct/total").change.has_value());

    // across the edition change only what both forms have: 处理决定数量 of 许可, 处罚, 强制
    const auto mixed = ogi::year_on_year(report(test::seed()), report(liucheng_2021()));
    std::vector<std::string> proactive;
    for (const auto& y : mixed)
        if (y.pointer.starts_with("/proactive/")) proactive.push_back(y.pointer);
    CHECK(proactive == std::vector<std::string>{"/proactive/licensing/decisions", "/proactive/punishment/decisions",
                                                "/proactive/coercion/decisions"});
}
