// ogi — 汇总: summing the reports of several agencies into one, and checking a given sum.
#pragma once

#include <ogi/base/diagnostic.hpp>
#include <ogi/model/report.hpp>
#include <ogi/check/validate.hpp>

#include <cstddef>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

namespace ogi {

/// Thrown by aggregate() and check_aggregate() when the parts cannot be summed: no parts,
/// different years, editions or layouts of section 三（六）, disagreeing procurement units, or a
/// sum too large to hold. `part()` is the index (from 0) of the offending part, if one is to blame.
class NotAggregatable : public std::invalid_argument {
public:
    NotAggregatable(const std::string& en, std::string zh, std::optional<std::size_t> part = std::nullopt)
        : std::invalid_argument(en), zh_(std::move(zh)), part_(part) {}
    [[nodiscard]] std::string message(Lang lang) const { return lang == Lang::zh ? zh_ : what(); }
    [[nodiscard]] std::optional<std::size_t> part() const { return part_; }

private:
    std::string zh_;
    std::optional<std::size_t> part_;
};

struct AggregateOptions {
    /// The agency named in the 汇总 report; empty: "汇总（N份报告）".
    std::string agency_name;
};

struct AggregateResult {
    Report report;                  ///< the cell-by-cell sum
    std::vector<Diagnostic> notes;  ///< OGI-C-BLANK (info): cells blank in some parts but not all
};

/// Sums every cell of the parts: counts exactly (too large a sum throws NotAggregatable naming
/// the cell), money exactly. A cell is blank in the sum only where it is blank in every part;
/// where only some parts leave it blank, the others are summed and a note says which were blank.
/// The sum has the parts' year, edition and layout, the agency kind and region they share, and
/// lists the parts' agencies in source.aggregate_of.
AggregateResult aggregate(std::span<const Report> parts, const AggregateOptions& options = {});

/// OGI-A-SUM: every cell where `aggregate` differs from the sum of `parts` (as aggregate() sums
/// them; its notes are included). Throws NotAggregatable when the parts cannot be summed or the
/// aggregate's year, edition or layout differs from theirs.
ValidationResult check_aggregate(const Report& aggregate, std::span<const Report> parts);

}  // namespace ogi
