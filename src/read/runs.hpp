// Internal: the digit-run resolver, the stage after placement. A crawler's dump puts a table on one
// line with its cells touching ("规范性文件898989"); placement gives each row (or table 四) its run
// of digits, and this splits it: every way to cut the digits into the row's cells (no leading
// zeros; a point only in money; a minus only in 本年增/减) is kept if it fits the form's
// arithmetic — a section 三 row's total, then jointly over the rows the column sums and the
// balance; table 四's group totals — and the report's prose where it states a figure. A cell is
// read only when every remaining split agrees on it; otherwise it is blank and OGI-E-AMBIGUOUS
// lists the candidates.
#pragma once

#include "read/cells.hpp"
#include "read/placement.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace ogi::read {

/// At most this many splits of one run (or joint choices over the rows) are looked at; a run
/// that splits more ways is left blank as undecided, since a cut-short list could make a cell
/// look decided when a split past the limit also fits.
inline constexpr std::size_t max_splits = 20000;

/// Every way to cut the digits of `pieces` (cuts only inside a piece; a piece may start with a
/// minus sign) into exactly one number per cell, without leading zeros; only money may hold a
/// decimal point and only a signed count a minus sign. An empty `kinds` means counts. Returns
/// false when the search stopped at `limit` splits (or its step budget) before it was done.
bool split_runs(const std::vector<std::string>& pieces, std::size_t n, const std::vector<CellKind>& kinds,
                std::vector<std::vector<std::string>>& out, std::size_t limit = max_splits);

/// The value of digits as read, for the arithmetic checks; it stops at 10^15 (no cell holds more
/// than fifteen digits), so that the sums stay far from overflow.
std::int64_t to_int(const std::string& s);

/// Figures the report's prose states that can settle a split ("本年度制发行政规范性文件62件",
/// "废止规范性文件3件", "现行有效规范性文件393件"): cell → digits. The 2021 edition's 规章 and
/// 规范性文件 counts are looked for; a sentence that names two of the verbs gives none.
std::map<CellIndex, std::string> prose_hints(const std::vector<std::string_view>& lines, Edition edition);

/// Splits every run group of `p` into its cells, as the header says.
void resolve_runs(Placement& p, const std::vector<Token>& tokens, const std::map<CellIndex, std::string>& hints);

}  // namespace ogi::read
