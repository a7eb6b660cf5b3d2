// ogi — reading published reports (plain text in the real layouts, or HTML) into a Report.
//
// The extractor knows no layout by name: it reads the text as a stream of cells, finds the
// form's own labels (and their variants) in it, and fills the form's cells in the form's order.
// Where cells run together (a crawler's "规范性文件898989"), it splits the digits by the form's
// arithmetic; where more than one split fits, the cell stays blank and a diagnostic lists the
// candidates. It never guesses.
#pragma once

#include <ogi/base/diagnostic.hpp>
#include <ogi/model/report.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ogi {

struct ExtractOptions {
    std::string source_name;       ///< recorded in the report's `source.file`
    bool with_provenance = false;  ///< record each cell's source position in `source.provenance`
    /// Largest input read, in bytes (64 MiB): a larger one gives no report and an OGI-E-NO-TABLES
    /// error that says so. Time and memory are linear in the input below it (docs/reliability.md).
    std::size_t max_bytes = 64u << 20;
};

/// Where a cell's value came from in the input (1-based line and column, in characters).
struct SourcePosition {
    std::size_t line = 0, column = 0;
};

struct ExtractResult {
    std::optional<Report> report;          ///< nothing when no table of the form was found
    std::vector<Diagnostic> diagnostics;   ///< OGI-E-* findings, each with its source position
    std::map<std::string, SourcePosition> provenance;  ///< JSON Pointer → position, for every cell read
    bool complete = false;                 ///< every cell of the form was found (not cut off)
};

/// Reads a published report: UTF-8 (with or without BOM) or GB18030/GBK, plain text or HTML.
ExtractResult extract(std::string_view bytes, const ExtractOptions& options = {});

}  // namespace ogi
