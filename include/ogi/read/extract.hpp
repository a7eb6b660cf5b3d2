// ogi — reading published reports (text in the real layouts, HTML, PDF, DOCX) into a Report.
//
// The extractor knows no layout by name: it reads the text as a stream of cells, finds the
// form's own labels (and their variants) in it, and fills the form's cells in the form's order.
// Where cells run together (a crawler's "规范性文件898989"), it splits the digits by the form's
// arithmetic; where more than one split fits, the cell stays blank and a diagnostic lists the
// candidates. It never guesses.
#pragma once

#include <ogi/base/diagnostic.hpp>
#include <ogi/model/report.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ogi {

/// What a file is, told by its bytes (docs/extract.md, "File kinds").
enum class InputKind : std::uint8_t {
    text,         ///< plain text: copied tables, pdftotext output, crawler dumps (UTF-8 or GB18030)
    html,         ///< an HTML page or fragment
    pdf,          ///< a PDF document
    docx,         ///< a Word document (Office Open XML)
    word97,       ///< a .doc (Word 97–2003) or .wps (WPS Office) file: an OLE compound document, not read
    spreadsheet,  ///< an .xlsx, .xls or .et file: not read
    image,        ///< a PNG, JPEG, GIF, TIFF or BMP image: not read (a scan needs OCR)
    archive,      ///< another ZIP, a gzip or a 7z archive, an RTF file: not read
};
std::string_view to_string(InputKind k);  ///< "text", "html", "pdf", "docx", "word97", "spreadsheet", "image", "archive"

/// The kind of `bytes`: by their signature (%PDF-, a ZIP holding word/document.xml, an OLE compound
/// document, image headers …), then HTML markers, else text. A file's name never decides it.
InputKind detect_input_kind(std::string_view bytes);

/// Whether extract() reads this kind in this build (PDF needs the optional poppler component,
/// ogi/read/pdf.hpp). A kind it does not read gives an OGI-E-FORMAT error that says what to do.
bool can_read(InputKind k);

struct ExtractOptions {
    std::string source_name;       ///< recorded in the report's `source.file`
    bool with_provenance = false;  ///< also record each cell's "line:column" in the report's `source.provenance`
    /// Largest input read, in bytes (64 MiB): a larger one gives no report and an OGI-E-NO-TABLES
    /// error that says so. Time and memory are linear in the input below it (docs/reliability.md).
    std::size_t max_bytes = 64u << 20;
};

/// Where a cell's value came from in the input, how it was read, and whether the form's own
/// arithmetic confirms it (docs/extract.md, "Where each number came from").
struct SourcePosition {
    std::size_t line = 0, column = 0;  ///< 1-based, in characters (0: the input has no lines, e.g. a DOCX)
    std::size_t offset = 0;  ///< first byte: in the file for UTF-8 text and HTML, in the decoded text for GB18030,
                             ///< in word/document.xml for DOCX; for a PDF, in the page's text
    std::size_t length = 0;  ///< bytes
    std::size_t page = 0;    ///< PDF: 1-based page; 0 otherwise
    std::string text;        ///< the cell as printed ("" for an empty cell)
    /// How it was placed: "row" (on its row, by the row's label), "before-label" (printed just
    /// before its label), "missing-label" (the one row whose label is missing, with exactly its
    /// values), "stream" (a table given cell by cell, read whole in the form's order), "columns"
    /// (a stretch given column by column, as the row totals show), "split" (digits that ran
    /// together, split the only way that fits), "cut-off" (the first cells of a row where the text ends).
    std::string_view basis;
    /// "confirmed" (every relation of the form it is in holds, and at least one could be checked),
    /// "contradicted" (a relation it is in fails: the report's slip, or a misreading), or
    /// "unchecked" (blank, or in no relation whose cells were all read).
    std::string_view relations;
};

struct ExtractResult {
    std::optional<Report> report;          ///< nothing when no table of the form was found
    std::vector<Diagnostic> diagnostics;   ///< OGI-E-* findings, each with its source position
    std::map<std::string, SourcePosition> provenance;  ///< JSON Pointer → where it came from, for every cell read
    bool complete = false;                 ///< every cell of the form was found (not cut off)
};

/// Where each cell came from, as JSON (the `explain` key of `ogi extract --format json --explain`,
/// docs/extract.md): JSON Pointer → {"line", "column", "offset", "length", "page" (PDF only),
/// "text", "basis", "relations"}, in the form's order.
boost::json::object explain_json(const ExtractResult& result);

/// Reads a published report: text or HTML (UTF-8 with or without BOM, or GB18030/GBK), PDF or
/// DOCX, told by detect_input_kind(bytes). A kind it cannot read gives no report and an
/// OGI-E-FORMAT error that names the conversion to make (options.source_name's extension words it).
ExtractResult extract(std::string_view bytes, const ExtractOptions& options = {});

}  // namespace ogi
