// Internal: the extractor's view of an input, as lines of cells with their source positions.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ogi::detail {

struct RawCell {
    std::string text;
    std::size_t line = 0, column = 0;
};

/// A line of the input: a table row (HTML), or a line of text split into cells later.
struct RawLine {
    std::vector<RawCell> cells;
    bool explicit_cells = false;  ///< cells are given (HTML <td>): an empty one is a blank cell
};

/// True when the text looks like an HTML page or fragment.
bool looks_like_html(std::string_view text);

/// An HTML page as lines: each <tr> of a data table is a line of cells; the rest of the page
/// is lines of text (one per paragraph, heading, <br>). Uses libxml2's forgiving HTML parser.
std::vector<RawLine> html_lines(std::string_view utf8, std::size_t& tables_found);

}  // namespace ogi::detail
