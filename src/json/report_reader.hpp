// Internal: the one reader of report JSON (report_reader.cpp). One handler knows the report's
// JSON shape and what each value means; two front ends give it a parsed document:
//
// - the full path, read_report(): a Boost.JSON value from json.cpp's strict parser (exact number
//   text, duplicate keys refused, JsonLimits). Every problem is explained and reading goes on.
//   value_to<Report> (strict: the first problem throws) and the validator (lenient: it reads what
//   it can and marks what it could not) use it.
// - the fast path of validate_json_text(), read_report_fast(): simdjson's document of the text,
//   about four times as fast to parse, with no Boost.JSON value. The first problem ends the
//   reading, and so does anything the full path's parser would read otherwise; then the full
//   path runs and explains. What it reads is what the full path reads without a problem.
//   tests/fast_read_test.cpp, tests/read_expectations_test.cpp and fuzz_validate check that.
#pragma once

#include <ogi/json/json.hpp>
#include <ogi/model/report.hpp>

#include <boost/json/value.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ogi::detail {

using NumberText = std::unordered_map<std::string, std::string>;

struct ReadProblem {
    std::string pointer;
    std::string what_en;
    std::string what_zh;
};

struct ReadOutcome {
    std::optional<Report> report;      ///< nothing when not even the edition could be read
    std::vector<ReadProblem> problems; ///< everything that does not fit the contract
    std::vector<CellIndex> unreadable; ///< cells whose value could not be used (left blank)
    std::vector<std::string> inexact;  ///< money numbers with more digits than ogi keeps exactly
    bool year_read = false;
};

/// The full path: the report in `v`, with every problem explained. `number_text` (JSON Pointer →
/// the text of each non-integer number, from parse_json) makes amounts written as JSON numbers
/// exact; without it, each is read as the shortest text that gives back the same double.
ReadOutcome read_report(const boost::json::value& v, const NumberText* number_text);

/// The fast path: the report in `text` (JSON, a UTF-8 byte order mark allowed) when the full
/// path, under `limits`, would find no OGI-S-JSON, OGI-S-SCHEMA or OGI-S-EXACT problem in it, and
/// it is of the usual shape (no number with a fraction or an exponent, `source` of plain values
/// only, at most 1 MiB, under limits it cannot reach); the same report the full path reads,
/// except `source`, which this skips (no rule reads it). Otherwise nothing.
std::optional<Report> read_report_fast(std::string_view text, const JsonLimits& limits);

}  // namespace ogi::detail
