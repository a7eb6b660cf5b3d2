// Internal: the HTML reader. A page becomes a grid: each <tr> of a data table a tabular row
// (colspan and rowspan as spans), the rest of the page rows of text (one per paragraph,
// heading or <br>). libxml2's forgiving HTML parser reads it.
#pragma once

#include "read/grid.hpp"

#include <string_view>

namespace ogi::read {

/// True when the text looks like an HTML page or fragment.
bool looks_like_html(std::string_view text);

/// The page as a grid. Each cell's source is the line and byte offset of its element's start tag
/// in `utf8`; its column is left 0, for the caller to count where it needs it.
Grid read_html(std::string_view utf8);

}  // namespace ogi::read
