// Test helpers: random valid reports of either edition, for the extraction and rendering tests.
#pragma once

#include <ogi/ogi.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <random>

namespace test {

/// A random valid report: every table's arithmetic holds, some cells are blank, section
/// 三（六） in the layout asked for. Agency 测试县人民政府, no narrative, no date.
inline ogi::Report random_report(std::mt19937& rng, ogi::Edition edition, bool single_other) {
    auto n = [&](int hi) { return std::uniform_int_distribution<int>(0, hi)(rng); };
    ogi::Report r(edition);
    r.use_single_other(single_other);
    r.year = edition == ogi::Edition::e2019 ? 2019 + n(1) : 2021 + n(4);
    r.agency.name = "测试县人民政府";
    r.agency.kind = ogi::AgencyKind::government;
    const ogi::Form& f = r.form();
    // table 二
    for (std::size_t i = 0; i < f.cells().size(); ++i) {
        const auto& d = f.cells()[i];
        if (f.tables()[d.table].key != "proactive") continue;
        const auto& col = f.column(d);
        auto& c = r.cells()[i];
        switch (col.kind) {
        case ogi::CellKind::count: c = {ogi::Cell::State::value, n(3) == 0 ? 0 : n(5000), {}}; break;
        case ogi::CellKind::signed_count: c = {ogi::Cell::State::value, n(20) - 10, {}}; break;
        case ogi::CellKind::money:
            c = {ogi::Cell::State::value, 0, *ogi::Decimal::parse(fmt::format("{}.{}", n(99999), n(99)))};
            break;
        case ogi::CellKind::unit: c = {ogi::Cell::State::value, n(1), {}}; break;
        }
    }
    if (edition == ogi::Edition::e2019)  // keep 上一年项目数量 + 本年增/减 >= 0
        for (const char* row : {"licensing", "other_services", "punishment", "coercion", "fees"}) {
            auto* prev = r.cell(fmt::format("/proactive/{}/previous_items", row));
            prev->number = std::max<std::int64_t>(prev->number, 10);
        }
    // table 三: outcome rows, then the total row, then the balance
    using ogi::Applicant;
    using ogi::ApplicationRow;
    std::int64_t total[7] = {};
    for (int row = 0; row < ogi::application_row_count; ++row) {
        const auto ar = static_cast<ApplicationRow>(row);
        if (!ogi::is_outcome(ar) || r.cells()[*f.find(fmt::format("/applications/{}/total", ogi::key(ar)))].state ==
                                        ogi::Cell::State::absent)
            continue;
        std::int64_t sum = 0;
        for (int c = 0; c < 6; ++c) {
            const std::int64_t v = n(4) == 0 ? n(30) : 0;
            r.set(ar, static_cast<Applicant>(c), v);
            sum += v;
            total[c] += v;
        }
        r.set(ar, Applicant::total, sum);
        total[6] += sum;
    }
    std::int64_t carried_over_sum = 0, forward_sum = 0, new_sum = 0;
    for (int c = 0; c < 6; ++c) {
        const std::int64_t forward = n(3), over = std::min<std::int64_t>(n(3), total[c] + forward);
        r.set(ApplicationRow::total, static_cast<Applicant>(c), total[c]);
        r.set(ApplicationRow::carried_forward, static_cast<Applicant>(c), forward);
        r.set(ApplicationRow::carried_over, static_cast<Applicant>(c), over);
        r.set(ApplicationRow::new_received, static_cast<Applicant>(c), total[c] + forward - over);
        carried_over_sum += over;
        forward_sum += forward;
        new_sum += total[c] + forward - over;
    }
    r.set(ApplicationRow::total, Applicant::total, total[6]);
    r.set(ApplicationRow::carried_forward, Applicant::total, forward_sum);
    r.set(ApplicationRow::carried_over, Applicant::total, carried_over_sum);
    r.set(ApplicationRow::new_received, Applicant::total, new_sum);
    for (int g = 0; g < ogi::review_group_count; ++g) {
        std::int64_t sum = 0;
        for (int k = 0; k < 4; ++k) {
            const std::int64_t v = n(3) == 0 ? n(9) : 0;
            r.set(static_cast<ogi::ReviewGroup>(g), static_cast<ogi::ReviewResult>(k), v);
            sum += v;
        }
        r.set(static_cast<ogi::ReviewGroup>(g), ogi::ReviewResult::total, sum);
    }
    // Some cells left blank, as reports do.
    for (std::size_t i = 0; i < r.cells().size(); ++i)
        if (r.cells()[i].state == ogi::Cell::State::value && f.column(f.cells()[i]).kind != ogi::CellKind::unit &&
            n(25) == 0)
            r.cells()[i] = ogi::Cell{ogi::Cell::State::blank, 0, {}};
    // a blank amount prints no unit either
    if (auto* amount = r.cell("/proactive/procurement/amount"); amount && amount->state == ogi::Cell::State::blank)
        *r.cell("/proactive/procurement/amount_unit") = ogi::Cell{ogi::Cell::State::blank, 0, {}};
    return r;
}

}  // namespace test
