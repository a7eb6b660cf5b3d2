// ogi — diagnostics: what the validator (and later the extractor) finds, as values.
#pragma once

#include <boost/json/fwd.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ogi {

enum class Severity : std::uint8_t { info, warning, error };
std::string_view to_string(Severity s);  ///< "info", "warning", "error"

/// The language of messages.
enum class Lang : std::uint8_t { zh, en };
/// The language the environment asks for: zh when LC_ALL / LC_MESSAGES / LANG start with "zh".
Lang lang_from_environment();

/// One finding. Every message exists in Chinese and English; `path` is a JSON Pointer into
/// the report (RFC 6901), empty for the whole document.
struct Diagnostic {
    std::string_view rule;  ///< stable id from the catalogue, e.g. "OGI-T3-BALANCE"
    Severity severity = Severity::error;
    std::string path;
    std::string message_zh;
    std::string message_en;
    std::optional<std::int64_t> expected;  ///< where the rule compares numbers
    std::optional<std::int64_t> actual;
    std::vector<std::string> related;      ///< other cells the finding concerns
    std::optional<std::size_t> line, column;  ///< source position (1-based), for text input

    [[nodiscard]] const std::string& message(Lang lang) const {
        return lang == Lang::zh ? message_zh : message_en;
    }
};

/// The diagnostic as in report-json.md: {"rule", "severity", "path", "message", …}.
boost::json::object to_json(const Diagnostic& d, Lang lang);

}  // namespace ogi
