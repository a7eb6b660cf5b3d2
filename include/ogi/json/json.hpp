// ogi — reading and writing report JSON, and the JSON Schema.
#pragma once

#include <ogi/base/diagnostic.hpp>
#include <ogi/model/report.hpp>

#include <boost/json/value.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace ogi {

/// Limits on JSON input; hostile files meet a clear error instead of exhausting memory.
/// Each is refused with an OGI-S-JSON error that names the limit and the JSON Pointer where it
/// was reached (docs/reliability.md).
struct JsonLimits {
    std::size_t max_depth = 64;                ///< arrays and objects nested in one another
    std::size_t max_string_bytes = 16u << 20;  ///< one string or key, in bytes
    std::size_t max_items = 100000;            ///< entries of one array or keys of one object
    std::size_t max_values = 1000000;          ///< values in the whole document
};

/// A parsed JSON document that remembers the exact text of every non-integer number, so that
/// money written as a JSON number (0.38) is read as the exact decimal the file says.
struct JsonDocument {
    boost::json::value value;
    std::unordered_map<std::string, std::string> number_text;  ///< JSON Pointer → raw text
};

/// Parses JSON strictly: no comments, no trailing commas, valid UTF-8, no duplicate keys.
/// On failure returns nothing and sets `error` to an OGI-S-JSON diagnostic with line and column.
std::optional<JsonDocument> parse_json(std::string_view text, Diagnostic& error,
                                       const JsonLimits& limits = {});

/// Writes a report as report JSON, pretty-printed with two-space indentation and a final newline.
std::string to_json_text(const Report& report);

/// Writes any JSON value pretty-printed (two-space indentation, final newline).
std::string pretty_json(const boost::json::value& v);

/// The JSON Schema (draft-07) of report JSON, derived from the form definitions of every edition.
const boost::json::value& report_schema();
/// report_schema() as pretty-printed text (what `ogi schema` prints and docs/schema/ holds).
const std::string& report_schema_text();

}  // namespace ogi
