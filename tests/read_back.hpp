// Test helper: an extraction that must give a written report back exactly.
#pragma once

#include "layouts.hpp"

#include <ogi/read/extract.hpp>

#include <doctest/doctest.h>

namespace test {

/// Checks that an extraction read `original` back exactly — edition, year, agency, the layout of
/// 三（六）, every cell, and complete — and shows the first cells that differ.
inline void check_read_back(const ogi::ExtractResult& res, const ogi::Report& original) {
    REQUIRE(res.report);
    CHECK(res.report->edition() == original.edition());
    CHECK(res.report->year == original.year);
    CHECK(res.report->agency.name == original.agency.name);
    CHECK(res.report->has_single_other() == original.has_single_other());
    CHECK(res.report->cells() == original.cells());
    for (std::size_t i = 0, shown = 0; i < original.cells().size() && shown < 5; ++i)
        if (!(res.report->cells()[i] == original.cells()[i])) {
            ++shown;
            MESSAGE(original.form().cells()[i].pointer, ": wrote ", value_text(original, i), ", read ",
                    value_text(*res.report, i));
        }
    CHECK(res.complete);
}

}  // namespace test
