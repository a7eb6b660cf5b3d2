// Internal: the fast path of validate_json_text() for report JSON of the usual shape.
//
// The full path parses the text into a JSON value, runs the compiled schema over it and reads
// the report from it (read_report), explaining every problem. Most files have none: this parses
// the text with simdjson (about four times as fast as Boost.JSON's parser here, but it explains
// nothing), reads the report from the parsed document in one pass, with no Boost.JSON value,
// and gives up at the first thing that is not of the plain, expected shape. It is strict on purpose: the keys in the form's
// order, every required key and cell there, counts as integers, amounts as plain decimal
// strings. Whatever it gives up on, the full path reads (and explains), so giving up is always
// safe; accepting is safe because it accepts only what the schema accepts and what the reader
// reads without a problem. tests/fast_read_test.cpp checks that on many documents.
#pragma once

#include <ogi/json/json.hpp>
#include <ogi/model/report.hpp>

#include <optional>
#include <string_view>

namespace ogi::detail {

/// The report in `text` (JSON, a UTF-8 byte order mark allowed), when it has the usual shape,
/// obeys `limits`, and the full path would find no OGI-S-JSON, OGI-S-SCHEMA or OGI-S-EXACT
/// problem in it and read the same report from it (except `source`, which this skips: no rule
/// reads it). Otherwise nothing.
std::optional<Report> read_report_fast(std::string_view text, const JsonLimits& limits);

}  // namespace ogi::detail
