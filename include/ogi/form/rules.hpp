// ogi — the rule catalogue: every check has a stable id, a severity and a statement.
#pragma once

#include <ogi/base/diagnostic.hpp>

#include <span>
#include <string_view>

namespace ogi {

/// What a rule checks.
enum class RuleScope : std::uint8_t {
    document,  ///< one report file
    pair,      ///< two consecutive reports of one agency (ogi compare)
    aggregate, ///< a 汇总 report and its parts (ogi aggregate --check)
    extraction ///< reading a published report (ogi extract)
};

/// "document", "pair", "aggregate" or "extraction", as `ogi rules --format json` writes it.
std::string_view to_string(RuleScope s);

struct RuleInfo {
    std::string_view id;
    Severity severity;        ///< the severity it is reported with (OGI-M-DATE: error or warning)
    RuleScope scope;
    std::string_view statement_en;
    std::string_view statement_zh;
    std::string_view basis;   ///< the official source it rests on
};

/// Every rule, in catalogue order.
std::span<const RuleInfo> rules();
/// The rule with this id, or nullptr.
const RuleInfo* find_rule(std::string_view id);

}  // namespace ogi
