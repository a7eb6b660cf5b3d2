// Internal: the DOCX reader. A Word document (Office Open XML) is a ZIP archive; its body is
// word/document.xml. libzip opens the archive in memory (nothing is ever written to disk), the
// one entry is inflated within bounds (size, ratio), and libxml2's SAX parser reads it as a
// stream: each w:tbl row a tabular row (w:gridSpan and w:vMerge as spans, the column from the
// table's grid), each w:p outside tables a row of text. Installed by default (input_kind.cpp).
#pragma once

#include "read/readers.hpp"

#include <cstddef>
#include <string_view>

namespace ogi::read {

/// Limits on what a DOCX may make the reader do.
struct DocxLimits {
    std::size_t max_entries = 20'000;        ///< entries in the archive's directory
    std::size_t max_xml_bytes = 32u << 20;   ///< word/document.xml, inflated
    std::size_t max_ratio = 200;             ///< inflated ÷ compressed, for an entry over 1 MiB
    std::size_t max_rows = 200'000;          ///< rows of the grid (paragraphs and table rows)
};

/// The DOCX reader extract() calls (readers.hpp).
BinaryRead read_docx(std::string_view bytes, const ExtractOptions& options);
/// The same, with other limits (tests).
BinaryRead read_docx(std::string_view bytes, const ExtractOptions& options, const DocxLimits& limits);

}  // namespace ogi::read
