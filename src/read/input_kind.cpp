// What a file is, by its bytes (extract.hpp's detect_input_kind), and the readers of binary
// inputs that extract() hands a file to (readers.hpp).
#include "read/docx/docx.hpp"
#include "read/html.hpp"
#include "read/readers.hpp"

#include <fmt/format.h>

#include <array>
#include <atomic>
#include <cstring>

namespace ogi {

std::string_view to_string(InputKind k) {
    switch (k) {
    case InputKind::text: return "text";
    case InputKind::html: return "html";
    case InputKind::pdf: return "pdf";
    case InputKind::docx: return "docx";
    case InputKind::word97: return "word97";
    case InputKind::spreadsheet: return "spreadsheet";
    case InputKind::image: return "image";
    case InputKind::archive: return "archive";
    }
    return "text";
}

namespace {

bool starts(std::string_view bytes, std::string_view magic) { return bytes.substr(0, magic.size()) == magic; }

/// Whether a ZIP archive names `entry` (in a local header or the central directory). The name
/// is searched in the archive's bytes, not read by a ZIP reader: this only sorts files.
bool zip_names(std::string_view bytes, std::string_view entry) { return bytes.find(entry) != std::string_view::npos; }

}  // namespace

InputKind detect_input_kind(std::string_view bytes) {
    // A PDF may have a few bytes of junk before its header; readers look in the first 1 KiB.
    if (bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos) return InputKind::pdf;
    if (starts(bytes, "PK\x03\x04") || starts(bytes, "PK\x05\x06")) {
        if (zip_names(bytes, "word/document.xml")) return InputKind::docx;
        if (zip_names(bytes, "xl/workbook.xml")) return InputKind::spreadsheet;
        return InputKind::archive;
    }
    if (starts(bytes, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) {
        // A .docx with a password to open is an OLE compound document around the encrypted package.
        if (bytes.find(std::string_view("E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e", 31)) != std::string_view::npos)
            return InputKind::docx;
        // An OLE compound document: Word 97–2003 and WPS write "WordDocument" in it, Excel "Workbook".
        if (bytes.find(std::string_view("W\0o\0r\0k\0b\0o\0o\0k", 15)) != std::string_view::npos) return InputKind::spreadsheet;
        return InputKind::word97;
    }
    if (starts(bytes, "\x89PNG") || starts(bytes, "\xFF\xD8\xFF") || starts(bytes, "GIF8") ||
        starts(bytes, std::string_view("II*\0", 4)) || starts(bytes, std::string_view("MM\0*", 4)))
        return InputKind::image;
    if (starts(bytes, "\x1F\x8B") || starts(bytes, "7z\xBC\xAF") || starts(bytes, "{\\rtf") || starts(bytes, "Rar!"))
        return InputKind::archive;
    if (read::looks_like_html(bytes)) return InputKind::html;
    return InputKind::text;
}

namespace read {
namespace {
// The DOCX reader is part of the library (libzip and libxml2, MIT-compatible) and installed from
// the start; the PDF reader is a component a program enables (ogi/read/pdf.hpp).
std::array<std::atomic<BinaryReader>, 2>& installed() {
    static std::array<std::atomic<BinaryReader>, 2> readers{nullptr, static_cast<BinaryReader>(read_docx)};
    return readers;
}
int slot(InputKind k) { return k == InputKind::pdf ? 0 : k == InputKind::docx ? 1 : -1; }
}  // namespace

void set_binary_reader(InputKind kind, BinaryReader reader) {
    if (const int s = slot(kind); s >= 0) installed()[static_cast<std::size_t>(s)].store(reader);
}

BinaryReader binary_reader(InputKind kind) {
    const int s = slot(kind);
    return s >= 0 ? installed()[static_cast<std::size_t>(s)].load() : nullptr;
}
}  // namespace read

bool can_read(InputKind k) {
    switch (k) {
    case InputKind::text:
    case InputKind::html: return true;
    case InputKind::pdf:
    case InputKind::docx: return read::binary_reader(k) != nullptr;
    default: return false;
    }
}

}  // namespace ogi
