// libFuzzer target: a DOCX, or a word/document.xml packed into one → extract; ogi::fuzz::extract_docx_entry.
#include "fuzz_readers.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    ogi::fuzz::extract_docx_entry(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
