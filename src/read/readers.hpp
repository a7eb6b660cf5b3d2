// Internal: the readers of binary inputs (PDF, DOCX) that extract() hands a file to. Each turns
// the bytes into a grid (grid.hpp), or says why it cannot. A reader built as an optional
// component (the PDF reader on poppler, GPL) installs itself here when a program enables it.
#pragma once

#include "read/grid.hpp"

#include <ogi/read/extract.hpp>

#include <optional>
#include <string_view>
#include <vector>

namespace ogi::read {

struct BinaryRead {
    std::optional<Grid> grid;              ///< nothing when the file could not be read
    std::vector<Diagnostic> diagnostics;   ///< why not, or what was noticed on the way
};

using BinaryReader = BinaryRead (*)(std::string_view bytes, const ExtractOptions& options);

/// Installs the reader of `kind` (pdf or docx); nullptr removes it.
void set_binary_reader(InputKind kind, BinaryReader reader);
/// The reader of `kind`, or nullptr when none is installed.
BinaryReader binary_reader(InputKind kind);

}  // namespace ogi::read
