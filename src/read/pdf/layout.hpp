// Internal: a PDF's words, with their boxes, into the reading engine's grid (read/grid.hpp), by
// geometry alone: lines by baseline, cells by the gaps between words, a label wrapped over
// lines in its cell joined, table rows by the cells' vertical centres, columns by the header
// cells' x-extents, a table continued on the next page joined to it, page headers, footers and
// page numbers dropped, paragraphs joined. It knows nothing of poppler (pdf_reader.cpp gives it
// the words) and nothing of the report form.
#pragma once

#include "read/grid.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace ogi::read::pdf {

/// A word as the PDF's text layer gives it: its text (UTF-8) and its box in points, from the
/// page's top left corner.
struct Word {
    std::string text;
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    /// The width of a full-width character in this word's font (its em), 0 when the word has
    /// none (digits, Latin): the box's height is no measure of it, since some writers (Chromium)
    /// give every box the font's full ascent and descent.
    float em = 0;
    bool space_after = false;  ///< the PDF puts a space between this word and the next
    std::uint8_t rotation = 0;  ///< 0: upright; 1, 2, 3: turned by 90°, 180°, 270° (vertical text)
};

struct Page {
    float width = 0, height = 0;
    std::vector<Word> words;
};

/// The pages as one grid, in reading order: text outside tables as rows of text (a paragraph
/// a row, its lines joined), each table row a tabular row. Each cell's source has its page and
/// box, and `line` = its row's 1-based number in the grid (the lines extract() sees),
/// `column` = its 1-based character column in that row's cells joined by tabs.
Grid layout(const std::vector<Page>& pages);

}  // namespace ogi::read::pdf
