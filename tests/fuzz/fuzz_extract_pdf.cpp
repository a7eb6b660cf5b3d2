// libFuzzer target: a PDF → extract (poppler, then the layout); ogi::fuzz::extract_pdf_entry.
#include "fuzz_readers.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    ogi::fuzz::extract_pdf_entry(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
