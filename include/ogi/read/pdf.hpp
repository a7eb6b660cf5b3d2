// ogi — reading PDFs: an optional component on poppler's C++ library.
//
// poppler is GPL-2.0-or-later; the ogi library is MIT. PDF reading is therefore a separate
// library, ogi-pdf (CMake target ogi::ogi-pdf), built when poppler-cpp is found. A program that
// links it and calls enable_pdf_reading() reads PDFs with ogi::extract(); a binary that includes
// it is a combined work under the GPL when distributed (docs/dependencies.md). Without it,
// extract() refuses a PDF with an OGI-E-FORMAT error that says how to convert it.
#pragma once

namespace ogi {

/// Installs the PDF reader for ogi::extract() (once; later calls do nothing). Safe from any thread.
void enable_pdf_reading();

}  // namespace ogi
