// Internal: the text reader. Copied tables, pdftotext output and crawler dumps become a grid: a
// row a line, its cells split at tabs, pipes (| ｜) and gaps of two or more spaces, and a label
// followed by single-spaced numbers ("四、结转下年度继续办理 0 0 0 0 0 0 0") split off its numbers.
// An empty cell between two separators is a blank cell; a line that is a lone tab is one too; a
// line of pipes only is filler. A crawler's one-line dump (a long line holding the tables, with
// the cells touching) is cut at every label of the form first.
#pragma once

#include "read/grid.hpp"

#include <string_view>
#include <vector>

namespace ogi::read {

/// The text as a grid of lines: a row per line, holding the whole line as one cell, its source
/// the line's byte offset (plus `offset_base`, the bytes decoding dropped before the text: a byte
/// order mark), line and column 1. split_lines() then splits it.
Grid read_text(std::string_view text, std::size_t offset_base);

/// Splits every row that is a line of text (not a table row a reader gave: an HTML paragraph, a
/// line of plain text) into its cells. When a line is a crawler's dump (long, with 第二十条 and
/// 信息内容), every line is cut at the labels first; returns whether that was so.
bool split_lines(Grid& grid);

/// One line (or a piece of one) split into cells, appended to `out`. With `in_text`, `at` is the
/// place of the line's first byte and each cell gets its own offset and column; otherwise (a
/// paragraph of an HTML page, a line of a PDF) every cell gets `at`.
void split_text(std::string_view line, const SourceSpan& at, bool in_text, std::vector<GridCell>& out);

}  // namespace ogi::read
