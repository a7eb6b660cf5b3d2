// libFuzzer target: words of PDF pages the fuzzer makes → the layout → extract; ogi::fuzz::pdf_layout_entry.
#include "fuzz_readers.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    ogi::fuzz::pdf_layout_entry(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
