// The form definitions against the official tables (form-reference.md §2–§3).
#include <ogi/form/form.hpp>
#include <ogi/form/regulation.hpp>

#include <doctest/doctest.h>

#include <string>

namespace {
std::size_t cells_of(const ogi::Form& f, std::string_view table, bool drawn_only) {
    std::size_t n = 0;
    for (const auto& c : f.cells())
        if (f.tables()[c.table].key == table && (!drawn_only || f.column(c).kind != ogi::CellKind::unit)) ++n;
    return n;
}
std::size_t rows_with_layout(const ogi::Form& f, ogi::RowLayout other_layout) {
    std::size_t n = 0;
    for (const auto& r : f.table("applications")->blocks.front().rows)
        if (r.layout == ogi::RowLayout::always || r.layout == other_layout) ++n;
    return n;
}
}  // namespace

TEST_CASE("edition 2019 has the cells of the 2019 trial format") {
    const auto& f = ogi::form(ogi::Edition::e2019);
    CHECK(cells_of(f, "proactive", true) == 22);  // five blocks, 22 data cells
    CHECK(f.table("proactive")->blocks.size() == 5);
    CHECK(rows_with_layout(f, ogi::RowLayout::single_other) == 23);  // 23 rows x 7 = 161
    CHECK(cells_of(f, "reviews", true) == 15);
    CHECK(f.table("proactive")->blocks[4].heading == "第二十条第（九）项");
    CHECK(f.cell_label(*f.find("/proactive/licensing/change")) == "行政许可 — 本年增/减");
    CHECK(f.column(f.cells()[*f.find("/proactive/licensing/change")]).kind == ogi::CellKind::signed_count);
}

TEST_CASE("edition 2021 has the cells of 国办公开办函〔2021〕30号") {
    const auto& f = ogi::form(ogi::Edition::e2021);
    CHECK(cells_of(f, "proactive", true) == 10);
    CHECK(f.table("proactive")->blocks.size() == 4);
    CHECK(rows_with_layout(f, ogi::RowLayout::split_other) == 25);  // 25 rows x 7 = 175
    CHECK(f.cell_label(*f.find("/proactive/fees/amount_wan_yuan")) == "行政事业性收费 — 本年收费金额（单位：万元）");
    CHECK(f.cell_label(*f.find("/proactive/normative_documents/in_force")) == "行政规范性文件 — 现行有效件数");
    CHECK_FALSE(f.find("/proactive/procurement/projects"));
}

TEST_CASE("section 三 labels and order follow the official table") {
    const auto& rows = ogi::form(ogi::Edition::e2021).table("applications")->blocks.front().rows;
    CHECK(rows.front().label == "一、本年新收政府信息公开申请数量");
    CHECK(rows.back().label == "四、结转下年度继续办理");
    CHECK(rows[4].group == "（三）不予公开");
    CHECK(rows[4].label == "1.属于国家秘密");
    CHECK(ogi::label(ogi::ApplicationRow::withheld_security_stability) == "3.危及“三安全一稳定”");
    CHECK(ogi::official_wording(ogi::Article20Item::procurement) == "（九）政府集中采购项目的目录、标准及实施情况");
    const auto& cols = ogi::form(ogi::Edition::e2021).table("applications")->blocks.front().columns;
    REQUIRE(cols.size() == 7);
    CHECK(cols[1].group == "法人或其他组织");
    CHECK(cols[6].label == "总计");
}

TEST_CASE("relations come from the form: counts per rule") {
    auto count = [](const ogi::Form& f, std::string_view rule) {
        std::size_t n = 0;
        for (const auto& r : f.relations()) n += r.rule == rule;
        return n;
    };
    for (auto e : ogi::all_editions) {
        const auto& f = ogi::form(e);
        CHECK(count(f, "OGI-T3-ROW-TOTAL") == 26);  // every row, both layouts of （六）
        CHECK(count(f, "OGI-T3-SUM") == 7);
        CHECK(count(f, "OGI-T3-BALANCE") == 7);
        CHECK(count(f, "OGI-T4-TOTAL") == 3);
    }
    CHECK(count(ogi::form(ogi::Edition::e2019), "OGI-T2-PUBLIC-TOTAL") == 2);
    CHECK(count(ogi::form(ogi::Edition::e2019), "OGI-T2-ITEMS") == 5);
    CHECK(count(ogi::form(ogi::Edition::e2021), "OGI-T2-ITEMS") == 0);
}

TEST_CASE("editions are told by the form, and expected by the year") {
    CHECK(ogi::expected_edition(2020) == ogi::Edition::e2019);
    CHECK(ogi::expected_edition(2021) == ogi::Edition::e2021);
    CHECK(ogi::parse_edition("2021") == ogi::Edition::e2021);
    CHECK_FALSE(ogi::parse_edition("2020"));
}
