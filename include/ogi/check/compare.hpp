// ogi — comparing two consecutive annual reports of one agency (the cross-year rules OGI-X-*).
//
// Every diagnostic path is a JSON Pointer into the LATER report. Cells of the earlier report
// appear only in `related`, written with the prefix "earlier:" — "earlier:/applications/
// carried_forward/total" is that cell of the earlier report (see docs/compare.md).
#pragma once

#include <ogi/base/decimal.hpp>
#include <ogi/base/diagnostic.hpp>
#include <ogi/model/report.hpp>
#include <ogi/check/validate.hpp>

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace ogi {

/// The prefix that marks a pointer into the earlier report in Diagnostic::related.
inline constexpr std::string_view earlier_prefix = "earlier:";

struct CompareOptions {
    bool force = false;              ///< compare even when the reports are not consecutive years of one agency
    bool blanks_as_zero = false;     ///< read blank cells as 0 (each use is still noted, OGI-C-BLANK)
    bool warnings_as_errors = false; ///< a warning makes the result invalid
};

/// The findings of compare(): diagnostics in rule order, and whether no error was found.
using CompareResult = ValidationResult;

/// Thrown by compare() when the two reports are not consecutive years of one agency (and
/// CompareOptions::force is not set). The message names both years and both agencies.
class NotComparable : public std::invalid_argument {
public:
    NotComparable(const std::string& en, std::string zh) : std::invalid_argument(en), zh_(std::move(zh)) {}
    [[nodiscard]] std::string message(Lang lang) const { return lang == Lang::zh ? zh_ : what(); }

private:
    std::string zh_;
};

/// Whether two reports are consecutive years of the same agency: later.year == earlier.year + 1
/// and the agency names are equal once surrounding whitespace is trimmed. Nothing when they
/// are; otherwise the reason, as the NotComparable compare() would throw.
std::optional<NotComparable> comparability(const Report& earlier, const Report& later);

/// The cross-year rules: OGI-X-CARRY (both editions and across the edition change),
/// OGI-X-IN-FORCE (both reports edition 2021), OGI-X-ITEMS (both edition 2019). A rule that
/// cannot apply because the editions differ is noted once, at severity info, at /edition.
/// Throws NotComparable unless the reports are consecutive years of one agency or options.force.
CompareResult compare(const Report& earlier, const Report& later, const CompareOptions& options = {});

/// One line of the year-on-year summary: a main figure in both years and its change. A value
/// is missing where the cell is blank; the change is missing where either value is.
struct YearOnYear {
    std::string pointer;  ///< the cell, e.g. "/applications/new_received/total"
    std::string label;    ///< its official label, e.g. "一、本年新收政府信息公开申请数量 — 总计"
    std::optional<Decimal> earlier, later, change;
};

/// The main figures of both reports for people: section 三's 本年新收, 上年结转, （七）总计 and
/// 结转下年度 totals, section 四's three 总计, then every section 二 figure that both reports'
/// forms have (amounts only when both are in the same unit).
std::vector<YearOnYear> year_on_year(const Report& earlier, const Report& later);

}  // namespace ogi
