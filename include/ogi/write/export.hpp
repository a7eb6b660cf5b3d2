// ogi — reports as CSV rows for spreadsheets and data frames (docs/export.md).
//
// Two shapes. The long form has one row per report and cell:
//   file,agency,year,edition,table,row,column,value
// The wide form has one row per report:
//   file,agency,year,edition,published_on,<table>/<row>/<column>,...
// where each cell column is named by the cell's JSON Pointer without the leading slash. A value
// is written as in report JSON: an integer, the exact decimal text of money, the unit word, and
// nothing for a blank cell. Fields are quoted as RFC 4180 says; lines end in CRLF.
#pragma once

#include <ogi/form/form.hpp>
#include <ogi/model/report.hpp>

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ogi {

/// A field as RFC 4180 writes it: in double quotes (with quotes doubled) when it holds a comma,
/// a double quote, a line break or leading/trailing spaces; as it is otherwise.
std::string csv_field(std::string_view text);

/// A cell's value as CSV text: as in report JSON, and empty for a blank or absent cell.
std::string csv_value(const Report& report, CellIndex cell);

/// The header line of the long form (with its CRLF).
std::string csv_long_header();
/// Appends one line per cell of the report's layout (cells of the other 三（六） layout are left out).
void append_csv_long(std::string& out, const Report& report, std::string_view file);

/// The cell columns of the wide form for reports of these editions: the cells of each edition
/// present, in the order of the form; when both are present, the 2019 cells first, then the cells
/// only the 2021 edition has. Each is a JSON Pointer without its leading slash.
std::vector<std::string> wide_cell_columns(std::span<const Edition> editions);
/// The header line of the wide form for these editions (with its CRLF).
std::string csv_wide_header(std::span<const Edition> editions);
/// Appends the report's line of the wide form whose header is csv_wide_header(editions). A column
/// the report's edition does not have, or a cell of the other 三（六） layout, is empty.
void append_csv_wide(std::string& out, const Report& report, std::string_view file, std::span<const Edition> editions);

/// The byte order mark that makes Excel read a CSV file as UTF-8.
inline constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

}  // namespace ogi
