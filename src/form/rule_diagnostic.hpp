// Internal: a diagnostic of a catalogued rule, with the catalogue's severity.
#pragma once

#include <ogi/base/diagnostic.hpp>
#include <ogi/form/rules.hpp>

#include <string>
#include <string_view>

namespace ogi::detail {

inline Diagnostic rule_diagnostic(std::string_view rule, std::string path, std::string en, std::string zh) {
    const RuleInfo* info = find_rule(rule);
    Diagnostic d;
    d.rule = info ? info->id : rule;
    d.severity = info ? info->severity : Severity::error;
    d.path = std::move(path);
    d.message_en = std::move(en);
    d.message_zh = std::move(zh);
    return d;
}

}  // namespace ogi::detail
