// Internal: the one intermediate form of the reading engine. Every reader (text in its layouts,
// HTML, PDF, DOCX) turns its input into a Grid: rows of cells, each cell with its text, its
// place in the row (column and spans) and where it came from; the placement stage maps a grid
// to the form, and knows no input format.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace ogi::read {

/// Where a piece of text came from in the input.
struct SourceSpan {
    std::size_t offset = 0;  ///< first byte, in the text the reader read (the decoded UTF-8 text; a PDF's or DOCX's own text)
    std::size_t length = 0;  ///< bytes
    std::uint32_t line = 0;  ///< 1-based line in that text (0: the input has no lines)
    std::uint32_t column = 0;  ///< 1-based column in characters
    std::uint32_t page = 0;  ///< PDF: 1-based page; 0 for other inputs
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;  ///< PDF: the box in points, from the page's top left corner
};

/// One cell of a grid row.
struct GridCell {
    std::string text;  ///< the cell's text, inner white space collapsed, trimmed ("" for an empty cell)
    SourceSpan source;
    std::uint32_t column = 0;    ///< the grid column of the cell's left edge, from 0 (after the spans before it)
    std::uint32_t span = 1;      ///< grid columns it covers (colspan, gridSpan)
    std::uint32_t row_span = 1;  ///< grid rows it covers (rowspan, vMerge); the rows below do not repeat it
};

/// One row: a table row whose cells the input gives (an HTML <tr>, a DOCX or PDF table row), or
/// a line of text, which the text reader splits into cells by its layout rules.
struct GridRow {
    std::vector<GridCell> cells;
    /// True for a table row: each cell is a cell of the table, and an empty one is a blank cell.
    /// False for a line of text: one cell holding the line, split later.
    bool tabular = false;
    std::uint32_t table = 0;  ///< 1-based number of the table in the input for tabular rows; 0 for text
};

/// An input as rows, in reading order.
struct Grid {
    std::vector<GridRow> rows;
    std::size_t tables = 0;  ///< tables the reader found
    /// The cells' sources are places in the text itself (plain text): a cell split out of a line
    /// gets its own offset and column. Otherwise (HTML, PDF, DOCX) split cells keep their row's.
    bool spans_in_text = false;
};

}  // namespace ogi::read
