// ogi — the JSON documents the tools answer with: the diagnostics document, the extraction
// wrapper and the rule catalogue (docs/report-json.md, docs/cli.md, docs/serve.md).
//
// The command line (`--format json`) and `ogi serve` both build their answers here, so the two
// cannot drift apart.
#pragma once

#include <ogi/base/diagnostic.hpp>
#include <ogi/model/report.hpp>

#include <boost/json/value.hpp>

#include <optional>
#include <span>
#include <string_view>

namespace ogi {

/// The diagnostics document of report-json.md: {"file", "valid", "diagnostics": […]}, each
/// diagnostic as to_json() writes it in `lang`.
boost::json::object diagnostics_document(std::string_view file, bool valid, std::span<const Diagnostic> diagnostics,
                                         Lang lang);

/// What `ogi extract --format json` writes for one input: {"report": report or null,
/// "diagnostics": […]} (the extraction's findings, then the validator's when it ran), and with
/// `explain` (ogi::explain_json of the extraction, `--explain`) its "explain" key.
boost::json::object extract_document(const std::optional<Report>& report, std::span<const Diagnostic> diagnostics,
                                     Lang lang, const boost::json::object* explain = nullptr);

/// The rule catalogue as `ogi rules --format json` prints it: an array of {"id", "severity",
/// "scope", "statement" (in `lang`), "basis"}, in catalogue order.
boost::json::array rules_document(Lang lang);

}  // namespace ogi
