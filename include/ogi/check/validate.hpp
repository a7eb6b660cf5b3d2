// ogi — the validator: the schema and every single-report rule of the catalogue.
#pragma once

#include <ogi/base/diagnostic.hpp>
#include <ogi/json/json.hpp>
#include <ogi/model/report.hpp>

#include <string_view>
#include <vector>

namespace ogi {

struct ValidateOptions {
    bool blanks_as_zero = false;    ///< read blank cells as 0 (each use is still noted, OGI-C-BLANK)
    bool warnings_as_errors = false;///< a warning makes the report invalid
    JsonLimits limits;
};

struct ValidationResult {
    std::vector<Diagnostic> diagnostics;  ///< in document order of the rules
    bool valid = true;                    ///< no error (and no warning with warnings_as_errors)
    std::size_t count(Severity s) const;
};

/// Checks report JSON text: OGI-S-JSON, OGI-S-SCHEMA, then the rules on what could be read.
ValidationResult validate_json_text(std::string_view text, const ValidateOptions& options = {});
/// Checks a parsed JSON value (no raw number text; see JsonDocument).
ValidationResult validate_json(const JsonDocument& doc, const ValidateOptions& options = {});
/// Runs the rules on a report built in code (no schema step: the types already hold).
ValidationResult validate(const Report& report, const ValidateOptions& options = {});

}  // namespace ogi
