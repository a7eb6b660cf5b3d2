// The fuzz targets' entry points, shared with the regression test (tests/fuzz_regression_test.cpp)
// so that a kept input runs through exactly the code the fuzzer ran.
#pragma once

#include <ogi/check/compare.hpp>
#include <ogi/read/extract.hpp>
#include <ogi/json/json.hpp>
#include <ogi/check/validate.hpp>

#include "json/report_reader.hpp"  // src/: the fast path is checked against the full path
#include "check/schema_check.hpp"

#include <boost/json.hpp>

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstdint>
#include <string>
#include <string_view>

namespace ogi::fuzz {

/// The separator between the two documents of a compare input (a form feed on its own line).
inline constexpr std::string_view compare_separator = "\n\f\n";

/// The report the full path reads from `doc` when it finds no problem of form (the compiled
/// schema accepts the document and the reader reads every cell exactly), with `source` cleared
/// because the fast path skips it; otherwise nothing. Whatever the fast path reads must be this.
inline std::optional<Report> plain_full_read(const JsonDocument& doc) {
    if (!detail::report_schema_program().accepts(doc.value)) return std::nullopt;
    detail::ReadOutcome read = detail::read_report(doc.value, &doc.number_text);
    if (!read.report || !read.problems.empty() || !read.inexact.empty() || !read.unreadable.empty() || !read.year_read)
        return std::nullopt;
    read.report->source = {};
    return std::move(read.report);
}

/// Stops the fuzzer (a finding) when the fast path of validate_json_text reads a report the full
/// path would not read without a problem, or reads it differently.
inline void check_fast_path(std::string_view text) {
    const std::optional<Report> fast = detail::read_report_fast(text, {});
    if (!fast) return;
    auto fail = [](const char* why) {
        std::fprintf(stderr, "fast path and full path disagree: %s\n", why);
        std::abort();
    };
    Diagnostic error;
    const auto doc = parse_json(text, error);
    if (!doc) fail("parse_json refuses what the fast path reads");
    const std::optional<Report> full = plain_full_read(*doc);
    if (!full) fail("the schema or the reader finds a problem");
    if (!(*full == *fast)) fail("the reports differ");
}

inline void validate_entry(std::string_view text) {
    check_fast_path(text);
    ValidateOptions o;
    o.blanks_as_zero = text.size() % 2 == 1;  // both settings, without doubling the time per input
    o.warnings_as_errors = o.blanks_as_zero;
    (void)validate_json_text(text, o);
}

inline void check_extract(std::string_view bytes) {
    ExtractOptions o;
    o.source_name = "fuzz";
    o.with_provenance = true;
    ExtractResult r = extract(bytes, o);
    // What the extractor returns must be a report that writes, reads back and validates.
    if (r.report) {
        const std::string json = to_json_text(*r.report);
        (void)validate_json_text(json);
    }
}

inline void extract_text_entry(std::string_view bytes) { check_extract(bytes); }

/// The HTML target keeps the extractor on its HTML path: the input is the inside of a page.
inline void extract_html_entry(std::string_view bytes) {
    std::string page = "<html><body>";
    page.append(bytes);
    page += "</body></html>";
    check_extract(page);
}

inline std::optional<Report> read_report(std::string_view text) {
    Diagnostic error;
    auto doc = parse_json(text, error);
    if (!doc) return std::nullopt;
    try {
        return boost::json::value_to<Report>(doc->value);
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

/// Two JSON documents separated by compare_separator (or, without one, the input split in half).
inline void compare_entry(std::string_view text) {
    std::string_view a, b;
    if (auto k = text.find(compare_separator); k != std::string_view::npos) {
        a = text.substr(0, k);
        b = text.substr(k + compare_separator.size());
    } else {
        a = text.substr(0, text.size() / 2);
        b = text.substr(text.size() / 2);
    }
    auto earlier = read_report(a);
    auto later = read_report(b);
    if (!earlier || !later) return;
    (void)comparability(*earlier, *later);
    CompareOptions o;
    o.force = true;
    (void)compare(*earlier, *later, o);
    o.blanks_as_zero = true;
    (void)compare(*earlier, *later, o);
    (void)year_on_year(*earlier, *later);
    try {
        (void)compare(*earlier, *later);
    } catch (const NotComparable&) {
    }
}

}  // namespace ogi::fuzz
