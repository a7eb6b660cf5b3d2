// 汇总: aggregate() sums every cell exactly; check_aggregate() finds OGI-A-SUM at the right
// cell and nowhere else; the refusals name the part.
#include "support.hpp"

#include <ogi/check/aggregate.hpp>

#include <doctest/doctest.h>

#include <limits>

namespace json = boost::json;
using test::at;

namespace {

ogi::Report report(const json::value& v) { return json::value_to<ogi::Report>(v); }

std::size_t count(const std::vector<ogi::Diagnostic>& ds, std::string_view rule, std::string_view path = {}) {
    return static_cast<std::size_t>(std::count_if(ds.begin(), ds.end(), [&](const ogi::Diagnostic& d) {
        return d.rule == rule && (path.empty() || d.path == path);
    }));
}

std::string refusal(std::span<const ogi::Report> parts) {
    try {
        ogi::aggregate(parts);
    } catch (const ogi::NotAggregatable& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("aggregate sums every cell; the sum of consistent reports is consistent") {
    auto b = test::huaian();
    at(b, "/agency/name") = "淮安市淮阴区人民政府";
    const std::vector<ogi::Report> parts = {report(test::huaian()), report(b)};
    const auto sum = ogi::aggregate(parts);
    CHECK(sum.notes.empty());
    const auto& r = sum.report;
    CHECK(r.year == 2024);
    CHECK(r.edition() == ogi::Edition::e2021);
    CHECK(r.count(ogi::ApplicationRow::new_received, ogi::Applicant::total) == 2 * 3119);
    CHECK(r.cell("/proactive/fees/amount_wan_yuan")->money.to_string() == "192343.2");
    CHECK(r.agency.name == "汇总（2份报告）");
    CHECK(r.agency.kind == ogi::AgencyKind::government);
    CHECK(r.source.at("aggregate_of").as_array().size() == 2);
    CHECK(ogi::validate(r).valid);
    CHECK(ogi::validate(r).diagnostics.empty());

    ogi::AggregateOptions named;
    named.agency_name = "淮安市汇总";
    CHECK(ogi::aggregate(parts, named).report.agency.name == "淮安市汇总");
}

TEST_CASE("money is summed exactly: 0.1 + 0.2 = 0.3") {
    auto a = test::huaian(), b = test::huaian();
    at(a, "/proactive/fees/amount_wan_yuan") = "0.1";
    at(b, "/proactive/fees/amount_wan_yuan") = "0.2";
    const std::vector<ogi::Report> parts = {report(a), report(b)};
    const auto sum = ogi::aggregate(parts).report;
    CHECK(sum.cell("/proactive/fees/amount_wan_yuan")->money == *ogi::Decimal::parse("0.3"));
    CHECK(sum.cell("/proactive/fees/amount_wan_yuan")->money.to_string() == "0.3");

    auto c = test::seed(), d = test::seed();  // edition 2019 procurement, in the same unit
    at(c, "/proactive/procurement/amount") = "0.1";
    at(d, "/proactive/procurement/amount") = "0.2";
    const std::vector<ogi::Report> parts2019 = {report(c), report(d)};
    const auto s2019 = ogi::aggregate(parts2019).report;
    CHECK(s2019.cell("/proactive/procurement/amount")->money.to_string() == "0.3");
    CHECK(json::value_from(s2019).at_pointer("/proactive/procurement/amount_unit") == "yuan");
}

TEST_CASE("blank cells: blank only where every part is blank; otherwise summed and noted") {
    auto a = test::huaian(), b = test::huaian(), c = test::huaian();
    at(a, "/applications/granted/research_institution") = nullptr;
    at(b, "/applications/granted/research_institution") = nullptr;
    at(c, "/applications/granted/research_institution") = nullptr;
    at(a, "/reviews/administrative_review/pending") = nullptr;
    const std::vector<ogi::Report> parts = {report(a), report(b), report(c)};
    const auto sum = ogi::aggregate(parts);
    CHECK(sum.report.cell("/applications/granted/research_institution")->state == ogi::Cell::State::blank);
    const auto pending = json::value_to<std::int64_t>(test::huaian().at_pointer("/reviews/administrative_review/pending"));
    CHECK(sum.report.count(ogi::ReviewGroup::administrative_review, ogi::ReviewResult::pending) == 2 * pending);
    REQUIRE(sum.notes.size() == 1);
    CHECK(sum.notes[0].rule == "OGI-C-BLANK");
    CHECK(sum.notes[0].severity == ogi::Severity::info);
    CHECK(sum.notes[0].path == "/reviews/administrative_review/pending");
    CHECK(sum.notes[0].message_en.find("parts[0]") != std::string::npos);
}

TEST_CASE("aggregate refuses: no parts, mixed years, editions, layouts, units; too large a sum") {
    CHECK_THROWS_AS(ogi::aggregate({}), ogi::NotAggregatable);

    auto other_year = test::huaian();
    at(other_year, "/year") = 2023;
    std::vector<ogi::Report> parts = {report(test::huaian()), report(test::huaian()), report(other_year)};
    std::string why = refusal(parts);
    CHECK(why.find("parts[2]") != std::string::npos);
    CHECK(why.find("2023") != std::string::npos);
    try {
        ogi::aggregate(parts);
    } catch (const ogi::NotAggregatable& e) {
        CHECK(e.part() == 2);
    }

    parts = {report(test::huaian()), report(test::seed())};  // editions (and years)
    why = refusal(parts);
    CHECK(why.find("parts[1]") != std::string::npos);
    CHECK(why.find("edition 2019") != std::string::npos);

    auto single = test::huaian();  // the single （六） row in a 2024 report
    auto& apps = at(single, "/applications").as_object();
    apps["other"] = apps["other_reasons"];
    apps.erase("other_overdue_correction");
    apps.erase("other_overdue_fee");
    apps.erase("other_reasons");
    parts = {report(test::huaian()), report(single)};
    why = refusal(parts);
    CHECK(why.find("parts[1]") != std::string::npos);
    CHECK(why.find("三（六）") != std::string::npos);

    auto wan = test::seed();
    at(wan, "/proactive/procurement/amount_unit") = "wan_yuan";
    parts = {report(test::seed()), report(wan)};
    why = refusal(parts);
    CHECK(why.find("amount_unit") != std::string::npos);
    CHECK(why.find("parts[1]") != std::string::npos);

    auto big = test::huaian();
    at(big, "/proactive/punishment/decisions") = 9007199254740991;
    parts = {report(test::huaian()), report(big)};
    why = refusal(parts);
    CHECK(why.find("/proactive/punishment/decisions") != std::string::npos);
    CHECK(why.find("too large") != std::string::npos);
}

TEST_CASE("OGI-A-SUM: a given aggregate is checked cell by cell") {
    auto b = test::huaian();
    at(b, "/agency/name") = "淮安市淮阴区人民政府";
    const std::vector<ogi::Report> parts = {report(test::huaian()), report(b)};
    ogi::Report given = ogi::aggregate(parts).report;
    auto r = ogi::check_aggregate(given, parts);
    CHECK(r.valid);
    CHECK(r.diagnostics.empty());

    given.set(ogi::ApplicationRow::granted, ogi::Applicant::natural_person,
              *given.count(ogi::ApplicationRow::granted, ogi::Applicant::natural_person) - 1);
    given.cell("/proactive/fees/amount_wan_yuan")->money = *ogi::Decimal::parse("192343.3");
    r = ogi::check_aggregate(given, parts);
    CHECK_FALSE(r.valid);
    CHECK(r.diagnostics.size() == 2);
    CHECK(count(r.diagnostics, "OGI-A-SUM", "/applications/granted/natural_person") == 1);
    CHECK(count(r.diagnostics, "OGI-A-SUM", "/proactive/fees/amount_wan_yuan") == 1);
    const auto& d = r.diagnostics.back();  // in form order: section 二 first
    CHECK(d.path == "/applications/granted/natural_person");
    CHECK(d.severity == ogi::Severity::error);
    CHECK(*d.expected == *d.actual + 1);
    CHECK(d.message_en.find("the 2 parts add up to") != std::string::npos);
    CHECK(r.diagnostics.front().message_en.find("192343.2") != std::string::npos);
    CHECK_FALSE(r.diagnostics.front().expected.has_value());  // money: the numbers are in the message

    ogi::Report other_year = ogi::aggregate(parts).report;
    other_year.year = 2023;
    CHECK_THROWS_AS(ogi::check_aggregate(other_year, parts), ogi::NotAggregatable);
}
